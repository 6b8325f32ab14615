import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  AuditAction,
  MembershipRole,
  OrganisationKind,
  PublicationStatus,
  RelationshipType,
  UserRole,
  VerificationStatus,
} from '@partneratlas/shared';
import { realOrganisationId } from '../src/database/seed/real-organisations';
import { SEED_DATA_DIR } from '../src/database/seed/data-files';
import { ExportService } from '../src/modules/interop/export.service';
import { ImportService } from '../src/modules/interop/import/import.service';
import { ImportKind } from '../src/modules/interop/import/import.types';
import { createArea, createNetwork, createOrganisation, createRelationship, createTaxonomies, createUser, east } from './support/factories';
import { runImportJob, tableCounts } from './support/imports';
import { createTestApp, TestApp, TestSession } from './support/test-app';

const RATHAUS = { lat: 51.5331, lng: 9.9355 };

/** All counts of a finished job as stored (the shared JOB selection lists only the core ones). */
async function storedCounts(t: TestApp, id: string): Promise<Record<string, number>> {
  const [row] = await t.ds.query(`SELECT counts FROM import_job WHERE id = $1`, [id]);
  return row.counts;
}

/** Removes every organisation (with locations, services, schedules) so that the next round trip starts empty. */
async function emptyDirectory(t: TestApp): Promise<void> {
  await t.ds.query(`DELETE FROM organization`);
  await t.ds.query(`DELETE FROM schedule`);
}

