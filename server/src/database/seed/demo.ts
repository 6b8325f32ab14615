import type { DataSource } from 'typeorm';
import { PublicationStatus } from '@partneratlas/shared';
import {
  type DemoDataset,
  type DemoLocation,
  type DemoMembership,
  type DemoOrganisation,
  type DemoRelationship,
  type DemoSchedule,
  type DemoService,
  type DemoServiceAtLocation,
  generateDemoDataset,
} from './demo-generator';
import { loadCityBoundary, loadDistricts } from './data-files';
import { NETWORK_NAME, districtCode } from './reference';
import { type Sql, cast, inTransaction, insertRows, pointEwkt } from './sql';

export interface DemoSummary {
  organisations: number;
  /** Demo organisations from an earlier generator version that are no longer generated (deleted). */
  removedStale: number;
  services: number;
  locations: number;
  schedules: number;
  memberships: number;
  relationships: number;
  refreshed: number;
}

export function loadDemoDataset(): DemoDataset {
  return generateDemoDataset({ boundary: loadCityBoundary().geometry, districts: loadDistricts() });
}

async function requireReference(sql: Sql, dataset: DemoDataset): Promise<{ networkId: string; areaIds: Map<string, string> }> {
  const network = await sql.query<{ id: string }>(`SELECT id FROM network WHERE name = $1 ORDER BY created_at, id LIMIT 1`, [NETWORK_NAME]);
  const terms = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM taxonomy_term`);
  if (network.length === 0 || terms[0].n === 0) {
    throw new Error('seedDemo needs the reference data (taxonomies, areas, network): run seedReference first');
  }
  const slugs = [...new Set(dataset.locations.map((l) => l.districtSlug).filter((s): s is string => s !== null))];
  const areas = await sql.query<{ id: string; code: string }>(`SELECT id, code FROM area WHERE code = ANY($1::text[])`, [
    slugs.map(districtCode),
  ]);
  const areaIds = new Map(areas.map((a) => [a.code, a.id]));
  const missing = slugs.filter((s) => !areaIds.has(districtCode(s)));
  if (missing.length > 0) throw new Error(`seedDemo: districts missing (run seedReference first): ${missing.join(', ')}`);
  return { networkId: network[0].id, areaIds };
}

async function upsertOrganisations(sql: Sql, organisations: readonly DemoOrganisation[]): Promise<void> {
  await insertRows<DemoOrganisation>(
    sql,
    {
      table: 'organization',
      columns: [
        { name: 'id', value: (o) => o.id, sql: cast('uuid') },
        { name: 'kind', value: (o) => o.kind, sql: cast('organisation_kind') },
        { name: 'name', value: (o) => o.name },
        { name: 'alternate_name', value: () => null, sql: cast('text') },
        { name: 'description', value: (o) => o.description },
        { name: 'website', value: (o) => o.website },
        { name: 'email', value: (o) => o.email },
        { name: 'phones', value: (o) => JSON.stringify(o.phones), sql: cast('jsonb') },
        { name: 'languages', value: (o) => o.languages, sql: cast('text[]') },
        { name: 'year_founded', value: (o) => o.yearFounded, sql: cast('int') },
        { name: 'parent_organisation_id', value: (o) => o.parentOrganisationId, sql: cast('uuid') },
        { name: 'verification_status', value: (o) => o.verificationStatus, sql: cast('verification_status') },
        { name: 'last_confirmed_at', value: (o) => o.lastConfirmedAt, sql: cast('date') },
        { name: 'status', value: () => PublicationStatus.PUBLISHED, sql: cast('publication_status') },
        { name: 'is_demo', value: () => true, sql: cast('boolean') },
        { name: 'source_note', value: (o) => o.sourceNote },
      ],
      suffix: `ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, alternate_name = EXCLUDED.alternate_name,
                 description = EXCLUDED.description, website = EXCLUDED.website, email = EXCLUDED.email, phones = EXCLUDED.phones,
                 languages = EXCLUDED.languages, year_founded = EXCLUDED.year_founded,
                 parent_organisation_id = EXCLUDED.parent_organisation_id, verification_status = EXCLUDED.verification_status,
                 last_confirmed_at = EXCLUDED.last_confirmed_at, status = EXCLUDED.status, is_demo = EXCLUDED.is_demo,
                 source_note = EXCLUDED.source_note, updated_at = now(), version = organization.version + 1
               WHERE (organization.kind, organization.name, organization.alternate_name, organization.description,
                      organization.website, organization.email, organization.phones, organization.languages,
                      organization.year_founded, organization.parent_organisation_id, organization.verification_status,
                      organization.last_confirmed_at, organization.status, organization.is_demo, organization.source_note)
                     IS DISTINCT FROM (EXCLUDED.kind, EXCLUDED.name, EXCLUDED.alternate_name, EXCLUDED.description,
                      EXCLUDED.website, EXCLUDED.email, EXCLUDED.phones, EXCLUDED.languages, EXCLUDED.year_founded,
                      EXCLUDED.parent_organisation_id, EXCLUDED.verification_status, EXCLUDED.last_confirmed_at,
                      EXCLUDED.status, EXCLUDED.is_demo, EXCLUDED.source_note)`,
    },
    organisations,
  );
}

async function insertChildren(sql: Sql, dataset: DemoDataset, networkId: string, areaIds: ReadonlyMap<string, string>): Promise<void> {
  await insertRows<DemoLocation>(
    sql,
    {
      table: 'location',
      columns: [
        { name: 'id', value: (l) => l.id, sql: cast('uuid') },
        { name: 'organisation_id', value: (l) => l.organisationId, sql: cast('uuid') },
        { name: 'name', value: (l) => l.name, sql: cast('text') },
        { name: 'street', value: (l) => l.street },
        { name: 'postcode', value: (l) => l.postcode },
        { name: 'city', value: (l) => l.city },
        { name: 'geom', value: (l) => pointEwkt(l.lon, l.lat), sql: (p) => `ST_GeogFromText(${p}::text)` },
        { name: 'accessibility', value: (l) => l.accessibility, sql: cast('text') },
        { name: 'area_id', value: (l) => (l.districtSlug ? (areaIds.get(districtCode(l.districtSlug)) ?? null) : null), sql: cast('uuid') },
      ],
    },
    dataset.locations,
  );
  await insertRows<DemoService>(
    sql,
    {
      table: 'service',
      columns: [
        { name: 'id', value: (s) => s.id, sql: cast('uuid') },
        { name: 'organisation_id', value: (s) => s.organisationId, sql: cast('uuid') },
        { name: 'name', value: (s) => s.name },
        { name: 'description', value: (s) => s.description },
        { name: 'languages', value: (s) => s.languages, sql: cast('text[]') },
        { name: 'fees', value: (s) => s.fees, sql: cast('text') },
        { name: 'free', value: (s) => s.free, sql: cast('boolean') },
        { name: 'eligibility', value: (s) => s.eligibility, sql: cast('text') },
        { name: 'attending_access', value: (s) => s.attendingAccess, sql: cast('attending_access[]') },
        { name: 'capacity', value: (s) => s.capacity, sql: cast('int') },
        { name: 'status', value: () => PublicationStatus.PUBLISHED, sql: cast('publication_status') },
      ],
    },
    dataset.services,
  );
  await insertRows<{ serviceId: string; termCode: string }>(
    sql,
    {
      table: 'service_taxonomy_term',
      columns: [
        { name: 'service_id', value: (t) => t.serviceId, sql: cast('uuid') },
        { name: 'term_code', value: (t) => t.termCode },
      ],
    },
    dataset.services.flatMap((s) => [...new Set(s.termCodes)].map((termCode) => ({ serviceId: s.id, termCode }))),
  );
  await insertRows<DemoServiceAtLocation>(
    sql,
    {
      table: 'service_at_location',
      columns: [
        { name: 'service_id', value: (x) => x.serviceId, sql: cast('uuid') },
        { name: 'location_id', value: (x) => x.locationId, sql: cast('uuid') },
      ],
    },
    dataset.serviceAtLocations,
  );
  await insertRows<DemoSchedule>(
    sql,
    {
      table: 'schedule',
      columns: [
        { name: 'id', value: (s) => s.id, sql: cast('uuid') },
        { name: 'location_id', value: (s) => s.locationId, sql: cast('uuid') },
        { name: 'byday', value: (s) => s.byday, sql: cast('weekday') },
        { name: 'opens_at', value: (s) => s.opensAt, sql: cast('time') },
        { name: 'closes_at', value: (s) => s.closesAt, sql: cast('time') },
        { name: 'description', value: (s) => s.description, sql: cast('text') },
      ],
    },
    dataset.schedules,
  );
  await insertRows<DemoMembership>(
    sql,
    {
      table: 'network_membership',
      columns: [
        { name: 'id', value: (m) => m.id, sql: cast('uuid') },
        { name: 'network_id', value: () => networkId, sql: cast('uuid') },
        { name: 'organisation_id', value: (m) => m.organisationId, sql: cast('uuid') },
        { name: 'role', value: (m) => m.role, sql: cast('membership_role') },
        { name: 'since', value: (m) => m.since, sql: cast('date') },
      ],
    },
    dataset.memberships,
  );
  await insertRows<DemoRelationship>(
    sql,
    {
      table: 'organisation_relationship',
      columns: [
        { name: 'id', value: (r) => r.id, sql: cast('uuid') },
        { name: 'source_organisation_id', value: (r) => r.sourceOrganisationId, sql: cast('uuid') },
        { name: 'target_organisation_id', value: (r) => r.targetOrganisationId, sql: cast('uuid') },
        { name: 'type', value: (r) => r.type, sql: cast('relationship_type') },
        { name: 'valid_from', value: (r) => r.validFrom, sql: cast('date') },
        { name: 'valid_to', value: (r) => r.validTo, sql: cast('date') },
        { name: 'field_of_action_code', value: (r) => r.fieldOfActionCode, sql: cast('text') },
        { name: 'note', value: (r) => r.note },
      ],
    },
    dataset.relationships,
  );
}

/**
 * Writes the ~150 fictional organisations (is_demo = true) with their services, locations, opening
 * hours, network memberships and relationships, in one transaction. Organisations are upserted by their
 * stable ids; their children are deleted and re-inserted with stable ids, so a second run leaves the same
 * rows. Needs seedReference first.
 */
export async function seedDemo(ds: DataSource, dataset: DemoDataset = loadDemoDataset()): Promise<DemoSummary> {
  const ids = dataset.organisations.map((o) => o.id);
  return inTransaction(ds, async (sql) => {
    const { networkId, areaIds } = await requireReference(sql, dataset);
    const removedStale = await sql.execute(`DELETE FROM organization WHERE is_demo AND NOT (id = ANY($1::uuid[]))`, [ids]);
    // children of the demo organisations are rebuilt; rows that link demo entries to real ones are left alone
    await sql.execute(`DELETE FROM service WHERE organisation_id = ANY($1::uuid[])`, [ids]);
    await sql.execute(`DELETE FROM location WHERE organisation_id = ANY($1::uuid[])`, [ids]);
    await sql.execute(`DELETE FROM network_membership WHERE organisation_id = ANY($1::uuid[])`, [ids]);
    await sql.execute(
      `DELETE FROM organisation_relationship
        WHERE (source_organisation_id = ANY($1::uuid[]) AND target_organisation_id = ANY($1::uuid[])) OR id = ANY($2::uuid[])`,
      [ids, dataset.relationships.map((r) => r.id)],
    );
    await upsertOrganisations(sql, dataset.organisations);
    await insertChildren(sql, dataset, networkId, areaIds);
    const [{ refreshed }] = await sql.query<{ refreshed: number | null }>(
      `SELECT pa_refresh_organisations(array_agg(id)) AS refreshed FROM organization WHERE is_demo`,
    );
    return {
      organisations: dataset.organisations.length,
      removedStale,
      services: dataset.services.length,
      locations: dataset.locations.length,
      schedules: dataset.schedules.length,
      memberships: dataset.memberships.length,
      relationships: dataset.relationships.length,
      refreshed: refreshed ?? 0,
    };
  });
}

/** Deletes every demo organisation (their locations, services, memberships and relationships cascade). */
export async function removeDemo(ds: DataSource): Promise<number> {
  return inTransaction(ds, async (sql) => {
    const removed = await sql.execute(`DELETE FROM organization WHERE is_demo`);
    await sql.execute(`DELETE FROM network WHERE is_demo`);
    return removed;
  });
}
