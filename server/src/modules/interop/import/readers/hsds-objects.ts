import { AreaKind, LIMITS, MembershipRole, RelationshipType, VerificationStatus } from '@partneratlas/shared';
import { realOrganisationId } from '../../../../database/seed/real-organisations';
import { stableId } from '../../hsds/stable-id';
import { cellText, FieldReader, kindOf, UUID, verificationOf } from '../import-fields';
import type {
  DistrictDraft,
  Locate,
  LocationDraft,
  MembershipDraft,
  OrganisationDraft,
  RelationshipDraft,
  ScheduleDraft,
  ServiceDraft,
  Token,
} from '../import-model';

type Obj = Record<string | symbol, unknown>;

/** Objects rebuilt from a tabular data package carry the file and row they came from. */
export const SOURCE = Symbol('source');
export interface TableSource {
  file: string;
  row: number;
}

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/**
 * Maps full HSDS 3.1 organizations (nested, as our `hsds.json` export writes them, or rebuilt from a tabular
 * package) to import records. Profile attributes (kind, verification, demo, area, fields of action, target
 * groups) are read as PROFILE.md describes them.
 */
export class HsdsObjectMapper {
  constructor(private readonly fields: FieldReader) {}

  private locator(obj: Obj, orgRow: number, path: string): Locate {
    const src = obj[SOURCE] as TableSource | undefined;
    if (src) return (field) => ({ file: src.file, row: src.row, column: field ?? null });
    return (field) => ({ row: orgRow, column: field ? (path ? `${path}.${field}` : field) : path || null });
  }

  /** The id of a record: a UUID as given; any other text → a stable UUID derived from it (reported). */
  private id(at: Locate, raw: unknown, kind: string, fallback: () => string): { id: string; given: boolean } {
    const s = cellText(raw);
    if (s === undefined) return { id: fallback(), given: false };
    if (UUID.test(s)) return { id: s.toLowerCase(), given: true };
    const id = stableId('import', kind, s);
    this.fields.problems.warn(at('id'), 'ID_NOT_UUID', `HSDS ids are UUIDs; imported under the derived id ${id}`, s);
    return { id, given: true };
  }

  organisation(o: unknown, index: number): OrganisationDraft | null {
    const row = index + 1;
    if (!isObj(o)) {
      this.fields.problems.error({ row, column: `[${index}]` }, 'NOT_AN_OBJECT', 'an organization must be a JSON object', o);
      return null;
    }
    const f = this.fields;
    const at = this.locator(o, row, '');
    const name = f.text(at('name'), o.name, LIMITS.nameMaxLength, true, 'name');
    const { id, given } = this.id(at, o.id, 'organization', () => realOrganisationId(name ?? `#${row}`));
    const draft: OrganisationDraft = {
      at,
      id,
      idGiven: given,
      values: {
        name,
        alternateName: f.text(at('alternate_name'), o.alternate_name, LIMITS.nameMaxLength),
        description: f.text(at('description'), o.description, LIMITS.longTextMaxLength),
        website: f.url(at('website'), o.website),
        email: f.email(at('email'), o.email),
        yearFounded: f.int(at('year_incorporated'), o.year_incorporated, 1800, 2100),
        parentOrganisationId: f.uuid(at('parent_organization_id'), o.parent_organization_id),
      },
      locations: [],
      services: [],
    };
    const phones = list(o.phones)
      .map((p, i) => {
        const pa = this.locator(p, row, `phones[${i}]`);
        const number = f.phone(pa('number'), p.number);
        return number ? { number, description: f.text(pa('description'), p.description, 100) ?? null } : null;
      })
      .filter((p): p is { number: string; description: string | null } => p !== null);
    if (phones.length > 10) f.problems.error(at('phones'), 'TOO_MANY', 'at most 10 phone numbers');
    else if (phones.length) draft.values.phones = phones;

    let kindGiven = false;
    list(o.attributes).forEach((a, i) => {
      const aa = this.locator(a, row, `attributes[${i}]`);
      const value = cellText(a.value);
      switch (a.link_type) {
        case 'organisation_kind': {
          kindGiven = true;
          const kind = value ? kindOf(value) : undefined;
          if (!kind) f.problems.error(aa('value'), 'UNKNOWN_KIND', 'unknown organisation kind (see IMPORT.md)', value);
          draft.values.kind = kind;
          break;
        }
        case 'verification_status': {
          const v = value ? verificationOf(value) : undefined;
          if (!v) f.problems.warn(aa('value'), 'UNKNOWN_VERIFICATION', 'not VERIFIED or UNVERIFIED; imported as UNVERIFIED', value);
          draft.verification = v ?? VerificationStatus.UNVERIFIED;
          break;
        }
        case 'is_demo':
          draft.isDemo = value === 'true';
          break;
        default:
          break;
      }
    });
    if (!kindGiven) {
      f.problems.error(at('attributes'), 'REQUIRED', 'the organisation kind is required (an attribute with link_type "organisation_kind")');
    }

    list(o.locations).forEach((l, i) => draft.locations.push(this.location(l, row, `locations[${i}]`, draft)));
    const assured: string[] = [];
    list(o.services).forEach((s, i) => {
      const date = f.date(this.locator(s, row, `services[${i}]`)('assured_date'), s.assured_date);
      if (date) assured.push(date);
      draft.services.push(this.service(s, row, `services[${i}]`, draft));
    });
    if (assured.length) draft.values.lastConfirmedAt = assured.sort().at(-1);
    const relationships = list(o.x_relationships)
      .map((r, i) => this.relationship(r, row, `x_relationships[${i}]`))
      .filter((r): r is RelationshipDraft => r !== null);
    if (relationships.length) draft.relationships = relationships;
    const memberships = list(o.x_memberships)
      .map((m, i) => this.membership(m, row, `x_memberships[${i}]`, id))
      .filter((m): m is MembershipDraft => m !== null);
    if (memberships.length) draft.memberships = memberships;
    return draft;
  }