describe('import: round trips, audit, the real organisation list', () => {
  let source: TestApp;
  let target: TestApp;
  let admin: TestSession;
  let adminId: string;
  let sourceExport: ExportService;
  let targetExport: ExportService;

  beforeAll(async () => {
    source = await createTestApp();
    await createTaxonomies(source.ds);
    // the profile extensions: a district with statistics, a network, memberships (one past), a relationship
    const district = await createArea(source.ds, { name: 'Innenstadt (Test)', code: 'test-innenstadt', population: 1234, year: 2023 });
    await source.ds.query(`UPDATE area SET source = 'Stadt Göttingen, Statistik', attribution = '© Stadt Göttingen' WHERE id = $1`, [
      district,
    ]);
    await source.ds.query(
      `INSERT INTO area_statistic (area_id, year, reference_date, population, foreign_nationals, migration_background, definition, source)
       VALUES ($1, 2022, '2022-12-31', 1200, 300, 450, 'Haupt- und Nebenwohnsitz', 'Statistik-Info 2023')`,
      [district],
    );
    const network = await createNetwork(source.ds, 'Netzwerk Sprache (Test)');
    const parent = await createOrganisation(source.ds, {
      name: 'Diakonieverband (Test)',
      kind: OrganisationKind.WELFARE_ASSOCIATION,
      networks: [{ networkId: network, role: MembershipRole.COORDINATING_BODY }],
    });
    const sprachhaus = await createOrganisation(source.ds, {
      name: 'Sprachhaus "Am Markt"; Göttingen (Test)',
      kind: OrganisationKind.EDUCATION_PROVIDER,
      alternateName: 'Sprachhaus',
      description: 'Zeile 1\nZeile 2 mit ; und "Anführung"',
      parentId: parent,
      locations: [
        {
          ...east(RATHAUS.lat, RATHAUS.lng, 300),
          street: 'Markt 1',
          postcode: '37073',
          areaId: district,
          schedules: [
            { byday: 'TU', opensAt: '10:00', closesAt: '12:30' },
            { byday: 'TH', opensAt: '14:00', closesAt: '18:00' },
          ],
        },
      ],
      services: [
        { name: 'Integrationskurs', fields: ['sprache-integrationskurs'], targetGroups: ['frauen'], languages: ['ar', 'de'], fees: '5 €' },
        { name: 'Sprachcafé', fields: ['ik2008-freizeit-kultur-religion', 'dialog'], languages: ['uk'], free: true },
      ],
    });
    await createOrganisation(source.ds, {
      name: 'Beratung ohne Koordinaten (Test)',
      locations: [{ street: 'Irgendwo 2', postcode: '37079' }],
      services: [{ name: 'Migrationsberatung', fields: ['beratung-migration'], targetGroups: ['neuzugewanderte'], languages: ['tr'] }],
    });
    await createOrganisation(source.ds, {
      name: 'Zwei Standorte (Test)',
      kind: OrganisationKind.MIGRANT_SELF_ORGANISATION,
      verificationStatus: VerificationStatus.UNVERIFIED,
      locations: [
        { ...east(RATHAUS.lat, RATHAUS.lng, 2000), street: 'Weender Landstraße 3', postcode: '37075' },
        { ...east(RATHAUS.lat, RATHAUS.lng, -2500), street: 'Groner Landstraße 9', postcode: '37081' },
      ],
      services: [{ name: 'Treffpunkt', fields: ['dialog'] }],
      networks: [{ networkId: network, until: '2024-06-30' }],
    });
    const relationship = await createRelationship(source.ds, sprachhaus, parent, RelationshipType.REFERRAL);
    await source.ds.query(
      `UPDATE organisation_relationship SET valid_from = '2021-01-01', field_of_action_code = 'sprache-integrationskurs', note = 'Verweist auf "Beratung"; seit 2021' WHERE id = $1`,
      [relationship],
    );
    sourceExport = source.server.app.get(ExportService);

    target = await createTestApp();
    await createTaxonomies(target.ds);
    adminId = await createUser(target.ds, { email: 'admin@example.org', role: UserRole.ADMIN, displayName: 'Ada Admin' });
    admin = await target.login('admin@example.org');
    targetExport = target.server.app.get(ExportService);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });

  it('round-trips HSDS JSON: export → import into an empty database → export gives the same data, x_ extensions included', async () => {
    const exported = await sourceExport.hsdsJson();
    // the comparison below covers the extensions only if the source has them
    const orgs = JSON.parse(exported) as {
      x_relationships?: unknown[];
      x_memberships?: unknown[];
      locations?: { x_district?: unknown }[];
    }[];
    expect(orgs.flatMap((o) => o.x_relationships ?? [])).toHaveLength(2); // one relationship, under both organisations
    expect(orgs.flatMap((o) => o.x_memberships ?? [])).toHaveLength(2);
    expect(orgs.flatMap((o) => (o.locations ?? []).filter((l) => l.x_district))).toHaveLength(1);
    const { job } = await runImportJob(admin, {
      format: 'HSDS_JSON',
      content: exported,
      fileName: 'hsds.json',
      dryRun: false,
      publish: true,
    });
    expect(job.error).toBeNull();
    expect(job.status).toBe('APPLIED');
    expect(job.progress).toBe(1);
    expect(job.report.counts).toMatchObject({
      rows: 4,
      organisationsCreated: 4,
      locationsCreated: 4,
      servicesCreated: 4,
      schedulesWritten: 2,
      errors: 0,
    });
    expect(await storedCounts(target, job.id)).toMatchObject({
      relationshipsCreated: 1,
      membershipsCreated: 2,
      networksCreated: 1,
      districtsCreated: 1,
    });
    expect(JSON.parse(await targetExport.hsdsJson())).toEqual(JSON.parse(exported));
    // the district came without a polygon (polygons are not part of HSDS) and is not guessed
    const [area] = await target.ds.query(`SELECT code, geom IS NULL AS no_polygon FROM area WHERE code = 'test-innenstadt'`);
    expect(area).toEqual({ code: 'test-innenstadt', no_polygon: true });
  });

  it('imports the same file again as "unchanged" without writing anything', async () => {
    const before = await tableCounts(target.ds);
    const { job } = await runImportJob(admin, {
      format: 'HSDS_JSON',
      content: await sourceExport.hsdsJson(),
      dryRun: false,
      publish: true,
    });
    expect(job.status).toBe('APPLIED');
    expect(job.report.counts).toMatchObject({
      organisationsCreated: 0,
      organisationsUpdated: 0,
      organisationsUnchanged: 4,
      auditRecords: 0,
    });
    expect(await tableCounts(target.ds)).toEqual(before);
  });

  it('updates an existing entry by its HSDS id and audits only the changed fields', async () => {
    const all = JSON.parse(await sourceExport.hsdsJson());
    const org = all.find((o: { name: string }) => o.name === 'Zwei Standorte (Test)');
    org.description = 'Neu beschrieben';
    org.locations[1].addresses[0].address_1 = 'Groner Landstraße 11';
    const { job } = await runImportJob(admin, { format: 'HSDS_JSON', content: JSON.stringify([org]), dryRun: false });
    expect(job.report.counts).toMatchObject({ organisationsUpdated: 1, locationsUpdated: 1, organisationsCreated: 0 });
    expect(job.report.actions.find((a: { entity: string }) => a.entity === 'ORGANISATION')).toMatchObject({
      action: 'UPDATE',
      fields: ['description'],
    });
    const records = await target.ds.query(
      `SELECT entity_type, field, old_value, new_value, action, actor_id, actor_label FROM audit_record WHERE entity_id = ANY($1::uuid[]) AND action = 'UPDATE' ORDER BY field`,
      [[org.id, org.locations[1].id]],
    );
    const by = { action: AuditAction.UPDATE, actor_id: adminId, actor_label: 'Ada Admin <admin@example.org>' };
    expect(records).toEqual([
      { entity_type: 'ORGANISATION', field: 'description', old_value: null, new_value: 'Neu beschrieben', ...by },
      { entity_type: 'LOCATION', field: 'street', old_value: 'Groner Landstraße 9', new_value: 'Groner Landstraße 11', ...by },
    ]);
  });

  it('writes per-field CREATE audit records in bulk, one change id per created entity, as the importing user', async () => {
    const [row] = await target.ds.query(
      `SELECT count(DISTINCT change_id)::int AS changes, count(*)::int AS records,
              count(*) FILTER (WHERE actor_id = $1)::int AS by_admin,
              count(DISTINCT change_id) FILTER (WHERE entity_type = 'ORGANISATION')::int AS organisations
         FROM audit_record WHERE action = 'CREATE'`,
      [adminId],
    );
    // 4 organisations + 4 locations + 4 services + 1 relationship + 2 network memberships
    expect(row).toMatchObject({ changes: 15, organisations: 4 });
    expect(row.by_admin).toBe(row.records);
    const fields = await target.ds.query(
      `SELECT field, new_value FROM audit_record a JOIN organization o ON o.id = a.entity_id WHERE o.name = 'Beratung ohne Koordinaten (Test)' AND a.action = 'CREATE' ORDER BY field`,
    );
    expect(fields).toEqual(
      expect.arrayContaining([
        { field: 'name', new_value: 'Beratung ohne Koordinaten (Test)' },
        { field: 'status', new_value: 'PUBLISHED' },
        { field: 'kind', new_value: 'COUNSELLING_SERVICE' },
      ]),
    );
  });

  it('round-trips the HSDS tabular data package (a folder of CSV files plus datapackage.json), x_ extension tables included', async () => {
    await emptyDirectory(target);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-import-pkg-'));
    try {
      await sourceExport.writeHsdsPackage(dir);
      const files = fs.readdirSync(dir).map((name) => ({ name, base64: fs.readFileSync(path.join(dir, name)).toString('base64') }));
      const dry = await runImportJob(admin, { format: 'HSDS_PACKAGE', files, publish: true });
      expect(dry.job.status).toBe('DRY_RUN_DONE');
      expect(dry.job.report.counts).toMatchObject({ organisationsCreated: 4, errors: 0 });
      // networks and districts stay stored when organisations are removed: reused, not created again
      expect(await storedCounts(target, dry.job.id)).toMatchObject({
        relationshipsCreated: 1,
        membershipsCreated: 2,
        networksCreated: 0,
        districtsCreated: 0,
      });
      expect(dry.job.report.problems).toEqual([]);
      const { job } = await runImportJob(admin, { format: 'HSDS_PACKAGE', files, dryRun: false, publish: true });
      expect(job.status).toBe('APPLIED');
      expect(JSON.parse(await targetExport.hsdsJson())).toEqual(JSON.parse(await sourceExport.hsdsJson()));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('round-trips the spreadsheet CSV exports (organisations + services, UTF-8 with BOM, semicolons)', async () => {
    await emptyDirectory(target);
    const organisations = await sourceExport.organisationsCsv();
    const services = await sourceExport.servicesCsv();
    const { job } = await runImportJob(admin, {
      format: 'CSV',
      files: [
        { name: 'partneratlas-organisationen.csv', content: organisations },
        { name: 'partneratlas-angebote.csv', content: services },
      ],
      dryRun: false,
      publish: true,
    });
    expect(job.error).toBeNull();
    expect(job.report.detected).toEqual([
      "partneratlas-organisationen.csv: utf-8 (BOM), separator ';'",
      "partneratlas-angebote.csv: utf-8 (BOM), separator ';'",
    ]);
    expect(job.report.counts).toMatchObject({ organisationsCreated: 4, servicesCreated: 4, errors: 0 });
    expect(await targetExport.organisationsCsv()).toBe(organisations);
    expect(await targetExport.servicesCsv()).toBe(services);
  });

  it('imports the real organisation list through the same path as unverified drafts, unmapped and listed for manual placing', async () => {
    await emptyDirectory(target);
    const file = path.join(SEED_DATA_DIR, 'goettingen_integration_organisations.csv');
    const base64 = fs.readFileSync(file).toString('base64');
    const dry = await runImportJob(admin, { format: 'CSV', base64, fileName: path.basename(file) });
    expect(dry.job.status).toBe('DRY_RUN_DONE');
    expect(dry.job.report.problems.filter((p: { severity: string }) => p.severity === 'ERROR')).toEqual([]);
    expect(await tableCounts(target.ds)).toMatchObject({ organisations: 0 });

    const { job } = await runImportJob(admin, { format: 'CSV', base64, fileName: path.basename(file), dryRun: false });
    expect(job.status).toBe('APPLIED');
    const created = job.report.counts.organisationsCreated;
    expect(created).toBe(25); // 26 rows, one of them the Netzwerk Migration (a network, not an organisation)
    expect(job.report.problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'NOT_IMPORTED', value: 'Netzwerk Migration Region Göttingen' })]),
    );
    expect(job.report.counts.needsPlacing).toBe(created);
    expect(job.report.needsPlacing).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'Volkshochschule Göttingen Osterode gGmbH – Hauptgeschäftsstelle Göttingen',
          address: 'Bahnhofsallee 7, 37081 Göttingen',
        }),
      ]),
    );
    const [stored] = await target.ds.query(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'DRAFT' AND verification_status = 'UNVERIFIED' AND NOT is_demo)::int AS drafts,
              (SELECT count(*) FROM location WHERE geom IS NOT NULL)::int AS located, (SELECT count(*) FROM location)::int AS locations
         FROM organization`,
    );
    expect(stored).toEqual({ n: 25, drafts: 25, located: 0, locations: 6 });
    // the same ids as the seed of the real list, so both paths address the same entries
    const [mz] = await target.ds.query(`SELECT id, name, source_note FROM organization WHERE id = $1`, [
      realOrganisationId('Migrationszentrum für Stadt und Landkreis Göttingen (Diakonieverband Göttingen)'),
    ]);
    expect(mz.source_note).toMatch(/Prüfstatus laut Quelle: real; address from 2021\/2022 sources/);
    const [loc] = await target.ds.query(`SELECT name, street, postcode, city FROM location WHERE organisation_id = $1`, [mz.id]);
    expect(loc).toEqual({ name: 'Forum Kirche und Diakonie', street: 'Neustadt 18', postcode: '37073', city: 'Göttingen' });
  });

  it('reports progress from 0 to 1 through the phases and records the job (the command line path)', async () => {
    const seen: [number, string][] = [];
    const file = { name: 'eine.csv', bytes: Buffer.from('Name;Art;Ort\nFortschritt (Test);Initiative;Göttingen\n', 'utf8') };
    const { job, report } = await target.server.app
      .get(ImportService)
      .runNow(
        [file],
        { kind: ImportKind.CSV, dryRun: false, publish: false, skipDuplicates: true },
        { id: null, label: 'Test-CLI' },
        (p, phase) => seen.push([p, phase]),
      );
    expect(job).toMatchObject({ status: 'APPLIED', progress: 1, phase: 'done', createdByLabel: 'Test-CLI' });
    expect(report?.counts.organisationsCreated).toBe(1);
    expect([...new Set(seen.map(([, phase]) => phase))]).toEqual(['reading', 'checking', 'writing', 'done']);
    expect(seen.map(([p]) => p)).toEqual([...seen.map(([p]) => p)].sort((a, b) => a - b));
    expect(seen.at(-1)).toEqual([1, 'done']);
    const [audit] = await target.ds.query(
      `SELECT DISTINCT actor_id, actor_label FROM audit_record a JOIN organization o ON o.id = a.entity_id WHERE o.name = 'Fortschritt (Test)'`,
    );
    expect(audit).toEqual({ actor_id: null, actor_label: 'Test-CLI' });
    await target.ds.query(`DELETE FROM organization WHERE name = 'Fortschritt (Test)'`);
  });

  it('lists import jobs newest first for staff', async () => {
    const res = await admin.gql(`{ importJobs(first: 3) { id status format createdBy report { canApply } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.importJobs).toHaveLength(3);
    expect(res.data!.importJobs[1]).toMatchObject({ status: 'APPLIED', createdBy: 'Ada Admin <admin@example.org>' });
    expect(res.data!.importJobs[0]).toMatchObject({
      status: 'APPLIED',
      format: 'CSV',
      createdBy: 'Test-CLI',
      report: null,
    });
  });

  it('publishes nothing unless asked: an import without publish creates drafts', async () => {
    const [{ n }] = await target.ds.query(`SELECT count(*)::int AS n FROM organization WHERE status = $1`, [PublicationStatus.PUBLISHED]);
    expect(n).toBe(0);
  });
});
