import { LIMITS, VerificationStatus } from '@partneratlas/shared';
import { realOrganisationId } from '../../../../database/seed/real-organisations';
import { stableId } from '../../hsds/stable-id';
import { cellText, FieldReader, kindOf, UUID, verificationOf } from '../import-fields';
import type { Locate, LocationDraft, OrganisationDraft, ScheduleDraft, ServiceDraft, Token } from '../import-model';

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
    return draft;
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
