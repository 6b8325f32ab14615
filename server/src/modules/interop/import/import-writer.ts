import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EditableEntity } from '@partneratlas/shared';
import { returnedRows } from '../../../database/returning';
import { canonical, ENTITY_SPECS } from '../../editing/entity-specs';
import { ImportPlan, loadStates, PlannedEntity } from './import-plan';
import type { LocationDraft, MembershipDraft, OrganisationDraft, RelationshipDraft, ScheduleDraft, ServiceDraft } from './import-model';
import { ImportActionKind, ImportActor } from './import.types';

/** Rows per statement: large enough for speed, small enough for the statement timeout and progress. */
const ROWS = 2000;
const REFRESH_BATCH = 500;

const parts = <T>(items: readonly T[], size = ROWS): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
};
const json = (v: unknown): string => JSON.stringify(v ?? []);
const coord = (v: unknown, k: 'latitude' | 'longitude'): number | null =>
  v && typeof v === 'object' ? Number((v as Record<string, number>)[k]) : null;
const written = <D>(e: PlannedEntity<D>) => e.action === ImportActionKind.CREATE || e.action === ImportActionKind.UPDATE;

export interface WriteResult {
  schedules: number;
  auditRecords: number;
}

/**
 * Writes a checked plan inside the caller's transaction: a few set-based statements per table (INSERT … SELECT
 * FROM unnest … ON CONFLICT (id) DO UPDATE), the search documents refreshed once per batch, and per-field audit
 * records as the editing service writes them (one change id per entity, CREATE / UPDATE), also in bulk.
 */
export class ImportWriter {
  constructor(
    private readonly m: EntityManager,
    private readonly actor: ImportActor,
    private readonly progress: (done: number) => void,
  ) {}

  async write(plan: ImportPlan): Promise<WriteResult> {
    const orgs = plan.organisations.filter(written);
    const orgsWithWrites = plan.organisations.filter(
      (o) => written(o) || o.locations.some(written) || o.services.some(written) || o.schedules.length,
    );
    const locs = plan.organisations.flatMap((o) => o.locations.filter(written));
    const svcs = plan.organisations.flatMap((o) => o.services.filter(written));
    const schedules = plan.organisations.flatMap((o) => o.schedules);
    const rels = plan.relationships.filter(written);
    const mems = plan.memberships.filter(written);
    const total = orgs.length + locs.length + svcs.length + schedules.length + orgsWithWrites.length + rels.length + mems.length + 1;
    let done = 0;
    const step = (n: number) => {
      done += n;
      this.progress(Math.min(1, done / total));
    };

    await this.organisations(orgs, step);
    await this.districts(plan);
    await this.locations(locs, step);
    await this.services(svcs, step);
    await this.schedules(plan, schedules, step);
    await this.relationships(rels, step);
    await this.memberships(plan, mems, step);
    const touched = orgsWithWrites.map((o) => o.draft.id);
    for (const part of parts(touched, REFRESH_BATCH)) {
      await this.m.query(`SELECT pa_refresh_organisations($1::uuid[])`, [part]);
      step(part.length);
    }
    const auditRecords = await this.audit(plan);
    step(1);
    return { schedules: schedules.length, auditRecords };
  }

  // ---------------------------------------------------------------- organisations

