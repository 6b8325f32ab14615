import type { Area, AreaStatistic } from '../../areas/dto/area.model';
import type { TermWithKind } from '../../fields-of-action/fields-of-action.service';
import type { Location, Schedule } from '../../locations/dto/location.model';
import type { Network, NetworkMembership, Relationship } from '../../network/dto/network.model';
import type { Organisation } from '../../organisations/dto/organisation.model';
import type { Service } from '../../services/dto/service.model';
import { stableId } from './stable-id';

/** HSDS 3.1 objects, as far as Partneratlas fills them (see PROFILE.md). */
export type HsdsObject = Record<string, unknown>;

/**
 * HSDS schemas type optional fields as plain strings/numbers (no null): unknown values are left
 * out rather than written as null. Applied to every object leaving the mapper.
 */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, compact(v)]),
    ) as T;
  }
  return value;
}

/** Everything needed to write organisations in full HSDS form, loaded in a constant number of queries. */
export interface HsdsBundle {
  organisations: Organisation[];
  locationsByOrg: Map<string, Location[]>;
  schedulesByLocation: Map<string, Schedule[]>;
  servicesByOrg: Map<string, Service[]>;
  termCodesByService: Map<string, string[]>;
  locationIdsByService: Map<string, string[]>;
  terms: Map<string, TermWithKind>;
  /** Profile extensions (see PROFILE.md): empty maps where a caller does not need them. */
  relationshipsByOrg: Map<string, Relationship[]>;
  membershipsByOrg: Map<string, NetworkMembership[]>;
  networks: Map<string, Network>;
  areas: Map<string, Area & { statistics: AreaStatistic[] }>;
}

/** A bundle without the extensions, for read paths that only show services and locations. */
export const EMPTY_EXTENSIONS = (): Pick<HsdsBundle, 'relationshipsByOrg' | 'membershipsByOrg' | 'networks' | 'areas'> => ({
  relationshipsByOrg: new Map(),
  membershipsByOrg: new Map(),
  networks: new Map(),
  areas: new Map(),
});

const STATE_BY_CITY: Record<string, string> = { Göttingen: 'Niedersachsen' };

/** HSDS ids are UUIDs; our terms and taxonomies are identified by stable codes, kept in `code`. */
export const termId = (code: string) => stableId('taxonomy_term', code);
export const taxonomyId = (id: string) => stableId('taxonomy', id);

export function hsdsTaxonomyTerm(term: TermWithKind): HsdsObject {
  return {
    id: termId(term.code),
    code: term.code,
    name: term.nameDe,
    description: term.description ?? term.nameEn,
    parent_id: term.parentCode ? termId(term.parentCode) : null,
    taxonomy: term.taxonomyId,
    taxonomy_id: taxonomyId(term.taxonomyId),
    language: 'de',
  };
}

function phones(org: Organisation): HsdsObject[] {
  return org.phones.map((p, i) => ({
    id: stableId('phone', org.id, i),
    organization_id: org.id,
    number: p.number,
    description: p.description,
  }));
}

function languages(codes: string[], owner: { service_id?: string; location_id?: string }): HsdsObject[] {
  const names = new Intl.DisplayNames(['de'], { type: 'language' });
  return codes.map((code) => ({
    id: stableId('language', owner.service_id ?? owner.location_id ?? '', code),
    ...owner,
    name: names.of(code) ?? code,
    code,
  }));
}

export function hsdsSchedule(s: Schedule): HsdsObject {
  return {
    id: s.id,
    location_id: s.locationId,
    service_id: s.serviceId,
    freq: 'WEEKLY',
    byday: s.byday,
    opens_at: s.opensAt,
    closes_at: s.closesAt,
    description: s.description,
  };
}

export function hsdsLocation(l: Location, bundle: HsdsBundle): HsdsObject {
  const addresses = l.street
    ? [
        {
          id: stableId('address', l.id),
          location_id: l.id,
          address_1: l.street,
          city: l.city ?? '',
          state_province: (l.city && STATE_BY_CITY[l.city]) ?? '',
          postal_code: l.postcode ?? '',
          country: 'DE',
          address_type: 'physical',
        },
      ]
    : [];
  return {
    id: l.id,
    location_type: 'physical',
    organization_id: l.organisationId,
    name: l.name,
    latitude: l.latitude,
    longitude: l.longitude,
    addresses,
    accessibility: l.accessibility ? [{ id: stableId('accessibility', l.id), location_id: l.id, description: l.accessibility }] : [],
    schedules: (bundle.schedulesByLocation.get(l.id) ?? []).map(hsdsSchedule),
    languages: [],
    phones: [],
    contacts: [],
    attributes: l.areaId
      ? [{ id: stableId('area', l.id), link_id: l.id, link_type: 'area', link_entity: 'location', value: l.areaId }]
      : [],
    metadata: [],
    x_district: l.areaId ? xDistrict(bundle.areas.get(l.areaId)) : null,
  };
}