  // ---------------------------------------------------------------- profile extensions (x_…)

  /** A required UUID of an extension record (ids are not derived here: they must match across organisations). */
  private extId(at: Locate, field: string, raw: unknown): string | undefined {
    const s = cellText(raw);
    if (s === undefined) {
      this.fields.problems.error(at(field), 'REQUIRED', `${field} is required`);
      return undefined;
    }
    if (!UUID.test(s)) {
      this.fields.problems.error(at(field), 'INVALID_ID', `${field} must be a UUID`, s);
      return undefined;
    }
    return s.toLowerCase();
  }

  private relationship(r: Obj, row: number, path: string): RelationshipDraft | null {
    const f = this.fields;
    const at = this.locator(r, row, path);
    const id = this.extId(at, 'id', r.id);
    const source = this.extId(at, 'source_organization_id', r.source_organization_id);
    const target = this.extId(at, 'target_organization_id', r.target_organization_id);
    const type = cellText(r.type)?.toUpperCase();
    if (type === undefined) f.problems.error(at('type'), 'REQUIRED', 'type is required');
    else if (!(Object.values(RelationshipType) as string[]).includes(type)) {
      f.problems.error(at('type'), 'UNKNOWN_CODE', `unknown relationship type (${Object.values(RelationshipType).join(', ')})`, type);
      return null;
    }
    if (!id || !source || !target || !type) return null;
    return {
      at,
      id,
      values: {
        sourceOrganisationId: source,
        targetOrganisationId: target,
        type,
        validFrom: f.date(at('valid_from'), r.valid_from) ?? null,
        validTo: f.date(at('valid_to'), r.valid_to) ?? null,
        fieldOfActionCode: f.text(at('field_of_action_code'), r.field_of_action_code, 100) ?? null,
        note: f.text(at('note'), r.note, LIMITS.longTextMaxLength) ?? null,
      },
    };
  }

  private membership(m: Obj, row: number, path: string, organisationId: string): MembershipDraft | null {
    const f = this.fields;
    const at = this.locator(m, row, path);
    const id = this.extId(at, 'id', m.id);
    const networkId = this.extId(at, 'network_id', m.network_id);
    const given = cellText(m.organization_id)?.toLowerCase();
    if (given !== undefined && given !== organisationId) {
      f.problems.error(
        at('organization_id'),
        'UNKNOWN_REFERENCE',
        'a membership must belong to the organisation it is listed under',
        given,
      );
      return null;
    }
    const role = cellText(m.role)?.toUpperCase() ?? MembershipRole.MEMBER;
    if (!(Object.values(MembershipRole) as string[]).includes(role)) {
      f.problems.error(at('role'), 'UNKNOWN_CODE', `unknown membership role (${Object.values(MembershipRole).join(', ')})`, role);
      return null;
    }
    if (!id || !networkId) return null;
    return {
      at,
      id,
      networkName: f.text(at('network_name'), m.network_name, LIMITS.nameMaxLength) ?? null,
      values: {
        networkId,
        organisationId,
        role,
        since: f.date(at('since'), m.since) ?? null,
        until: f.date(at('until'), m.until) ?? null,
      },
    };
  }

