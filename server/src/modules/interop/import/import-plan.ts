import type { DataSource, EntityManager } from 'typeorm';
import { EditableEntity, foldForSearch, PublicationStatus, TaxonomyKind, VerificationStatus } from '@partneratlas/shared';
import { canonical, ENTITY_SPECS, EntitySpec } from '../../editing/entity-specs';
import { Lookups, Problems } from './import-fields';
import type {
  DistrictDraft,
  LocationDraft,
  MembershipDraft,
  OrganisationDraft,
  RelationshipDraft,
  ScheduleDraft,
  ServiceDraft,
  Token,
} from './import-model';
import {
  ImportAction,
  ImportActionKind,
  ImportDuplicate,
  ImportDuplicateReason,
  ImportEntity,
  ImportGeocoding,
  ImportPlacement,
  REPORT_LIST_MAX,
  SourceRef,
} from './import.types';

export type Values = Record<string, unknown>;
type Db = DataSource | EntityManager;

/** Name similarity (pg_trgm, on pa_fold) and distance that count as "probably the same organisation". */
export const DUPLICATE_SIMILARITY = 0.6;
export const DUPLICATE_METERS = 100;
const CHUNK = 5000;

/** Fields an import may change on an existing entry (status, verification and confirmation are the editors'). */
type Kind = 'org' | 'loc' | 'svc' | 'rel' | 'mem';
const SPEC_OF: Record<Kind, EditableEntity> = {
  org: EditableEntity.ORGANISATION,
  loc: EditableEntity.LOCATION,
  svc: EditableEntity.SERVICE,
  rel: EditableEntity.RELATIONSHIP,
  mem: EditableEntity.NETWORK_MEMBERSHIP,
};
const UPDATABLE: Record<Kind, readonly string[]> = {
  org: ['kind', 'name', 'alternateName', 'description', 'website', 'email', 'phones', 'yearFounded', 'parentOrganisationId'],
  loc: ['name', 'street', 'postcode', 'city', 'coordinates', 'accessibility', 'areaId'],
  svc: ['name', 'description', 'fieldsOfAction', 'targetGroups', 'languages', 'fees', 'free', 'eligibility', 'locationIds'],
  rel: ['targetOrganisationId', 'type', 'validFrom', 'validTo', 'fieldOfActionCode', 'note'],
  mem: ['role', 'since', 'until'],
};

export interface PlannedEntity<D> {
  draft: D;
  exists: boolean;
  /** The stored state (editing-spec values) of an existing entity. */
  stored: Values | null;
  /** Values to write: complete for a new entity, stored + changes for an existing one. */
  values: Values;
  changed: string[];
  action: ImportActionKind;
}

export interface PlannedOrganisation extends PlannedEntity<OrganisationDraft> {
  locations: PlannedEntity<LocationDraft>[];
  services: PlannedEntity<ServiceDraft>[];
  schedules: ScheduleDraft[];
}

/** A location without coordinates that the geocoder may place (import option `geocode`). */
export interface GeocodeTarget {
  organisation: OrganisationDraft;
  location: LocationDraft;
}

/**
 * Looks up coordinates for the targets: sets `values.coordinates` and `coordinatesSource` of the drafts it finds
 * one place for and returns one report entry per target.
 */
export type GeocodeHook = (targets: GeocodeTarget[]) => Promise<ImportGeocoding[]>;

export interface ImportPlan {
  organisations: PlannedOrganisation[];
  relationships: PlannedEntity<RelationshipDraft>[];
  memberships: PlannedEntity<MembershipDraft>[];
  /** Networks of x_memberships that are not stored yet. */
  networks: { id: string; name: string }[];
  /** Districts of x_district that are not stored yet (created without a polygon). */
  districts: DistrictDraft[];
  geocoded: ImportGeocoding[];
  duplicates: ImportDuplicate[];
  duplicateCount: number;
  placements: ImportPlacement[];
  placementCount: number;
}

const chunks = <T>(items: readonly T[], size = CHUNK): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};

/** The stored states (as the editing service reads them for audit and diffs) of many entities in one query per chunk. */
export async function loadStates(db: Db, spec: EntitySpec, ids: string[], lock: boolean): Promise<Map<string, Values>> {
  const out = new Map<string, Values>();
  const reads = spec.fields.map((f) => `${f.read ?? `t.${f.column}`} AS "${f.name}"`).join(', ');
  for (const part of chunks(ids)) {
    const rows: (Values & { __id: string })[] = await db.query(
      `SELECT t.id AS __id, ${reads} FROM ${spec.table} t WHERE t.id = ANY($1::uuid[]) ORDER BY t.id${lock ? ' FOR UPDATE OF t' : ''}`,
      [part],
    );
    for (const r of rows) {
      const values: Values = {};
      for (const f of spec.fields) values[f.name] = r[f.name] ?? null;
      out.set(r.__id, values);
    }
  }
  return out;
}

