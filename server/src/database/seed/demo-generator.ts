/**
 * Deterministic generator of the FICTIONAL demo data set: the same input gives byte-identical output on
 * every run (seeded PRNG per organisation, fixed reference date, name-based UUIDs). Pure: no database.
 */
import {
  AttendingAccess,
  COUNCIL_MOTION_TAXONOMY,
  FIELD_OF_ACTION_TERMS,
  MembershipRole,
  type MultiPolygon,
  OrganisationKind,
  RelationshipType,
  TARGET_GROUP_TERMS,
  VerificationStatus,
  Weekday,
  pointInGeometry,
} from '@partneratlas/shared';
import type { PhoneValue } from '../../modules/organisations/organisation.entity';
import type { DistrictRecord } from './data-files';
import {
  ACCESSIBILITY_NOTES,
  AUTHORITY_THEMES,
  CLUSTERS,
  type ClusterDefinition,
  type Community,
  DEMO_DESCRIPTION_PREFIX,
  DEMO_NETWORK_MEMBER_COUNT,
  DEMO_ORGANISATION_COUNT,
  DEMO_REFERENCE_DATE,
  DEMO_RELATIONSHIP_COUNT,
  DEMO_STREETS,
  DESCRIPTIONS,
  KIND_COUNTS,
  LANGUAGE_WEIGHTS,
  LOCATION_NAMES,
  NAME_PATTERNS,
  NAME_THEMES,
  OLD_TOWN_HALL,
  OLD_TOWN_POSTCODE,
  ORIGIN_GROUPS,
  SCHEDULE_PATTERNS,
  SCHEDULE_PREFERENCES,
  SERVICE_TEMPLATES,
  type SchedulePatternKey,
  type ServiceTemplate,
} from './demo-tables';
import { type Rng, rngFor, stableUuid } from './prng';

// ------------------------------------------------------------------------------------------------ types

export interface DemoOrganisation {
  /** 1-based number; part of every stable id (`demo-org-<n>`). */
  index: number;
  id: string;
  kind: OrganisationKind;
  name: string;
  description: string;
  website: string | null;
  email: string | null;
  phones: PhoneValue[];
  languages: string[];
  yearFounded: number | null;
  parentOrganisationId: string | null;
  verificationStatus: VerificationStatus;
  lastConfirmedAt: string | null;
  sourceNote: string;
  /** Generator attributes (not stored): where the entry "lives" and its place in the relationship graph. */
  homeCluster: string;
  community: Community;
  isolated: boolean;
}

export interface DemoService {
  id: string;
  organisationId: string;
  name: string;
  description: string;
  languages: string[];
  fees: string | null;
  free: boolean | null;
  eligibility: string | null;
  attendingAccess: AttendingAccess[];
  capacity: number | null;
  /** Field-of-action codes (ratsantrag, some 2008 concept) and target-group codes. */
  termCodes: string[];
}

export interface DemoLocation {
  id: string;
  organisationId: string;
  name: string | null;
  street: string;
  postcode: string;
  city: string;
  lat: number;
  lon: number;
  accessibility: string | null;
  /** The district whose representative point the location was generated around; null around the old town hall. */
  districtSlug: string | null;
  cluster: string;
}

export interface DemoServiceAtLocation {
  serviceId: string;
  locationId: string;
}

export interface DemoSchedule {
  id: string;
  locationId: string;
  byday: Weekday;
  opensAt: string;
  closesAt: string;
  description: string | null;
}

export interface DemoMembership {
  id: string;
  organisationId: string;
  role: MembershipRole;
  since: string;
}

export interface DemoRelationship {
  id: string;
  sourceOrganisationId: string;
  targetOrganisationId: string;
  type: RelationshipType;
  validFrom: string;
  validTo: string | null;
  fieldOfActionCode: string | null;
  note: string;
}

export interface DemoDataset {
  organisations: DemoOrganisation[];
  services: DemoService[];
  locations: DemoLocation[];
  serviceAtLocations: DemoServiceAtLocation[];
  schedules: DemoSchedule[];
  /** Memberships in the (real) Netzwerk Migration; the network id is resolved when seeding. */
  memberships: DemoMembership[];
  relationships: DemoRelationship[];
}

export interface DemoInput {
  /** The real city boundary: every generated point lies inside it. */
  boundary: MultiPolygon;
  districts: readonly DistrictRecord[];
}