  private district(d: Obj, row: number, path: string): DistrictDraft | undefined {
    const f = this.fields;
    const at = this.locator(d, row, path);
    const id = this.extId(at, 'id', d.id);
    const kind = cellText(d.kind)?.toUpperCase() ?? AreaKind.DISTRICT;
    if (!(Object.values(AreaKind) as string[]).includes(kind)) {
      f.problems.warn(
        at('kind'),
        'UNKNOWN_CODE',
        `unknown area kind (${Object.values(AreaKind).join(', ')}); the district is not imported`,
        kind,
      );
      return undefined;
    }
    const code = f.text(at('code'), d.code, 100, true, 'code');
    const name = f.text(at('name'), d.name, LIMITS.nameMaxLength, true, 'name');
    if (!id || !code || !name) return undefined;
    const statistics = list(d.statistics).flatMap((st, i) => {
      const sa = this.locator(st, row, `${path}.statistics[${i}]`);
      const year = f.int(sa('year'), st.year, 1900, 2200);
      if (year === undefined) return [];
      const count = (field: string) => f.int(sa(field), st[field], 0, 100_000_000) ?? null;
      return [
        {
          year,
          referenceDate: f.date(sa('reference_date'), st.reference_date) ?? null,
          population: count('population'),
          foreignNationals: count('foreign_nationals'),
          migrationBackground: count('migration_background'),
          definition: f.text(sa('definition'), st.definition, 1000) ?? null,
          source: f.text(sa('source'), st.source, 1000) ?? null,
        },
      ];
    });
    return {
      at,
      id,
      kind,
      code,
      name,
      source: f.text(at('source'), d.source, 1000) ?? null,
      attribution: f.text(at('attribution'), d.attribution, 1000) ?? null,
      statistics,
    };
  }

  private location(l: Obj, row: number, path: string, org: OrganisationDraft): LocationDraft {
    const f = this.fields;
    const at = this.locator(l, row, path);
    const { id, given } = this.id(at, l.id, 'location', () => stableId('import-location', org.id, path));
    const addresses = list(l.addresses);
    const address = addresses.find((a) => a.address_type === 'physical') ?? addresses[0];
    const aa = address ? this.locator(address, row, `${path}.addresses[${addresses.indexOf(address)}]`) : at;
    const street = address ? [cellText(address.address_1), cellText(address.address_2)].filter(Boolean).join(', ') : undefined;
    const accessibility = list(l.accessibility)
      .map((a) => cellText(a.description))
      .filter(Boolean)
      .join('\n');
    const draft: LocationDraft = {
      at,
      id,
      idGiven: given,
      values: {
        name: f.text(at('name'), l.name, LIMITS.nameMaxLength),
        street: address ? f.text(aa('address_1'), street, LIMITS.nameMaxLength) : undefined,
        postcode: address ? f.postcode(aa('postal_code'), address.postal_code) : undefined,
        city: address ? f.text(aa('city'), address.city, 100) : undefined,
        coordinates: f.coordinates(at('latitude'), at('longitude'), l.latitude, l.longitude),
        accessibility: f.text(at('accessibility'), accessibility, LIMITS.longTextMaxLength),
      },
      schedules: [],
    };
    list(l.attributes).forEach((a, i) => {
      if (a.link_type !== 'area') return;
      const value = cellText(a.value);
      if (value) draft.areaToken = { raw: value, at: this.locator(a, row, `${path}.attributes[${i}]`)('value') };
    });
    if (isObj(l.x_district)) draft.district = this.district(l.x_district, row, `${path}.x_district`);
    list(l.schedules).forEach((s, i) => draft.schedules.push(...this.schedules(s, row, `${path}.schedules[${i}]`, id, null)));
    return draft;
  }