  private async organisations(orgs: PlannedEntity<OrganisationDraft>[], step: (n: number) => void): Promise<void> {
    for (const part of parts(orgs)) {
      const v = part.map((o) => o.values);
      await this.m.query(
        `INSERT INTO organization (id, kind, name, alternate_name, description, website, email, phones, year_founded, status,
                                   verification_status, last_confirmed_at, is_demo, source_note, created_at)
         SELECT x.id, x.kind::organisation_kind, x.name, x.alternate_name, x.description, x.website, x.email, x.phones::jsonb,
                x.year_founded, x.status::publication_status, x.verification_status::verification_status, x.last_confirmed_at::date,
                x.is_demo, x.source_note, now() + x.ord * interval '1 microsecond'
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::int[],
                       $10::text[], $11::text[], $12::text[], $13::boolean[], $14::text[])
                WITH ORDINALITY AS x(id, kind, name, alternate_name, description, website, email, phones, year_founded, status,
                                     verification_status, last_confirmed_at, is_demo, source_note, ord)
         ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, alternate_name = EXCLUDED.alternate_name,
                description = EXCLUDED.description, website = EXCLUDED.website, email = EXCLUDED.email, phones = EXCLUDED.phones,
                year_founded = EXCLUDED.year_founded, version = organization.version + 1, updated_at = now()`,
        [
          part.map((o) => o.draft.id),
          v.map((x) => x.kind),
          v.map((x) => x.name),
          v.map((x) => x.alternateName),
          v.map((x) => x.description),
          v.map((x) => x.website),
          v.map((x) => x.email),
          v.map((x) => json(x.phones)),
          v.map((x) => x.yearFounded),
          v.map((x) => x.status),
          v.map((x) => x.verificationStatus),
          v.map((x) => x.lastConfirmedAt),
          part.map((o) => o.draft.isDemo ?? false),
          part.map((o) => o.draft.sourceNote ?? null),
        ],
      );
      step(part.length);
    }
    // Umbrella organisations may come later in the file: set the links once every row exists.
    const parents = orgs.filter((o) => o.values.parentOrganisationId && (!o.exists || o.changed.includes('parentOrganisationId')));
    for (const part of parts(parents)) {
      await this.m.query(
        `UPDATE organization o SET parent_organisation_id = x.parent
           FROM unnest($1::uuid[], $2::uuid[]) AS x(id, parent) WHERE o.id = x.id`,
        [part.map((o) => o.draft.id), part.map((o) => o.values.parentOrganisationId)],
      );
    }
  }

  // ---------------------------------------------------------------- locations

  private async locations(locs: PlannedEntity<LocationDraft>[], step: (n: number) => void): Promise<void> {
    for (const part of parts(locs)) {
      const v = part.map((l) => l.values);
      await this.m.query(
        `INSERT INTO location (id, organisation_id, name, street, postcode, city, geom, accessibility, area_id, coordinates_source, created_at)
         SELECT x.id, x.organisation_id, x.name, x.street, x.postcode, x.city,
                CASE WHEN x.lat IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(x.lng, x.lat), 4326)::geography END,
                x.accessibility, x.area_id, x.coordinates_source, now() + x.ord * interval '1 microsecond'
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::float8[], $8::float8[], $9::text[], $10::uuid[], $11::text[])
                WITH ORDINALITY AS x(id, organisation_id, name, street, postcode, city, lat, lng, accessibility, area_id, coordinates_source, ord)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, street = EXCLUDED.street, postcode = EXCLUDED.postcode,
                city = EXCLUDED.city, geom = EXCLUDED.geom, accessibility = EXCLUDED.accessibility, area_id = EXCLUDED.area_id,
                coordinates_source = COALESCE(EXCLUDED.coordinates_source, location.coordinates_source),
                version = location.version + 1, updated_at = now()`,
        [
          part.map((l) => l.draft.id),
          v.map((x) => x.organisationId),
          v.map((x) => x.name),
          v.map((x) => x.street),
          v.map((x) => x.postcode),
          v.map((x) => x.city),
          v.map((x) => coord(x.coordinates, 'latitude')),
          v.map((x) => coord(x.coordinates, 'longitude')),
          v.map((x) => x.accessibility),
          v.map((x) => x.areaId),
          part.map((l) => l.draft.coordinatesSource ?? null),
        ],
      );
      // A new location without a given district gets the district polygon it lies in (never a guess: no point, no district).
      await this.m.query(
        `UPDATE location l SET area_id = a.id
           FROM area a
          WHERE l.id = ANY($1::uuid[]) AND l.area_id IS NULL AND l.geom IS NOT NULL
            AND a.kind = 'DISTRICT' AND a.geom IS NOT NULL AND ST_Intersects(a.geom, l.geom::geometry)`,
        [part.filter((l) => !l.exists && !l.values.areaId).map((l) => l.draft.id)],
      );
      step(part.length);
    }
  }

  // ---------------------------------------------------------------- profile extensions: districts, networks, relationships, memberships