/**
 * Checks everything that needs the database (ids, references, duplicates) and decides per entity whether it is
 * created, updated, unchanged or skipped. Reads only; with `lock` (apply, inside its transaction) the stored rows
 * that will be updated are locked.
 */
export class ImportPlanner {
  constructor(
    private readonly db: Db,
    private readonly problems: Problems,
    private readonly lookups: Lookups,
    private readonly options: { publish: boolean; skipDuplicates: boolean; lock: boolean; geocode?: GeocodeHook },
  ) {}

  async plan(drafts: OrganisationDraft[]): Promise<ImportPlan> {
    const p = this.problems;
    const skipped = drafts.filter((d) => d.skipReason);
    for (const d of skipped) p.warn(d.at(), 'NOT_IMPORTED', d.skipReason!, d.values.name);
    const orgs = drafts.filter((d) => !d.skipReason);

    this.resolveTokens(orgs);
    this.checkDuplicateIds(orgs);

    const orgIds = orgs.map((o) => o.id);
    const locs = orgs.flatMap((o) => o.locations.map((l) => ({ o, l })));
    const svcs = orgs.flatMap((o) => o.services.map((s) => ({ o, s })));
    const scheds = orgs.flatMap((o) => [...o.locations.flatMap((l) => l.schedules), ...o.services.flatMap((s) => s.schedules)]);

    const existingOrgs = await this.ids('organization', orgIds, 'NULL::uuid');
    await this.matchFirstLocations(orgs.filter((o) => existingOrgs.has(o.id)));
    const existingLocs = await this.ids(
      'location',
      locs.map((x) => x.l.id),
      'organisation_id',
    );
    const existingSvcs = await this.ids(
      'service',
      svcs.map((x) => x.s.id),
      'organisation_id',
    );
    for (const { o, l } of locs) {
      const owner = existingLocs.get(l.id);
      if (owner !== undefined && owner !== o.id)
        p.error(l.at('id'), 'ID_OF_OTHER_ORGANISATION', 'this location id belongs to another organisation', l.id);
    }
    for (const { o, s } of svcs) {
      const owner = existingSvcs.get(s.id);
      if (owner !== undefined && owner !== o.id)
        p.error(s.at('id'), 'ID_OF_OTHER_ORGANISATION', 'this service id belongs to another organisation', s.id);
    }
    await this.checkSchedules(scheds);
    await this.checkReferences(orgs, existingOrgs);
    await this.checkServiceLocations(orgs);
    const districts = await this.resolveDistricts(locs.map((x) => x.l));
    await this.resolveAreas(
      locs.map((x) => x.l),
      new Set(districts.map((d) => d.id)),
    );
    const newOrgs = orgs.filter((o) => !existingOrgs.has(o.id));
    const { duplicates, duplicateCount, skip } = await this.findDuplicates(newOrgs);
    const lock = this.options.lock;
    const storedOrgs = await loadStates(this.db, ENTITY_SPECS[EditableEntity.ORGANISATION], [...existingOrgs.keys()], lock);
    const storedLocs = await loadStates(this.db, ENTITY_SPECS[EditableEntity.LOCATION], [...existingLocs.keys()], lock);
    const storedSvcs = await loadStates(this.db, ENTITY_SPECS[EditableEntity.SERVICE], [...existingSvcs.keys()], lock);
    const geocoded = await this.geocode(
      locs.filter(({ o, l }) => !skip.has(o.id) && !l.values.coordinates && !storedLocs.get(l.id)?.coordinates),
    );

    const planned: PlannedOrganisation[] = [];
    for (const d of orgs) {
      const skipThis = skip.has(d.id);
      const org = this.planOrganisation(d, storedOrgs.get(d.id) ?? null, skipThis);
      const locations = d.locations.map((l) =>
        this.planEntity(l, storedLocs.get(l.id) ?? null, 'loc', this.newLocationValues(d, l), skipThis),
      );
      const locationIds = d.locations.map((l) => l.id);
      const services = d.services.map((s) =>
        this.planEntity(s, storedSvcs.get(s.id) ?? null, 'svc', this.newServiceValues(d, s, locationIds), skipThis),
      );
      planned.push({
        ...org,
        locations,
        services,
        schedules: skipThis ? [] : [...d.locations.flatMap((l) => l.schedules), ...d.services.flatMap((s) => s.schedules)],
      });
    }
    for (const d of skipped) {
      planned.push({
        draft: d,
        exists: false,
        stored: null,
        values: {},
        changed: [],
        action: ImportActionKind.SKIP,
        locations: [],
        services: [],
        schedules: [],
      });
    }
    const { placements, placementCount } = await this.placements(planned, geocoded);
    const written = new Set(planned.filter((o) => o.action !== ImportActionKind.SKIP).map((o) => o.draft.id));
    const relationships = await this.planRelationships(orgs, written, existingOrgs);
    const { memberships, networks } = await this.planMemberships(orgs, written);
    const usedAreas = new Set(
      planned.flatMap((o) => o.locations.filter((l) => l.action !== ImportActionKind.SKIP).map((l) => l.values.areaId as string | null)),
    );
    return {
      organisations: planned,
      relationships,
      memberships,
      networks,
      districts: districts.filter((d) => usedAreas.has(d.id)),
      geocoded,
      duplicates,
      duplicateCount,
      placements,
      placementCount,
    };
  }