  private service(s: Obj, row: number, path: string, org: OrganisationDraft): ServiceDraft {
    const f = this.fields;
    const at = this.locator(s, row, path);
    const { id, given } = this.id(at, s.id, 'service', () => stableId('import-service', org.id, path));
    const fees = f.text(at('fees_description'), s.fees_description, 1000);
    const free = fees !== undefined && /^(kostenlos|kostenfrei|gratis|free|free of charge)$/i.test(fees);
    const status = cellText(s.status);
    if (status && !['active', 'inactive', 'defunct', 'temporarily closed'].includes(status)) {
      f.problems.warn(at('status'), 'UNKNOWN_STATUS', 'HSDS service status is active, inactive, defunct or temporarily closed', status);
    }
    const draft: ServiceDraft = {
      at,
      id,
      idGiven: given,
      values: {
        name: f.text(at('name'), s.name, LIMITS.nameMaxLength, true, 'name'),
        description: f.text(at('description'), s.description, LIMITS.longTextMaxLength),
        fees: free ? undefined : fees,
        free: free ? true : undefined,
        eligibility: f.text(at('eligibility_description'), s.eligibility_description, LIMITS.longTextMaxLength),
        status: status === 'inactive' || status === 'defunct' ? 'ARCHIVED' : status ? 'PUBLISHED' : undefined,
      },
      fieldTokens: [],
      groupTokens: [],
      languageTokens: [],
      locationRefs: [],
      schedules: [],
    };
    list(s.languages).forEach((x, i) => {
      const raw = cellText(x.code) ?? cellText(x.name);
      if (raw) draft.languageTokens!.push({ raw, at: this.locator(x, row, `${path}.languages[${i}]`)(cellText(x.code) ? 'code' : 'name') });
    });
    list(s.attributes).forEach((a, i) => {
      if (a.link_type !== 'field_of_action' && a.link_type !== 'target_group') return;
      const aa = this.locator(a, row, `${path}.attributes[${i}]`);
      const term = isObj(a.taxonomy_term) ? a.taxonomy_term : undefined;
      const raw = cellText(term?.code) ?? cellText(a.taxonomy_term_id) ?? cellText(term?.id);
      const token: Token = { raw: raw ?? '', at: aa(cellText(term?.code) ? 'taxonomy_term.code' : 'taxonomy_term_id') };
      (a.link_type === 'field_of_action' ? draft.fieldTokens! : draft.groupTokens!).push(token);
    });
    list(s.service_at_locations).forEach((x, i) => {
      const raw = cellText(x.location_id) ?? (isObj(x.location) ? cellText(x.location.id) : undefined);
      if (raw) draft.locationRefs!.push({ raw, at: this.locator(x, row, `${path}.service_at_locations[${i}]`)('location_id') });
    });
    list(s.schedules).forEach((x, i) => draft.schedules.push(...this.schedules(x, row, `${path}.schedules[${i}]`, null, id)));
    return draft;
  }

  private schedules(s: Obj, row: number, path: string, locationId: string | null, serviceId: string | null): ScheduleDraft[] {
    const f = this.fields;
    const at = this.locator(s, row, path);
    const freq = cellText(s.freq);
    if (freq && freq.toUpperCase() !== 'WEEKLY') {
      f.problems.warn(at('freq'), 'UNSUPPORTED_SCHEDULE', 'only weekly schedules are imported; this one is left out', freq);
      return [];
    }
    const days = f.weekday(at('byday'), s.byday);
    if (!days) return [];
    const { id } = this.id(at, s.id, 'schedule', () => stableId('import-schedule', locationId ?? serviceId ?? '', path));
    const opensAt = f.time(at('opens_at'), s.opens_at) ?? null;
    const closesAt = f.time(at('closes_at'), s.closes_at) ?? null;
    const description = f.text(at('description'), s.description, 500) ?? null;
    const ownLocation = locationId ?? f.uuid(at('location_id'), s.location_id) ?? null;
    const ownService = serviceId ?? f.uuid(at('service_id'), s.service_id) ?? null;
    return days.map((byday, k) => ({
      at,
      id: k === 0 ? id : stableId(id, byday),
      locationId: ownLocation,
      serviceId: ownService,
      byday,
      opensAt,
      closesAt,
      description,
    }));
  }
}