interface ResolvedCluster extends ClusterDefinition {
  lat: number;
  lon: number;
  districtSlug: string | null;
  postcodes: readonly string[];
}

// ------------------------------------------------------------------------------------------------ helpers

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` that lies `days` days before DEMO_REFERENCE_DATE (UTC arithmetic, no clock involved). */
export function daysBeforeReference(days: number): string {
  const base = Date.parse(`${DEMO_REFERENCE_DATE}T00:00:00Z`);
  return new Date(base - days * DAY_MS).toISOString().slice(0, 10);
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function randomDateBetween(rng: Rng, from: string, to: string): string {
  return addDays(from, rng.int(0, Math.max(0, daysBetween(from, to))));
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

const UMLAUTS: Readonly<Record<string, string>> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** "Beispiel: Beratungsstelle Brücke Grone (fiktiv)" → "beratungsstelle-bruecke-grone". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[äöüß]/g, (ch) => UMLAUTS[ch])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\(fiktiv\)/g, '')
    .replace(/^beispiel[:-]?\s*/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function resolveClusters(input: DemoInput): ResolvedCluster[] {
  return CLUSTERS.map((cluster) => {
    let resolved: ResolvedCluster;
    if (cluster.key === OLD_TOWN_HALL.key) {
      resolved = { ...cluster, lat: OLD_TOWN_HALL.lat, lon: OLD_TOWN_HALL.lon, districtSlug: null, postcodes: [OLD_TOWN_POSTCODE] };
    } else {
      const district = input.districts.find((d) => d.slug === cluster.key);
      if (!district?.point) throw new Error(`Demo cluster ${cluster.key}: no district with a representative point`);
      resolved = {
        ...cluster,
        lat: district.point.lat,
        lon: district.point.lon,
        districtSlug: district.slug,
        postcodes: district.postcodes.length > 0 ? district.postcodes : [OLD_TOWN_POSTCODE],
      };
    }
    if (!pointInGeometry(resolved.lon, resolved.lat, input.boundary)) {
      throw new Error(`Demo cluster ${cluster.key}: centre lies outside the city boundary`);
    }
    return resolved;
  });
}

/** A point within `radiusMeters` of the centre (denser towards it) that lies inside the boundary. */
export function samplePointNear(
  rng: Rng,
  centre: { lat: number; lon: number },
  radiusMeters: number,
  boundary: MultiPolygon,
): { lat: number; lon: number } {
  const metersPerDegreeLat = 111_320;
  const metersPerDegreeLon = metersPerDegreeLat * Math.cos((centre.lat * Math.PI) / 180);
  for (let attempt = 0; attempt < 500; attempt++) {
    const r = radiusMeters * Math.pow(rng.next(), 0.75);
    const theta = 2 * Math.PI * rng.next();
    const lat = round6(centre.lat + (r * Math.cos(theta)) / metersPerDegreeLat);
    const lon = round6(centre.lon + (r * Math.sin(theta)) / metersPerDegreeLon);
    if (pointInGeometry(lon, lat, boundary)) return { lat, lon };
  }
  throw new Error(`No point inside the boundary near ${centre.lat},${centre.lon}`);
}

function pickLanguages(rng: Rng, count: number, exclude: readonly string[]): string[] {
  const chosen: string[] = [];
  for (let i = 0; i < count; i++) {
    const candidates = LANGUAGE_WEIGHTS.filter(([code]) => !chosen.includes(code) && !exclude.includes(code));
    if (candidates.length === 0) break;
    chosen.push(rng.weighted(candidates, ([, w]) => w)[0]);
  }
  return chosen;
}

const FIELD_CODES = new Set(FIELD_OF_ACTION_TERMS.filter((t) => t.taxonomyId === COUNCIL_MOTION_TAXONOMY).map((t) => t.code));
const TARGET_CODES = TARGET_GROUP_TERMS.map((t) => t.code);

// ------------------------------------------------------------------------------------------------ organisations

interface OrgDraft {
  org: DemoOrganisation;
  origin: (typeof ORIGIN_GROUPS)[number];
}

function buildName(rng: Rng, kind: OrganisationKind, place: string, origin: string, used: Set<string>, index: number): string {
  for (let attempt = 0; attempt < 12; attempt++) {
    const pattern = rng.pick(NAME_PATTERNS[kind]);
    const theme =
      kind === OrganisationKind.PUBLIC_AUTHORITY && pattern.includes('Amt für') ? rng.pick(AUTHORITY_THEMES) : rng.pick(NAME_THEMES);
    const name = pattern.replace('{place}', place).replace('{theme}', theme).replace('{origin}', origin).replace(/\s+/g, ' ');
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  const fallback = `Beispiel: ${place} Nr. ${index} (fiktiv)`;
  used.add(fallback);
  return fallback;
}

function generateOrganisation(
  index: number,
  kind: OrganisationKind,
  clusters: readonly ResolvedCluster[],
  usedNames: Set<string>,
): OrgDraft {
  const rng = rngFor(`demo-org-${index}`);
  const id = stableUuid(`demo-org-${index}`);
  const home = rng.weighted(clusters, (c) => c.weight);
  const origin = rng.pick(ORIGIN_GROUPS);
  const name = buildName(rng, kind, home.label, origin.adjective, usedNames, index);
  const number = String(index).padStart(3, '0');
  const slug = `${slugify(name)}-${number}`;

  const languages =
    kind === OrganisationKind.MIGRANT_SELF_ORGANISATION
      ? ['de', ...origin.languages.slice(0, rng.int(1, origin.languages.length)), ...(rng.chance(0.3) ? ['en'] : [])]
      : [
          'de',
          ...pickLanguages(
            rng,
            rng.weighted([0, 1, 2, 3], (n) => [3, 4, 3, 1][n]),
            ['de'],
          ),
        ];

  const phoneLabels = ['Zentrale', 'Beratung', 'Kursbüro', null] as const;
  const phones: PhoneValue[] = Array.from({ length: rng.chance(0.3) ? 2 : 1 }, (_, k) => ({
    number: `0551 000-${String(rng.int(1000, 9999))}`,
    description: k === 0 ? rng.pick(phoneLabels) : 'Fax',
  }));

  const verified = rng.chance(0.55);
  const lastConfirmedAt = verified || rng.chance(0.65) ? daysBeforeReference(rng.int(0, 729)) : null;

  const org: DemoOrganisation = {
    index,
    id,
    kind,
    name,
    description: `${DEMO_DESCRIPTION_PREFIX} ${DESCRIPTIONS[kind]}`,
    website: rng.chance(0.8) ? `https://example.org/partneratlas-demo/${slug}` : null,
    email: rng.chance(0.9) ? `${slug}@example.org` : null,
    phones,
    languages,
    yearFounded: rng.chance(0.65) ? rng.int(1975, 2023) : null,
    parentOrganisationId: null,
    verificationStatus: verified ? VerificationStatus.VERIFIED : VerificationStatus.UNVERIFIED,
    lastConfirmedAt,
    sourceNote: `Fiktiver Demo-Eintrag Nr. ${index} (Partneratlas-Seed, Stand ${DEMO_REFERENCE_DATE}); entfernbar mit "npm run demo:remove".`,
    homeCluster: home.key,
    community: home.community,
    isolated: false,
  };
  return { org, origin };
}

