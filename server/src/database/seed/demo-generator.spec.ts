import {
  ALL_TERMS,
  CONCEPT_2008_TAXONOMY,
  COUNCIL_MOTION_TAXONOMY,
  MembershipRole,
  OrganisationKind,
  RelationshipType,
  TARGET_GROUP_TAXONOMY,
  Weekday,
  isIso6391,
  pointInGeometry,
} from '@partneratlas/shared';
import { loadCityBoundary, loadDistricts } from './data-files';
import { type DemoDataset, daysBeforeReference, generateDemoDataset, resolveClusters, slugify } from './demo-generator';
import { CLUSTERS, DEMO_REFERENCE_DATE, OLD_TOWN_HALL } from './demo-tables';

const boundary = loadCityBoundary().geometry;
const districts = loadDistricts();
const input = { boundary, districts };
const dataset: DemoDataset = generateDemoDataset(input);
const termsByCode = new Map(ALL_TERMS.map((t) => [t.code, t]));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Haversine distance in metres. */
function distance(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

describe('generateDemoDataset', () => {
  it('is deterministic: two runs give identical data', () => {
    const again = generateDemoDataset(input);
    expect(JSON.stringify(again)).toBe(JSON.stringify(dataset));
  });

  it('generates about 150 organisations of every kind, all with unique fictional names', () => {
    expect(dataset.organisations).toHaveLength(150);
    const names = dataset.organisations.map((o) => o.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^Beispiel[-:]/);
      expect(name.endsWith('(fiktiv)')).toBe(true);
    }
    const kinds = new Set(dataset.organisations.map((o) => o.kind));
    expect([...kinds].sort()).toEqual(Object.values(OrganisationKind).sort());
    for (const o of dataset.organisations) expect(o.description).toMatch(/^Fiktiver Beispieleintrag/);
  });

  it('uses valid, unique, stable UUIDs for every row', () => {
    const ids = [
      ...dataset.organisations.map((o) => o.id),
      ...dataset.services.map((s) => s.id),
      ...dataset.locations.map((l) => l.id),
      ...dataset.schedules.map((s) => s.id),
      ...dataset.memberships.map((m) => m.id),
      ...dataset.relationships.map((r) => r.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID);
  });

  it('places every location inside the real city boundary, near the centre it was generated around', () => {
    const clusters = new Map(resolveClusters(input).map((c) => [c.key, c]));
    expect(dataset.locations.length).toBeGreaterThanOrEqual(150);
    for (const l of dataset.locations) {
      expect(pointInGeometry(l.lon, l.lat, boundary)).toBe(true);
      const cluster = clusters.get(l.cluster);
      expect(cluster).toBeDefined();
      expect(distance(l, cluster!)).toBeLessThanOrEqual(1_200 + 1);
      expect(l.city).toBe('Göttingen');
      expect(l.postcode).toMatch(/^370(7[3-9]|8[0-5])$/);
    }
  });

  it('assigns the district the location was generated around, and none around the old town hall', () => {
    const withPoint = new Set(districts.filter((d) => d.point).map((d) => d.slug));
    for (const l of dataset.locations) {
      if (l.cluster === OLD_TOWN_HALL.key) expect(l.districtSlug).toBeNull();
      else {
        expect(l.districtSlug).toBe(l.cluster);
        expect(withPoint.has(l.districtSlug!)).toBe(true);
      }
    }
    expect(dataset.locations.some((l) => l.districtSlug === null)).toBe(true);
  });

  it('leaves white spots: zero-weight districts stay empty and the city is not covered uniformly', () => {
    const empty = CLUSTERS.filter((c) => c.weight === 0).map((c) => c.key);
    expect(empty.length).toBeGreaterThan(0);
    for (const key of empty) {
      const district = districts.find((d) => d.slug === key)!;
      expect(dataset.locations.filter((l) => distance(l, district.point!) < 1_000)).toHaveLength(0);
    }
    const perCluster = new Map<string, number>();
    for (const l of dataset.locations) perCluster.set(l.cluster, (perCluster.get(l.cluster) ?? 0) + 1);
    const counts = [...perCluster.values()];
    expect(Math.max(...counts)).toBeGreaterThan(5 * Math.min(...counts));
  });

  it('tags services only with existing terms: fields of action incl. child codes, some 2008 terms, target groups', () => {
    const used = new Set<string>();
    for (const s of dataset.services) {
      for (const code of s.termCodes) {
        expect(termsByCode.has(code)).toBe(true);
        used.add(code);
      }
      const taxonomies = s.termCodes.map((c) => termsByCode.get(c)!.taxonomyId);
      expect(taxonomies).toContain(COUNCIL_MOTION_TAXONOMY);
      expect(taxonomies).toContain(TARGET_GROUP_TAXONOMY);
      expect(s.attendingAccess.length).toBeGreaterThan(0);
      if (s.free === true) expect(s.fees).toBeNull();
    }
    expect(used.has('sprache-integrationskurs')).toBe(true);
    expect(used.has('beratung-flucht')).toBe(true);
    const withConcept = dataset.services.filter((s) => s.termCodes.some((c) => termsByCode.get(c)!.taxonomyId === CONCEPT_2008_TAXONOMY));
    expect(withConcept.length).toBeGreaterThan(0);
    expect(withConcept.length).toBeLessThan(dataset.services.length);
  });

  it('gives every organisation 1–4 services and 1–2 locations, each service offered at a location', () => {
    const located = new Set(dataset.serviceAtLocations.map((x) => x.serviceId));
    for (const o of dataset.organisations) {
      const services = dataset.services.filter((s) => s.organisationId === o.id);
      const locations = dataset.locations.filter((l) => l.organisationId === o.id);
      expect(services.length).toBeGreaterThanOrEqual(1);
      expect(services.length).toBeLessThanOrEqual(4);
      expect(locations.length).toBeGreaterThanOrEqual(1);
      expect(locations.length).toBeLessThanOrEqual(2);
    }
    for (const s of dataset.services) expect(located.has(s.id)).toBe(true);
  });

  it('uses German plus ISO 639-1 languages, fictional contact data and dates relative to the fixed reference date', () => {
    const oldest = daysBeforeReference(730);
    const languages = new Set<string>();
    for (const o of dataset.organisations) {
      expect(o.languages[0]).toBe('de');
      o.languages.forEach((l) => languages.add(l));
      for (const p of o.phones) expect(p.number).toMatch(/^0551 000-\d{4}$/);
      if (o.email) expect(o.email).toMatch(/^[a-z0-9-]+@example\.org$/);
      if (o.website) expect(o.website.startsWith('https://example.org/')).toBe(true);
      if (o.lastConfirmedAt) {
        expect(o.lastConfirmedAt >= oldest && o.lastConfirmedAt <= DEMO_REFERENCE_DATE).toBe(true);
      }
    }
    for (const s of dataset.services) s.languages.forEach((l) => languages.add(l));
    for (const l of languages) expect(isIso6391(l)).toBe(true);
    for (const expected of ['ar', 'fa', 'tr', 'ru', 'uk', 'en']) expect(languages.has(expected)).toBe(true);
    const verified = dataset.organisations.filter((o) => o.verificationStatus === 'VERIFIED').length;
    expect(verified).toBeGreaterThan(30);
    expect(verified).toBeLessThan(120);
  });

  it('writes opening hours as weekday rows with HH:MM times', () => {
    const days = new Set<string>(Object.values(Weekday));
    expect(dataset.schedules.length).toBeGreaterThan(dataset.locations.length);
    for (const s of dataset.schedules) {
      expect(days.has(s.byday)).toBe(true);
      expect(s.opensAt).toMatch(/^\d{2}:\d{2}$/);
      expect(s.opensAt < s.closesAt).toBe(true);
    }
  });

  it('has a few umbrellas whose rows come before their member organisations', () => {
    const position = new Map(dataset.organisations.map((o, i) => [o.id, i]));
    const children = dataset.organisations.filter((o) => o.parentOrganisationId !== null);
    expect(children.length).toBeGreaterThanOrEqual(4);
    expect(children.length).toBeLessThanOrEqual(20);
    for (const child of children) {
      expect(position.get(child.parentOrganisationId!)).toBeLessThan(position.get(child.id)!);
    }
  });

  it('puts about 60 demo organisations in the network with exactly one coordinating body', () => {
    expect(dataset.memberships).toHaveLength(60);
    expect(new Set(dataset.memberships.map((m) => m.organisationId)).size).toBe(60);
    expect(dataset.memberships.filter((m) => m.role === MembershipRole.COORDINATING_BODY)).toHaveLength(1);
  });

  it('builds about 200 relationships of all types without self-relations, with communities, bridges and isolated entries', () => {
    const orgs = new Map(dataset.organisations.map((o) => [o.id, o]));
    expect(dataset.relationships).toHaveLength(200);
    const types = new Set(dataset.relationships.map((r) => r.type));
    expect([...types].sort()).toEqual(Object.values(RelationshipType).sort());
    let crossing = 0;
    for (const r of dataset.relationships) {
      expect(r.sourceOrganisationId).not.toBe(r.targetOrganisationId);
      const source = orgs.get(r.sourceOrganisationId)!;
      const target = orgs.get(r.targetOrganisationId)!;
      expect(source && target).toBeTruthy();
      expect(source.isolated || target.isolated).toBe(false);
      if (source.community !== target.community) crossing += 1;
      if (r.fieldOfActionCode) expect(termsByCode.get(r.fieldOfActionCode)?.taxonomyId).toBe(COUNCIL_MOTION_TAXONOMY);
      if (r.validTo) expect(r.validTo > r.validFrom).toBe(true);
      expect(r.validFrom <= DEMO_REFERENCE_DATE).toBe(true);
    }
    expect(crossing).toBeGreaterThan(5);
    expect(crossing).toBeLessThan(dataset.relationships.length / 4);
    expect(dataset.relationships.some((r) => r.fieldOfActionCode !== null)).toBe(true);
    expect(dataset.organisations.filter((o) => o.isolated).length).toBeGreaterThan(0);
  });
});

describe('slugify', () => {
  it('drops the fictional markers and transliterates umlauts', () => {
    expect(slugify('Beispiel: Beratungsstelle Brücke Groß Ellershausen (fiktiv)')).toBe('beratungsstelle-bruecke-gross-ellershausen');
    expect(slugify('Beispiel-Amt für Teilhabe (fiktiv)')).toBe('amt-fuer-teilhabe');
  });
});