  /** Districts of x_district that are not stored: created without a polygon (stored ones are never changed), with their statistics. */
  private async districts(plan: ImportPlan): Promise<void> {
    const ds = plan.districts;
    if (!ds.length) return;
    await this.m.query(
      `INSERT INTO area (id, kind, name, code, source, attribution)
       SELECT x.id, x.kind::area_kind, x.name, x.code, x.source, x.attribution
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS x(id, kind, name, code, source, attribution)
       ON CONFLICT DO NOTHING`,
      [
        ds.map((d) => d.id),
        ds.map((d) => d.kind),
        ds.map((d) => d.name),
        ds.map((d) => d.code),
        ds.map((d) => d.source),
        ds.map((d) => d.attribution),
      ],
    );
    const st = ds.flatMap((d) => d.statistics.map((x) => ({ area: d.id, ...x })));
    if (!st.length) return;
    await this.m.query(
      `INSERT INTO area_statistic (area_id, year, reference_date, population, foreign_nationals, migration_background, definition, source)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::date[], $4::int[], $5::int[], $6::int[], $7::text[], $8::text[])
       ON CONFLICT DO NOTHING`,
      [
        st.map((x) => x.area),
        st.map((x) => x.year),
        st.map((x) => x.referenceDate),
        st.map((x) => x.population),
        st.map((x) => x.foreignNationals),
        st.map((x) => x.migrationBackground),
        st.map((x) => x.definition),
        st.map((x) => x.source),
      ],
    );
  }

  private async relationships(rels: PlannedEntity<RelationshipDraft>[], step: (n: number) => void): Promise<void> {
    for (const part of parts(rels)) {
      const v = part.map((r) => r.values);
      await this.m.query(
        `INSERT INTO organisation_relationship (id, source_organisation_id, target_organisation_id, type, valid_from, valid_to,
                                                field_of_action_code, note)
         SELECT x.id, x.source, x.target, x.type::relationship_type, x.valid_from::date, x.valid_to::date, x.code, x.note
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
                AS x(id, source, target, type, valid_from, valid_to, code, note)
         ON CONFLICT (id) DO UPDATE SET target_organisation_id = EXCLUDED.target_organisation_id, type = EXCLUDED.type,
                valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, field_of_action_code = EXCLUDED.field_of_action_code,
                note = EXCLUDED.note, version = organisation_relationship.version + 1, updated_at = now()`,
        [
          part.map((r) => r.draft.id),
          v.map((x) => x.sourceOrganisationId),
          v.map((x) => x.targetOrganisationId),
          v.map((x) => x.type),
          v.map((x) => x.validFrom),
          v.map((x) => x.validTo),
          v.map((x) => x.fieldOfActionCode),
          v.map((x) => x.note),
        ],
      );
      step(part.length);
    }
  }

  /** Networks that are not stored are created with their name first. */
  private async memberships(plan: ImportPlan, mems: PlannedEntity<MembershipDraft>[], step: (n: number) => void): Promise<void> {
    if (plan.networks.length) {
      await this.m.query(`INSERT INTO network (id, name) SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING`, [
        plan.networks.map((n) => n.id),
        plan.networks.map((n) => n.name),
      ]);
    }
    for (const part of parts(mems)) {
      const v = part.map((r) => r.values);
      await this.m.query(
        `INSERT INTO network_membership (id, network_id, organisation_id, role, since, until)
         SELECT x.id, x.network_id, x.organisation_id, x.role::membership_role, x.since::date, x.until::date
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[])
                AS x(id, network_id, organisation_id, role, since, until)
         ON CONFLICT (id) DO UPDATE SET role = EXCLUDED.role, since = EXCLUDED.since, until = EXCLUDED.until,
                version = network_membership.version + 1, updated_at = now()`,
        [
          part.map((r) => r.draft.id),
          v.map((x) => x.networkId),
          v.map((x) => x.organisationId),
          v.map((x) => x.role),
          v.map((x) => x.since),
          v.map((x) => x.until),
        ],
      );
      step(part.length);
    }
  }

  // ---------------------------------------------------------------- services, their terms and places