  // ---------------------------------------------------------------- geocoding (option `geocode`)

  /** Locations without coordinates (in the file and stored) whose address has a street: asked in file order. */
  private async geocode(candidates: { o: OrganisationDraft; l: LocationDraft }[]): Promise<ImportGeocoding[]> {
    const hook = this.options.geocode;
    if (!hook) return [];
    const targets = candidates.filter(({ l }) => l.values.street).map(({ o, l }) => ({ organisation: o, location: l }));
    return targets.length ? hook(targets) : [];
  }

  // ---------------------------------------------------------------- profile extensions (x_…)

  /**
   * x_district: a district stored under the id is used as it is (stored districts are never changed by an import);
   * one stored under the same code is used instead (reported); otherwise the district is created, without a polygon.
   */
  private async resolveDistricts(locs: LocationDraft[]): Promise<DistrictDraft[]> {
    const drafts = new Map<string, DistrictDraft>();
    for (const l of locs) if (l.district && !drafts.has(l.district.id)) drafts.set(l.district.id, l.district);
    if (!drafts.size) return [];
    const rows: { id: string; code: string }[] = await this.db.query(
      `SELECT id, code FROM area WHERE id = ANY($1::uuid[]) OR code = ANY($2::text[])`,
      [[...drafts.keys()], [...drafts.values()].map((d) => d.code)],
    );
    const byId = new Set(rows.map((r) => r.id));
    const byCode = new Map(rows.map((r) => [r.code, r.id]));
    const create: DistrictDraft[] = [];
    const replaced = new Map<string, string>();
    for (const d of drafts.values()) {
      if (byId.has(d.id)) continue;
      const other = byCode.get(d.code);
      if (other) {
        replaced.set(d.id, other);
        this.problems.warn(
          d.at('code'),
          'UNKNOWN_AREA',
          `a district with code ${d.code} is stored under another id (${other}); that one is used`,
          d.id,
        );
      } else create.push(d);
    }
    for (const l of locs) {
      const other = l.district && replaced.get(l.district.id);
      if (other && l.areaToken?.raw.toLowerCase() === l.district!.id) l.areaToken = { ...l.areaToken, raw: other };
    }
    return create;
  }

  /** x_relationships, once per id (they appear under both organisations): both organisations must be here or stored. */
  private async planRelationships(
    orgs: OrganisationDraft[],
    written: Set<string>,
    existingOrgs: Map<string, string | null>,
  ): Promise<PlannedEntity<RelationshipDraft>[]> {
    const drafts = new Map<string, RelationshipDraft>();
    for (const o of orgs) for (const r of o.relationships ?? []) if (!drafts.has(r.id)) drafts.set(r.id, r);
    if (!drafts.size) return [];
    const inFile = new Set(orgs.map((o) => o.id));
    const others = [...drafts.values()]
      .flatMap((r) => [r.values.sourceOrganisationId, r.values.targetOrganisationId])
      .filter((id) => !inFile.has(id) && !existingOrgs.has(id));
    const storedOrgs = await this.ids('organization', others, 'NULL::uuid');
    const existing = await this.ids('organisation_relationship', [...drafts.keys()], 'source_organisation_id');
    const ok: RelationshipDraft[] = [];
    for (const r of drafts.values()) {
      const v = r.values;
      if (v.sourceOrganisationId === v.targetOrganisationId) {
        this.problems.error(
          r.at('target_organization_id'),
          'SELF_REFERENCE',
          'a relationship needs two different organisations',
          v.targetOrganisationId,
        );
        continue;
      }
      const owner = existing.get(r.id);
      if (owner !== undefined && owner !== v.sourceOrganisationId) {
        this.problems.error(r.at('id'), 'ID_OF_OTHER_ORGANISATION', 'this relationship id belongs to another organisation', r.id);
        continue;
      }
      const missing = [v.sourceOrganisationId, v.targetOrganisationId].find(
        (id) => !(inFile.has(id) ? written.has(id) : existingOrgs.has(id) || storedOrgs.has(id)),
      );
      if (missing) {
        const why = inFile.has(missing) ? 'is left out of this import' : 'is neither in the file nor stored';
        this.problems.warn(r.at('id'), 'NOT_IMPORTED', `relationship left out: organisation ${missing} ${why}`, r.id);
        continue;
      }
      if (v.fieldOfActionCode && !this.lookups.term(v.fieldOfActionCode, TaxonomyKind.FIELD_OF_ACTION)) {
        this.problems.warn(
          r.at('field_of_action_code'),
          'UNKNOWN_CODE',
          'unknown field-of-action code; imported without it',
          v.fieldOfActionCode,
        );
        v.fieldOfActionCode = null;
      }
      ok.push(r);
    }
    const stored = await loadStates(
      this.db,
      ENTITY_SPECS[EditableEntity.RELATIONSHIP],
      ok.filter((r) => existing.has(r.id)).map((r) => r.id),
      this.options.lock,
    );
    return ok.map((r) => this.decide(r, stored.get(r.id) ?? null, 'rel', { ...r.values }));
  }