/** Profile extension: the district (area) a location lies in, with its statistics (newest year first). */
export function xDistrict(area: (Area & { statistics: AreaStatistic[] }) | undefined): HsdsObject | null {
  if (!area) return null;
  return {
    id: area.id,
    kind: area.kind,
    code: area.code,
    name: area.name,
    source: area.source,
    attribution: area.attribution,
    statistics: area.statistics.map((st) => ({
      year: st.year,
      reference_date: st.referenceDate,
      population: st.population,
      foreign_nationals: st.foreignNationals,
      migration_background: st.migrationBackground,
      definition: st.definition,
      source: st.source,
    })),
  };
}

/** Profile extension: a typed, dated relationship between two published organisations. */
export function xRelationship(r: Relationship): HsdsObject {
  return {
    id: r.id,
    type: r.type,
    source_organization_id: r.sourceOrganisationId,
    target_organization_id: r.targetOrganisationId,
    valid_from: r.validFrom,
    valid_to: r.validTo,
    field_of_action_code: r.fieldOfActionCode,
    note: r.note,
  };
}

/** Profile extension: membership of an organisation in a network (with the network's name). */
export function xMembership(m: NetworkMembership, network: Network | undefined): HsdsObject {
  return {
    id: m.id,
    organization_id: m.organisationId,
    network_id: m.networkId,
    network_name: network?.name,
    role: m.role,
    since: m.since,
    until: m.until,
  };
}

export function hsdsService(s: Service, org: Organisation, bundle: HsdsBundle): HsdsObject {
  const attributes = (bundle.termCodesByService.get(s.id) ?? [])
    .map((code) => bundle.terms.get(code))
    .filter((t): t is TermWithKind => !!t)
    .map((t) => ({
      id: stableId('attribute', s.id, t.code),
      link_id: s.id,
      link_type: t.kind === 'FIELD_OF_ACTION' ? 'field_of_action' : 'target_group',
      link_entity: 'service',
      taxonomy_term_id: termId(t.code),
      taxonomy_term: hsdsTaxonomyTerm(t),
    }));
  return {
    id: s.id,
    organization_id: s.organisationId,
    name: s.name,
    description: s.description,
    status: 'active',
    fees_description: s.fees ?? (s.free === true ? 'kostenlos' : null),
    eligibility_description: s.eligibility,
    assured_date: org.lastConfirmedAt,
    languages: languages(s.languages, { service_id: s.id }),
    attributes,
    service_at_locations: (bundle.locationIdsByService.get(s.id) ?? []).map((locationId) => ({
      id: stableId('service_at_location', s.id, locationId),
      service_id: s.id,
      location_id: locationId,
    })),
    phones: [],
    schedules: [],
    contacts: [],
    metadata: [],
  };
}

/** The organization row alone (list form). */
export function hsdsOrganisationSummary(org: Organisation): HsdsObject {
  return {
    id: org.id,
    name: org.name,
    alternate_name: org.alternateName,
    description: org.description ?? '',
    email: org.email,
    website: org.website,
    year_incorporated: org.yearFounded,
    parent_organization_id: org.parentOrganisationId,
  };
}

/** organization_full: with phones, locations and services. */
export function hsdsOrganisation(org: Organisation, bundle: HsdsBundle): HsdsObject {
  return {
    ...hsdsOrganisationSummary(org),
    phones: phones(org),
    locations: (bundle.locationsByOrg.get(org.id) ?? []).map((l) => hsdsLocation(l, bundle)),
    services: (bundle.servicesByOrg.get(org.id) ?? []).map((s) => hsdsService(s, org, bundle)),
    funding: [],
    contacts: [],
    programs: [],
    organization_identifiers: [],
    attributes: [
      { id: stableId('kind', org.id), link_id: org.id, link_type: 'organisation_kind', link_entity: 'organization', value: org.kind },
      {
        id: stableId('verification', org.id),
        link_id: org.id,
        link_type: 'verification_status',
        link_entity: 'organization',
        value: org.verificationStatus,
      },
      ...(org.isDemo
        ? [{ id: stableId('demo', org.id), link_id: org.id, link_type: 'is_demo', link_entity: 'organization', value: 'true' }]
        : []),
    ],
    metadata: [],
    x_relationships: (bundle.relationshipsByOrg.get(org.id) ?? []).map(xRelationship),
    x_memberships: (bundle.membershipsByOrg.get(org.id) ?? []).map((m) => xMembership(m, bundle.networks.get(m.networkId))),
  };
}

export interface HsdsPage<T> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}

export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number): HsdsPage<T> {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total,
    total_pages: totalPages,
    page_number: page,
    size: contents.length,
    first_page: page === 1,
    last_page: page >= totalPages,
    empty: contents.length === 0,
    contents,
  };
}