// ------------------------------------------------------------------------------------------------ services

function generateServices(draft: OrgDraft): DemoService[] {
  const { org } = draft;
  const rng = rngFor(`demo-org-${org.index}/services`);
  const templates = SERVICE_TEMPLATES.filter((t) => t.kinds.includes(org.kind));
  const count = Math.min(
    templates.length,
    rng.weighted([1, 2, 3, 4], (n) => [30, 35, 22, 13][n - 1]),
  );
  const others = org.languages.filter((l) => l !== 'de');
  return rng.sample(templates, count).map((template: ServiceTemplate, k): DemoService => {
    const languages =
      template.communityLanguages && others.length > 0
        ? template.key === 'herkunftssprache'
          ? others.slice(0, 1)
          : ['de', ...others]
        : ['de', ...others.filter(() => rng.chance(0.6))];
    const targets = rng.sample(template.targets, rng.int(1, template.targets.length));
    if (rng.chance(0.15)) {
      const extra = rng.pick(TARGET_CODES);
      if (!targets.includes(extra)) targets.push(extra);
    }
    const concept = template.concept && rng.chance(0.45) ? [template.concept] : [];
    const unknownFees = rng.chance(0.08);
    return {
      id: stableUuid(`demo-org-${org.index}/service-${k + 1}`),
      organisationId: org.id,
      name: template.name,
      description: template.description,
      languages,
      fees: unknownFees ? null : template.fees,
      free: unknownFees ? null : template.free,
      eligibility: template.eligibility,
      attendingAccess: [...template.access],
      capacity: template.capacity ? rng.int(template.capacity[0], template.capacity[1]) : null,
      termCodes: [...template.fields, ...concept, ...targets],
    };
  });
}