  private async services(svcs: PlannedEntity<ServiceDraft>[], step: (n: number) => void): Promise<void> {
    for (const part of parts(svcs)) {
      const v = part.map((s) => s.values);
      const ids = part.map((s) => s.draft.id);
      await this.m.query(
        `INSERT INTO service (id, organisation_id, name, description, languages, fees, free, eligibility, status, created_at)
         SELECT x.id, x.organisation_id, x.name, x.description, ARRAY(SELECT jsonb_array_elements_text(x.languages::jsonb)),
                x.fees, x.free, x.eligibility, x.status::publication_status, now() + x.ord * interval '1 microsecond'
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[], $9::text[])
                WITH ORDINALITY AS x(id, organisation_id, name, description, languages, fees, free, eligibility, status, ord)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description, languages = EXCLUDED.languages,
                fees = EXCLUDED.fees, free = EXCLUDED.free, eligibility = EXCLUDED.eligibility, status = EXCLUDED.status,
                version = service.version + 1, updated_at = now()`,
        [
          ids,
          v.map((x) => x.organisationId),
          v.map((x) => x.name),
          v.map((x) => x.description),
          v.map((x) => json(x.languages)),
          v.map((x) => x.fees),
          v.map((x) => x.free),
          v.map((x) => x.eligibility),
          v.map((x) => x.status),
        ],
      );
      const termServices = part.filter((s) => !s.exists || s.changed.includes('fieldsOfAction') || s.changed.includes('targetGroups'));
      if (termServices.length) {
        await this.m.query(`DELETE FROM service_taxonomy_term WHERE service_id = ANY($1::uuid[])`, [termServices.map((s) => s.draft.id)]);
        const pairs = termServices.flatMap((s) =>
          [...((s.values.fieldsOfAction as string[]) ?? []), ...((s.values.targetGroups as string[]) ?? [])].map((code) => [
            s.draft.id,
            code,
          ]),
        );
        if (pairs.length) {
          await this.m.query(
            `INSERT INTO service_taxonomy_term (service_id, term_code) SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING`,
            [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
          );
        }
      }
      const placed = part.filter((s) => !s.exists || s.changed.includes('locationIds'));
      if (placed.length) {
        await this.m.query(`DELETE FROM service_at_location WHERE service_id = ANY($1::uuid[])`, [placed.map((s) => s.draft.id)]);
        const pairs = placed.flatMap((s) => ((s.values.locationIds as string[]) ?? []).map((l) => [s.draft.id, l]));
        if (pairs.length) {
          await this.m.query(
            `INSERT INTO service_at_location (service_id, location_id) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
            [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
          );
        }
      }
      step(part.length);
    }
  }

  // ---------------------------------------------------------------- schedules

  /** The schedules given for a location or service replace its stored ones (by id); none given leaves them as they are. */
  private async schedules(plan: ImportPlan, schedules: ScheduleDraft[], step: (n: number) => void): Promise<void> {
    const keep = schedules.map((s) => s.id);
    const locations = [...new Set(schedules.filter((s) => s.locationId).map((s) => s.locationId!))];
    const services = [...new Set(schedules.filter((s) => !s.locationId && s.serviceId).map((s) => s.serviceId!))];
    const existing = new Set(
      plan.organisations.flatMap((o) => [...o.locations, ...o.services].filter((e) => e.exists).map((e) => e.draft.id)),
    );
    const storedLocations = locations.filter((id) => existing.has(id));
    const storedServices = services.filter((id) => existing.has(id));
    if (storedLocations.length || storedServices.length) {
      await this.m.query(
        `DELETE FROM schedule WHERE NOT (id = ANY($3::uuid[]))
            AND (location_id = ANY($1::uuid[]) OR (location_id IS NULL AND service_id = ANY($2::uuid[])))`,
        [storedLocations, storedServices, keep],
      );
    }
    for (const part of parts(schedules)) {
      await this.m.query(
        `INSERT INTO schedule (id, location_id, service_id, byday, opens_at, closes_at, description)
         SELECT x.id, x.location_id, x.service_id, x.byday::weekday, x.opens_at::time, x.closes_at::time, x.description
           FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
                AS x(id, location_id, service_id, byday, opens_at, closes_at, description)
         ON CONFLICT (id) DO UPDATE SET location_id = EXCLUDED.location_id, service_id = EXCLUDED.service_id, byday = EXCLUDED.byday,
                opens_at = EXCLUDED.opens_at, closes_at = EXCLUDED.closes_at, description = EXCLUDED.description`,
        [
          part.map((s) => s.id),
          part.map((s) => s.locationId),
          part.map((s) => s.serviceId),
          part.map((s) => s.byday),
          part.map((s) => s.opensAt),
          part.map((s) => s.closesAt),
          part.map((s) => s.description),
        ],
      );
      step(part.length);
    }
  }

  // ---------------------------------------------------------------- audit

  /**
   * One record per field: every non-empty field of a created entity (built in SQL from the editing spec's read
   * expressions, so nothing travels back and forth), every changed field of an updated one (diffed here).
   */
  private async audit(plan: ImportPlan): Promise<number> {
    const groups: [EditableEntity, { e: PlannedEntity<{ id: string }>; org: string }[]][] = [
      [EditableEntity.ORGANISATION, plan.organisations.filter(written).map((o) => ({ e: o, org: o.draft.id }))],
      [EditableEntity.LOCATION, plan.organisations.flatMap((o) => o.locations.filter(written).map((l) => ({ e: l, org: o.draft.id })))],
      [EditableEntity.SERVICE, plan.organisations.flatMap((o) => o.services.filter(written).map((s) => ({ e: s, org: o.draft.id })))],
      [EditableEntity.RELATIONSHIP, plan.relationships.filter(written).map((r) => ({ e: r, org: r.draft.values.sourceOrganisationId }))],
      [EditableEntity.NETWORK_MEMBERSHIP, plan.memberships.filter(written).map((m) => ({ e: m, org: m.draft.values.organisationId }))],
    ];
    let total = 0;
    for (const [type, entities] of groups) {
      const spec = ENTITY_SPECS[type];
      const created = entities.filter((x) => x.e.action === ImportActionKind.CREATE);
      const fields = spec.fields.map((f) => `('${f.name}', to_jsonb(${f.read ?? `t.${f.column}`}))`).join(', ');
      for (const part of parts(created, 5000)) {
        const rows = returnedRows<{ n: number }>(
          await this.m.query(
            `WITH ins AS (
               INSERT INTO audit_record (change_id, entity_type, entity_id, organisation_id, field, old_value, new_value, action, actor_id, actor_label)
               SELECT x.change_id, $3::editable_entity, t.id, ${spec.organisationExpr}, f.field, 'null'::jsonb, f.value, 'CREATE', $4, $5
                 FROM unnest($1::uuid[], $2::uuid[]) AS x(id, change_id)
                 JOIN ${spec.table} t ON t.id = x.id
                 CROSS JOIN LATERAL (VALUES ${fields}) AS f(field, value)
                WHERE f.value IS NOT NULL AND f.value <> 'null'::jsonb
               RETURNING 1)
             SELECT count(*)::int AS n FROM ins`,
            [part.map((x) => x.e.draft.id), part.map(() => randomUUID()), type, this.actor.id, this.actor.label],
          ),
        );
        total += rows[0]?.n ?? 0;
      }
      const updated = entities.filter((x) => x.e.action === ImportActionKind.UPDATE);
      if (!updated.length) continue;
      const after = await loadStates(
        this.m,
        spec,
        updated.map((x) => x.e.draft.id),
        false,
      );
      const records: { change: string; id: string; org: string; field: string; old: string; now: string }[] = [];
      for (const { e, org } of updated) {
        const now = after.get(e.draft.id);
        if (!now) continue;
        const change = randomUUID();
        for (const f of spec.fields) {
          const oldValue: unknown = e.stored?.[f.name] ?? null;
          const newValue: unknown = now[f.name] ?? null;
          if (canonical(f, oldValue) === canonical(f, newValue)) continue;
          records.push({ change, id: e.draft.id, org, field: f.name, old: JSON.stringify(oldValue), now: JSON.stringify(newValue) });
        }
      }
      for (const part of parts(records, 5000)) {
        await this.m.query(
          `INSERT INTO audit_record (change_id, entity_type, entity_id, organisation_id, field, old_value, new_value, action, actor_id, actor_label)
           SELECT x.change_id, $7::editable_entity, x.entity_id, x.organisation_id, x.field, x.old_value::jsonb, x.new_value::jsonb, 'UPDATE', $8, $9
             FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[])
                  AS x(change_id, entity_id, organisation_id, field, old_value, new_value)`,
          [
            part.map((r) => r.change),
            part.map((r) => r.id),
            part.map((r) => r.org),
            part.map((r) => r.field),
            part.map((r) => r.old),
            part.map((r) => r.now),
            type,
            this.actor.id,
            this.actor.label,
          ],
        );
      }
      total += records.length;
    }
    return total;
  }
}