  /** x_memberships: the network is created with its name when it is not stored; one membership per network and organisation. */
  private async planMemberships(
    orgs: OrganisationDraft[],
    written: Set<string>,
  ): Promise<{ memberships: PlannedEntity<MembershipDraft>[]; networks: { id: string; name: string }[] }> {
    const drafts = new Map<string, MembershipDraft>();
    for (const o of orgs) for (const m of o.memberships ?? []) if (written.has(o.id) && !drafts.has(m.id)) drafts.set(m.id, m);
    if (!drafts.size) return { memberships: [], networks: [] };
    const list = [...drafts.values()];
    const storedNetworks = await this.ids(
      'network',
      list.map((m) => m.values.networkId),
      'NULL::uuid',
    );
    const rows: { id: string; network_id: string; organisation_id: string }[] = await this.db.query(
      `SELECT id, network_id, organisation_id FROM network_membership
        WHERE id = ANY($1::uuid[]) OR (network_id, organisation_id) IN (SELECT * FROM unnest($2::uuid[], $3::uuid[]))`,
      [list.map((m) => m.id), list.map((m) => m.values.networkId), list.map((m) => m.values.organisationId)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const byPair = new Map(rows.map((r) => [`${r.network_id}:${r.organisation_id}`, r.id]));
    const networks = new Map<string, string>();
    const ok: MembershipDraft[] = [];
    for (const m of list) {
      const v = m.values;
      const stored = byId.get(m.id);
      if (stored && (stored.network_id !== v.networkId || stored.organisation_id !== v.organisationId)) {
        this.problems.error(m.at('id'), 'ID_OF_OTHER_ORGANISATION', 'this membership id belongs to another organisation or network', m.id);
        continue;
      }
      const pair = byPair.get(`${v.networkId}:${v.organisationId}`);
      if (!stored && pair) {
        this.problems.warn(m.at('id'), 'NOT_IMPORTED', `already a member of this network (membership ${pair}); left out`, m.id);
        continue;
      }
      if (!storedNetworks.has(v.networkId) && !networks.has(v.networkId)) {
        if (!m.networkName) {
          this.problems.warn(
            m.at('network_name'),
            'UNKNOWN_REFERENCE',
            'network not stored and without a name; membership left out',
            v.networkId,
          );
          continue;
        }
        networks.set(v.networkId, m.networkName);
      }
      ok.push(m);
    }
    const states = await loadStates(
      this.db,
      ENTITY_SPECS[EditableEntity.NETWORK_MEMBERSHIP],
      ok.filter((m) => byId.has(m.id)).map((m) => m.id),
      this.options.lock,
    );
    return {
      memberships: ok.map((m) => this.decide(m, states.get(m.id) ?? null, 'mem', { ...m.values })),
      networks: [...networks].map(([id, name]) => ({ id, name })),
    };
  }

  // ---------------------------------------------------------------- tokens (terms, languages)

  private resolveTokens(orgs: OrganisationDraft[]): void {
    for (const o of orgs) {
      for (const s of o.services) {
        if (s.fieldTokens?.length) s.values.fieldsOfAction = this.terms(s.fieldTokens, TaxonomyKind.FIELD_OF_ACTION);
        if (s.groupTokens?.length) s.values.targetGroups = this.terms(s.groupTokens, TaxonomyKind.TARGET_GROUP);
        if (s.languageTokens?.length) {
          const codes: string[] = [];
          for (const t of s.languageTokens) {
            const code = this.lookups.language(t.raw);
            if (code) codes.push(code);
            else this.problems.error(t.at, 'UNKNOWN_LANGUAGE', 'unknown language (ISO 639-1 code such as "ar", or its name)', t.raw);
          }
          s.values.languages = [...new Set(codes)].sort();
        }
      }
    }
  }

  /** Term codes; list cells split at commas are joined back where a term name itself has a comma. */
  private terms(tokens: Token[], kind: TaxonomyKind): string[] {
    const codes = new Set<string>();
    for (let i = 0; i < tokens.length; i++) {
      let found = false;
      for (let j = tokens.length; j > i; j--) {
        if (tokens.slice(i, j).some((t) => t.at !== tokens[i].at)) continue;
        const term = this.lookups.term(
          tokens
            .slice(i, j)
            .map((t) => t.raw)
            .join(', '),
          kind,
        );
        if (term) {
          codes.add(term.code);
          i = j - 1;
          found = true;
          break;
        }
      }
      if (!found) {
        const what = kind === TaxonomyKind.FIELD_OF_ACTION ? 'field-of-action' : 'target-group';
        this.problems.error(tokens[i].at, 'UNKNOWN_CODE', `unknown ${what} code or name`, tokens[i].raw);
      }
    }
    return [...codes].sort();
  }

  // ---------------------------------------------------------------- ids and references

  private checkDuplicateIds(orgs: OrganisationDraft[]): void {
    const seen = new Map<string, SourceRef>();
    const check = (kind: string, id: string, ref: SourceRef, named?: string): boolean => {
      const key = `${kind}:${id}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, ref);
        return true;
      }
      const where = `${first.file && first.file !== ref.file ? `${first.file} ` : ''}row ${first.row ?? '?'}`;
      this.problems.error(
        ref,
        'DUPLICATE_ID',
        named !== undefined
          ? `the same organisation name (and so the same derived id) as ${where}: give each row an ID or a distinct name`
          : `${kind} id ${id} already appears in ${where}`,
        id,
      );
      return false;
    };
    for (const o of orgs) {
      // A repeated organisation is one problem, not one per derived child id.
      if (!check('organisation', o.id, o.at('id'), o.idGiven ? undefined : (o.values.name ?? ''))) continue;
      for (const l of o.locations) check('location', l.id, l.at('id'));
      for (const s of o.services) check('service', s.id, s.at('id'));
      for (const l of o.locations) for (const x of l.schedules) check('schedule', x.id, x.at('id'));
      for (const s of o.services) for (const x of s.schedules) check('schedule', x.id, x.at('id'));
    }
  }

  /** A spreadsheet row's address of a stored organisation updates its first location (the one the CSV export shows). */
  private async matchFirstLocations(existing: OrganisationDraft[]): Promise<void> {
    const candidates = existing.filter((o) => o.locations.some((l) => l.matchFirstLocation));
    for (const part of chunks(candidates)) {
      const rows: { organisation_id: string; id: string; ids: string[] }[] = await this.db.query(
        `SELECT DISTINCT ON (organisation_id) organisation_id, id, array_agg(id) OVER (PARTITION BY organisation_id) AS ids
           FROM location WHERE organisation_id = ANY($1::uuid[]) ORDER BY organisation_id, created_at, id`,
        [part.map((o) => o.id)],
      );
      const first = new Map(rows.map((r) => [r.organisation_id, r]));
      for (const o of part) {
        const stored = first.get(o.id);
        for (const l of o.locations) {
          if (l.matchFirstLocation && stored && !stored.ids.includes(l.id)) l.id = stored.id;
        }
      }
    }
  }

  /** Which of the ids exist, with their owner column. */
  private async ids(table: string, ids: string[], owner: string): Promise<Map<string, string | null>> {
    const out = new Map<string, string | null>();
    for (const part of chunks([...new Set(ids)])) {
      const rows: { id: string; owner: string | null }[] = await this.db.query(
        `SELECT id, ${owner} AS owner FROM ${table} WHERE id = ANY($1::uuid[])`,
        [part],
      );
      for (const r of rows) out.set(r.id, r.owner);
    }
    return out;
  }

  private async checkSchedules(scheds: ScheduleDraft[]): Promise<void> {
    if (!scheds.length) return;
    const rows: { id: string; location_id: string | null; service_id: string | null }[] = [];
    for (const part of chunks(scheds.map((s) => s.id))) {
      rows.push(...(await this.db.query(`SELECT id, location_id, service_id FROM schedule WHERE id = ANY($1::uuid[])`, [part])));
    }
    const stored = new Map(rows.map((r) => [r.id, r]));
    for (const s of scheds) {
      const r = stored.get(s.id);
      if (r && r.location_id !== s.locationId && r.service_id !== s.serviceId) {
        this.problems.error(s.at('id'), 'ID_OF_OTHER_ORGANISATION', 'this schedule id belongs to another location or service', s.id);
      }
    }
  }

  private async checkReferences(orgs: OrganisationDraft[], existing: Map<string, string | null>): Promise<void> {
    const inFile = new Set(orgs.map((o) => o.id));
    const parents = orgs.map((o) => o.values.parentOrganisationId).filter((x): x is string => !!x && !inFile.has(x) && !existing.has(x));
    const stored = await this.ids('organization', parents, 'NULL::uuid');
    for (const o of orgs) {
      const parent = o.values.parentOrganisationId;
      if (!parent) continue;
      if (parent === o.id)
        this.problems.error(o.at('parent_organization_id'), 'SELF_REFERENCE', 'an organisation cannot be its own umbrella', parent);
      else if (!inFile.has(parent) && !existing.has(parent) && !stored.has(parent)) {
        this.problems.error(
          o.at('parent_organization_id'),
          'UNKNOWN_REFERENCE',
          'no such organisation (neither in the file nor stored)',
          parent,
        );
      }
    }
  }

  private async checkServiceLocations(orgs: OrganisationDraft[]): Promise<void> {
    const refs = orgs.flatMap((o) => o.services.flatMap((s) => (s.locationRefs ?? []).map((t) => ({ o, s, t }))));
    const own = new Map(orgs.map((o) => [o.id, new Set(o.locations.map((l) => l.id))]));
    const outside = refs.filter(({ o, t }) => !own.get(o.id)!.has(t.raw.toLowerCase())).map(({ t }) => t.raw.toLowerCase());
    const valid = outside.filter((id) => /^[0-9a-f-]{36}$/.test(id));
    const stored = await this.ids('location', valid, 'organisation_id');
    for (const { o, s, t } of refs) {
      const id = t.raw.toLowerCase();
      if (own.get(o.id)!.has(id) || stored.get(id) === o.id) {
        s.values.locationIds = [...new Set([...(s.values.locationIds ?? []), id])].sort();
      } else {
        this.problems.error(t.at, 'UNKNOWN_REFERENCE', 'not a location of the same organisation', t.raw);
      }
    }
  }

  private async resolveAreas(locs: LocationDraft[], created: Set<string>): Promise<void> {
    const tokens = locs.filter((l) => l.areaToken);
    if (!tokens.length) return;
    const ids = tokens.map((l) => l.areaToken!.raw.toLowerCase()).filter((id) => /^[0-9a-f-]{36}$/.test(id));
    const stored = await this.ids('area', ids, 'NULL::uuid');
    for (const l of tokens) {
      const id = l.areaToken!.raw.toLowerCase();
      if (stored.has(id) || created.has(id)) l.values.areaId = id;
      else
        this.problems.warn(
          l.areaToken!.at,
          'UNKNOWN_AREA',
          'no such district here; the location is assigned by its coordinates, if any',
          id,
        );
    }
  }

  // ---------------------------------------------------------------- duplicates

  private async findDuplicates(
    newOrgs: OrganisationDraft[],
  ): Promise<{ duplicates: ImportDuplicate[]; duplicateCount: number; skip: Set<string> }> {
    const duplicates: ImportDuplicate[] = [];
    let duplicateCount = 0;
    const skip = new Set<string>();
    const push = (d: OrganisationDraft, dup: Omit<ImportDuplicate, 'skipped' | 'file' | 'row' | 'column' | 'name'>) => {
      duplicateCount++;
      if (this.options.skipDuplicates) skip.add(d.id);
      if (duplicates.length < REPORT_LIST_MAX) {
        const ref = d.at('name');
        duplicates.push({
          file: ref.file ?? null,
          row: ref.row,
          column: ref.column ?? null,
          name: d.values.name ?? '',
          skipped: this.options.skipDuplicates,
          ...dup,
        });
      }
    };
    const named = newOrgs.filter((o) => o.values.name);
    const firstByName = new Map<string, OrganisationDraft>();
    for (const o of named) {
      const key = foldForSearch(o.values.name!);
      const first = firstByName.get(key);
      if (!first) firstByName.set(key, o);
      else if (first.id !== o.id) {
        push(o, {
          reason: ImportDuplicateReason.SAME_NAME_IN_FILE,
          existingId: null,
          existingName: first.values.name ?? null,
          firstRow: first.at().row,
        });
      }
    }
    if (!named.length) return { duplicates, duplicateCount, skip };
    const index = new Map(named.map((o, i) => [i, o]));
    for (const part of chunks([...index.entries()], 2000)) {
      const same: { i: number; id: string; name: string }[] = await this.db.query(
        `SELECT x.i, o.id, o.name FROM unnest($1::int[], $2::text[]) AS x(i, name)
           JOIN organization o ON o.sort_name = pa_fold(x.name)
          ORDER BY x.i, o.name, o.id`,
        [part.map(([i]) => i), part.map(([, o]) => o.values.name)],
      );
      const reported = new Set<string>();
      for (const r of same) {
        reported.add(`${r.i}:${r.id}`);
        push(index.get(r.i)!, { reason: ImportDuplicateReason.SAME_NAME, existingId: r.id, existingName: r.name, similarity: 1 });
      }
      const located = part.flatMap(([i, o]) =>
        o.locations.filter((l) => l.values.coordinates).map((l) => ({ i, name: o.values.name!, ...l.values.coordinates! })),
      );
      if (!located.length) continue;
      const near: { i: number; id: string; name: string; similarity: number; distance: number }[] = await this.db.query(
        `SELECT DISTINCT ON (x.i, o.id) x.i, o.id, o.name, similarity(o.sort_name, pa_fold(x.name)) AS similarity,
                ST_Distance(l.geom, p.g) AS distance
           FROM unnest($1::int[], $2::text[], $3::float8[], $4::float8[]) AS x(i, name, lat, lng)
           CROSS JOIN LATERAL (SELECT ST_SetSRID(ST_MakePoint(x.lng, x.lat), 4326)::geography AS g) p
           JOIN location l ON ST_DWithin(l.geom, p.g, $5)
           JOIN organization o ON o.id = l.organisation_id
          WHERE similarity(o.sort_name, pa_fold(x.name)) >= $6
          ORDER BY x.i, o.id, distance`,
        [
          located.map((x) => x.i),
          located.map((x) => x.name),
          located.map((x) => x.latitude),
          located.map((x) => x.longitude),
          DUPLICATE_METERS,
          DUPLICATE_SIMILARITY,
        ],
      );
      for (const r of near) {
        if (reported.has(`${r.i}:${r.id}`)) continue;
        push(index.get(r.i)!, {
          reason: ImportDuplicateReason.SIMILAR_NAME_NEARBY,
          existingId: r.id,
          existingName: r.name,
          similarity: Math.round(Number(r.similarity) * 100) / 100,
          distanceMeters: Math.round(Number(r.distance)),
        });
      }
    }
    return { duplicates, duplicateCount, skip };
  }

  // ---------------------------------------------------------------- values and actions

  private planOrganisation(d: OrganisationDraft, stored: Values | null, skip: boolean): PlannedEntity<OrganisationDraft> {
    if (skip) return { draft: d, exists: false, stored: null, values: {}, changed: [], action: ImportActionKind.SKIP };
    const verified = this.options.publish && d.verification === VerificationStatus.VERIFIED;
    const fresh: Values = {
      kind: d.values.kind ?? null,
      name: d.values.name ?? null,
      alternateName: d.values.alternateName ?? null,
      description: d.values.description ?? null,
      website: d.values.website ?? null,
      email: d.values.email ?? null,
      phones: d.values.phones ?? [],
      languages: [],
      yearFounded: d.values.yearFounded ?? null,
      parentOrganisationId: d.values.parentOrganisationId ?? null,
      status: this.options.publish ? PublicationStatus.PUBLISHED : PublicationStatus.DRAFT,
      lastConfirmedAt: d.values.lastConfirmedAt ?? null,
      verificationStatus: verified ? VerificationStatus.VERIFIED : VerificationStatus.UNVERIFIED,
    };
    return this.decide(d, stored, 'org', fresh);
  }

  private newLocationValues(o: OrganisationDraft, l: LocationDraft): Values {
    return {
      organisationId: o.id,
      name: l.values.name ?? null,
      street: l.values.street ?? null,
      postcode: l.values.postcode ?? null,
      city: l.values.city ?? null,
      coordinates: l.values.coordinates ?? null,
      accessibility: l.values.accessibility ?? null,
      areaId: l.values.areaId ?? null,
    };
  }

  private newServiceValues(o: OrganisationDraft, s: ServiceDraft, locationIds: string[]): Values {
    return {
      organisationId: o.id,
      name: s.values.name ?? null,
      description: s.values.description ?? null,
      fieldsOfAction: s.values.fieldsOfAction ?? [],
      targetGroups: s.values.targetGroups ?? [],
      languages: s.values.languages ?? [],
      fees: s.values.fees ?? null,
      free: s.values.free ?? null,
      eligibility: s.values.eligibility ?? null,
      attendingAccess: [],
      capacity: null,
      locationIds: s.values.locationIds ?? (s.atAllLocations ? [...locationIds].sort() : []),
      status: s.values.status ?? PublicationStatus.PUBLISHED,
    };
  }

  private planEntity<D extends LocationDraft | ServiceDraft>(
    d: D,
    stored: Values | null,
    kind: 'loc' | 'svc',
    fresh: Values,
    skip: boolean,
  ): PlannedEntity<D> {
    if (skip) return { draft: d, exists: false, stored: null, values: {}, changed: [], action: ImportActionKind.SKIP };
    return this.decide(d, stored, kind, fresh);
  }

  private decide<D extends OrganisationDraft | LocationDraft | ServiceDraft | RelationshipDraft | MembershipDraft>(
    d: D,
    stored: Values | null,
    kind: Kind,
    fresh: Values,
  ): PlannedEntity<D> {
    if (!stored) return { draft: d, exists: false, stored: null, values: fresh, changed: [], action: ImportActionKind.CREATE };
    const spec = ENTITY_SPECS[SPEC_OF[kind]];
    const given = d.values as Values;
    const values: Values = { ...stored };
    const changed: string[] = [];
    for (const name of UPDATABLE[kind]) {
      const wanted = given[name];
      if (wanted === undefined || wanted === null) continue;
      const field = spec.fields.find((f) => f.name === name)!;
      if (canonical(field, stored[name]) !== canonical(field, wanted)) {
        values[name] = wanted;
        changed.push(name);
      }
    }
    return {
      draft: d,
      exists: true,
      stored,
      values,
      changed,
      action: changed.length ? ImportActionKind.UPDATE : ImportActionKind.UNCHANGED,
    };
  }

  // ---------------------------------------------------------------- needs manual placing

  private async placements(
    planned: PlannedOrganisation[],
    geocoded: ImportGeocoding[],
  ): Promise<{ placements: ImportPlacement[]; placementCount: number }> {
    const why = new Map(geocoded.filter((g) => g.message).map((g) => [g.locationId, g.message]));
    const candidates = planned.filter((o) => o.action !== ImportActionKind.SKIP && !o.locations.some((l) => l.values.coordinates));
    const existing = candidates.filter((o) => o.exists).map((o) => o.draft.id);
    const located = new Set<string>();
    for (const part of chunks(existing)) {
      const rows: { id: string }[] = await this.db.query(
        `SELECT DISTINCT organisation_id AS id FROM location WHERE organisation_id = ANY($1::uuid[]) AND geom IS NOT NULL`,
        [part],
      );
      for (const r of rows) located.add(r.id);
    }
    const placements: ImportPlacement[] = [];
    let placementCount = 0;
    for (const o of candidates) {
      if (located.has(o.draft.id)) continue;
      placementCount++;
      if (placements.length >= REPORT_LIST_MAX) continue;
      const l = o.locations[0];
      const ref = o.draft.at();
      const address = l ? [l.values.street, [l.values.postcode, l.values.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') : '';
      placements.push({
        file: ref.file ?? null,
        row: ref.row,
        column: null,
        organisationId: o.draft.id,
        locationId: l ? l.draft.id : null,
        name: String(o.values.name ?? o.draft.values.name ?? ''),
        address: address || null,
        ...(why.size ? { geocoder: (l && why.get(l.draft.id)) ?? null } : {}),
      });
    }
    return { placements, placementCount };
  }
}

/** The per-entity actions for the report (at most REPORT_LIST_MAX). */
export function actionsOf(plan: ImportPlan): { actions: ImportAction[]; total: number } {
  const actions: ImportAction[] = [];
  let total = 0;
  const add = (
    entity: ImportEntity,
    e: PlannedEntity<OrganisationDraft | LocationDraft | ServiceDraft | RelationshipDraft | MembershipDraft>,
    name: unknown,
  ) => {
    total++;
    if (actions.length >= REPORT_LIST_MAX) return;
    const ref = e.draft.at();
    actions.push({
      entity,
      id: e.draft.id,
      name: typeof name === 'string' ? name : null,
      action: e.action,
      file: ref.file ?? null,
      row: ref.row,
      column: null,
      ...(e.changed.length ? { fields: e.changed } : {}),
    });
  };
  for (const o of plan.organisations) {
    add(ImportEntity.ORGANISATION, o, o.draft.values.name);
    for (const l of o.locations) add(ImportEntity.LOCATION, l, l.draft.values.street ?? l.draft.values.name ?? null);
    for (const s of o.services) add(ImportEntity.SERVICE, s, s.draft.values.name);
  }
  for (const r of plan.relationships) add(ImportEntity.RELATIONSHIP, r, r.draft.values.type);
  for (const m of plan.memberships) add(ImportEntity.NETWORK_MEMBERSHIP, m, m.draft.networkName);
  return { actions, total };
}