// ------------------------------------------------------------------------------------------------ locations

function generateLocations(
  draft: OrgDraft,
  services: readonly DemoService[],
  clusters: readonly ResolvedCluster[],
  boundary: MultiPolygon,
): { locations: DemoLocation[]; links: DemoServiceAtLocation[]; schedules: DemoSchedule[] } {
  const { org } = draft;
  const rng = rngFor(`demo-org-${org.index}/locations`);
  const home = clusters.find((c) => c.key === org.homeCluster);
  if (!home) throw new Error(`unknown cluster ${org.homeCluster}`);
  const places = [home];
  if (rng.chance(0.25)) places.push(rng.weighted(clusters, (c) => (c.key === home.key ? 0 : c.weight)));

  const locations = places.map((cluster, l): DemoLocation => {
    const point = samplePointNear(rng, cluster, cluster.radiusMeters, boundary);
    return {
      id: stableUuid(`demo-org-${org.index}/location-${l + 1}`),
      organisationId: org.id,
      name: l === 0 ? (rng.chance(0.5) ? 'Hauptsitz' : null) : `${rng.pick(LOCATION_NAMES)} ${cluster.label}`,
      street: `${rng.pick(DEMO_STREETS)} ${rng.int(1, 60)}`,
      postcode: rng.pick(cluster.postcodes),
      city: 'Göttingen',
      lat: point.lat,
      lon: point.lon,
      accessibility: rng.pick(ACCESSIBILITY_NOTES),
      districtSlug: cluster.districtSlug,
      cluster: cluster.key,
    };
  });

  const links: DemoServiceAtLocation[] = [];
  for (const service of services) {
    const where = locations.length === 1 ? [0] : rng.weighted([[0], [0, 1], [1]], (w) => (w.length === 2 ? 2 : w[0] === 0 ? 2 : 1));
    for (const l of where) links.push({ serviceId: service.id, locationId: locations[l].id });
  }
  if (locations.length === 2 && services.length > 0 && !links.some((x) => x.locationId === locations[1].id)) {
    links.push({ serviceId: services[0].id, locationId: locations[1].id });
  }

  const schedules: DemoSchedule[] = [];
  locations.forEach((location, l) => {
    const preferred = SCHEDULE_PREFERENCES[org.kind];
    const first = rng.pick(preferred);
    const keys: SchedulePatternKey[] = [first];
    if (rng.chance(0.3)) {
      const firstDays = new Set(SCHEDULE_PATTERNS[first].flatMap((p) => p.days));
      const rest = preferred.filter((k) => k !== first);
      const second = rest.length > 0 ? rng.pick(rest) : null;
      if (second && !SCHEDULE_PATTERNS[second].some((p) => p.days.some((d) => firstDays.has(d)))) keys.push(second);
    }
    let n = 0;
    for (const key of keys) {
      for (const pattern of SCHEDULE_PATTERNS[key]) {
        for (const day of pattern.days) {
          n += 1;
          schedules.push({
            id: stableUuid(`demo-org-${org.index}/location-${l + 1}/schedule-${n}`),
            locationId: location.id,
            byday: day,
            opensAt: pattern.opensAt,
            closesAt: pattern.closesAt,
            description: pattern.description,
          });
        }
      }
    }
  });
  return { locations, links, schedules };
}

// ------------------------------------------------------------------------------------------------ structure

function chooseIsolated(orgs: readonly DemoOrganisation[]): void {
  const rng = rngFor('demo-isolated');
  for (const org of rng.sample(orgs, 8)) org.isolated = true;
}

/** A few welfare associations act as umbrellas of 2–4 organisations of their community. */
function assignUmbrellas(orgs: readonly DemoOrganisation[]): Map<string, string[]> {
  const rng = rngFor('demo-umbrellas');
  const children = new Map<string, string[]>();
  const candidates = orgs.filter((o) => o.kind === OrganisationKind.WELFARE_ASSOCIATION && !o.isolated);
  const umbrellas = rng.sample(candidates, 4);
  const umbrellaIds = new Set(umbrellas.map((u) => u.id));
  for (const umbrella of umbrellas) {
    const pool = orgs.filter(
      (o) =>
        o.community === umbrella.community &&
        !o.isolated &&
        !umbrellaIds.has(o.id) &&
        o.parentOrganisationId === null &&
        o.kind !== OrganisationKind.PUBLIC_AUTHORITY &&
        o.kind !== OrganisationKind.WELFARE_ASSOCIATION,
    );
    const picked = rng.sample(pool, rng.int(2, 4));
    for (const child of picked) child.parentOrganisationId = umbrella.id;
    children.set(
      umbrella.id,
      picked.map((c) => c.id),
    );
  }
  return children;
}

function generateMemberships(orgs: readonly DemoOrganisation[]): DemoMembership[] {
  const rng = rngFor('demo-network');
  const eligible = orgs.filter((o) => !o.isolated);
  const coordinatorPool = eligible.filter((o) => o.kind === OrganisationKind.PUBLIC_AUTHORITY && o.community === 'zentrum');
  const coordinator = rng.pick(coordinatorPool.length > 0 ? coordinatorPool : eligible);
  const members = rng.sample(
    eligible.filter((o) => o.id !== coordinator.id),
    DEMO_NETWORK_MEMBER_COUNT - 1,
  );
  const membership = (org: DemoOrganisation, role: MembershipRole, since: string): DemoMembership => ({
    id: stableUuid(`demo-org-${org.index}/network-membership`),
    organisationId: org.id,
    role,
    since,
  });
  return [
    membership(coordinator, MembershipRole.COORDINATING_BODY, '2012-01-01'),
    ...members.map((m) => membership(m, MembershipRole.MEMBER, randomDateBetween(rng, '2010-01-01', daysBeforeReference(30)))),
  ].sort((a, b) => a.id.localeCompare(b.id));
}

function relationshipType(rng: Rng, source: DemoOrganisation, target: DemoOrganisation): RelationshipType {
  const { COOPERATION, REFERRAL, FUNDING, MEMBERSHIP } = RelationshipType;
  const membershipTarget =
    target.kind === OrganisationKind.WELFARE_ASSOCIATION || target.kind === OrganisationKind.MIGRANT_SELF_ORGANISATION;
  switch (source.kind) {
    case OrganisationKind.PUBLIC_AUTHORITY:
      return target.kind !== OrganisationKind.PUBLIC_AUTHORITY && rng.chance(0.5) ? FUNDING : COOPERATION;
    case OrganisationKind.WELFARE_ASSOCIATION:
      return rng.weighted([COOPERATION, FUNDING, REFERRAL], (t) => (t === COOPERATION ? 5 : t === FUNDING ? 2 : 3));
    case OrganisationKind.COUNSELLING_SERVICE:
      return rng.chance(0.55) ? REFERRAL : COOPERATION;
    case OrganisationKind.EDUCATION_PROVIDER:
      return rng.chance(0.6) ? COOPERATION : REFERRAL;
    case OrganisationKind.MIGRANT_SELF_ORGANISATION:
    case OrganisationKind.INITIATIVE_OTHER:
      return membershipTarget && rng.chance(0.5) ? MEMBERSHIP : COOPERATION;
  }
}

function generateRelationships(
  orgs: readonly DemoOrganisation[],
  umbrellaChildren: ReadonlyMap<string, readonly string[]>,
  servicesByOrg: ReadonlyMap<string, readonly DemoService[]>,
): DemoRelationship[] {
  const rng = rngFor('demo-relationships');
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const active = orgs.filter((o) => !o.isolated);
  // preferential attachment light: some organisations are hubs
  const activity = new Map(active.map((o) => [o.id, 0.3 + 3 * Math.pow(rng.next(), 3)]));
  const relationships: DemoRelationship[] = [];
  const seen = new Set<string>();

  const fieldCodesOf = (org: DemoOrganisation): string[] =>
    (servicesByOrg.get(org.id) ?? []).flatMap((s) => s.termCodes).filter((c) => FIELD_CODES.has(c));

  const add = (source: DemoOrganisation, target: DemoOrganisation, type: RelationshipType, earliest = '2012-01-01'): boolean => {
    if (source.id === target.id || source.isolated || target.isolated) return false;
    const key =
      type === RelationshipType.COOPERATION ? [type, ...[source.id, target.id].sort()].join('|') : [type, source.id, target.id].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    const validFrom = randomDateBetween(rng, earliest, daysBeforeReference(30));
    const ended = rng.chance(0.08) && daysBetween(validFrom, DEMO_REFERENCE_DATE) > 400;
    const codes = [...new Set([...fieldCodesOf(source), ...fieldCodesOf(target)])].sort();
    relationships.push({
      id: stableUuid(`demo-relationship-${relationships.length + 1}`),
      sourceOrganisationId: source.id,
      targetOrganisationId: target.id,
      type,
      validFrom,
      validTo: ended ? addDays(validFrom, rng.int(180, daysBetween(validFrom, DEMO_REFERENCE_DATE) - 30)) : null,
      fieldOfActionCode: codes.length > 0 && rng.chance(0.55) ? rng.pick(codes) : null,
      note: 'Fiktive Beispielbeziehung (Demo)',
    });
    return true;
  };

  // 1. umbrellas → their member organisations
  for (const [parentId, childIds] of umbrellaChildren) {
    const parent = byId.get(parentId);
    for (const childId of childIds) {
      const child = byId.get(childId);
      if (parent && child) add(parent, child, RelationshipType.UMBRELLA, '2010-01-01');
    }
  }

  // 2. a few bridges connect the communities
  const bridges = rng.sample(active, 9);
  for (const bridge of bridges) {
    const others = active.filter((o) => o.community !== bridge.community);
    for (const target of rng.sample(others, rng.int(2, 3))) {
      add(bridge, target, rng.chance(0.6) ? RelationshipType.COOPERATION : RelationshipType.REFERRAL);
    }
  }

  // 3. dense cooperation inside each community (hubs preferred) until the target count is reached
  const communities = new Map<Community, DemoOrganisation[]>();
  for (const org of active) communities.set(org.community, [...(communities.get(org.community) ?? []), org]);
  const groups = [...communities.values()].filter((g) => g.length >= 2);
  let guard = 0;
  while (relationships.length < DEMO_RELATIONSHIP_COUNT && guard++ < 20_000) {
    const group = rng.weighted(groups, (g) => g.length);
    const source = rng.weighted(group, (o) => activity.get(o.id) ?? 1);
    const target = rng.weighted(group, (o) => (o.id === source.id ? 0 : (activity.get(o.id) ?? 1)));
    add(source, target, relationshipType(rng, source, target));
  }
  return relationships;
}

// ------------------------------------------------------------------------------------------------ entry point

export function generateDemoDataset(input: DemoInput): DemoDataset {
  const clusters = resolveClusters(input);
  const kinds = rngFor('demo-kinds').shuffle(
    (Object.entries(KIND_COUNTS) as [OrganisationKind, number][]).flatMap(([kind, n]) => Array<OrganisationKind>(n).fill(kind)),
  );
  if (kinds.length !== DEMO_ORGANISATION_COUNT) throw new Error('KIND_COUNTS must sum to DEMO_ORGANISATION_COUNT');

  const usedNames = new Set<string>();
  const drafts = kinds.map((kind, i) => generateOrganisation(i + 1, kind, clusters, usedNames));
  const organisations = drafts.map((d) => d.org);

  const services: DemoService[] = [];
  const locations: DemoLocation[] = [];
  const serviceAtLocations: DemoServiceAtLocation[] = [];
  const schedules: DemoSchedule[] = [];
  const servicesByOrg = new Map<string, DemoService[]>();
  for (const draft of drafts) {
    const own = generateServices(draft);
    servicesByOrg.set(draft.org.id, own);
    const placed = generateLocations(draft, own, clusters, input.boundary);
    services.push(...own);
    locations.push(...placed.locations);
    serviceAtLocations.push(...placed.links);
    schedules.push(...placed.schedules);
  }

  chooseIsolated(organisations);
  const umbrellaChildren = assignUmbrellas(organisations);
  const memberships = generateMemberships(organisations);
  const relationships = generateRelationships(organisations, umbrellaChildren, servicesByOrg);

  // umbrellas first, so that a parent row always exists before its children are inserted
  const ordered = [...organisations].sort(
    (a, b) => Number(a.parentOrganisationId !== null) - Number(b.parentOrganisationId !== null) || a.index - b.index,
  );
  return { organisations: ordered, services, locations, serviceAtLocations, schedules, memberships, relationships };
}
