import request from 'supertest';
import { OrganisationKind, UserRole } from '@partneratlas/shared';
import { parseImportArgs } from '../src/cli/import';
import { createOrganisation, createTaxonomies, createUser, east } from './support/factories';
import { runImportJob, tableCounts } from './support/imports';
import { createTestApp, TestApp, TestSession } from './support/test-app';

const WESTSTADT = { lat: 51.5345, lng: 9.9206 };
const HEADER = 'Name;Art;Straße;PLZ;Ort;Breitengrad;Längengrad;E-Mail;Website;Handlungsfelder';

const problemsOf = (job: any, code: string) => job.report.problems.filter((p: { code: string }) => p.code === code);

describe('import: malformed input, limits, dry run, all or nothing, duplicates, who may import', () => {
  let t: TestApp;
  let admin: TestSession;
  let coordinator: TestSession;
  let editor: TestSession;
  let existing: string;

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    existing = await createOrganisation(t.ds, {
      name: 'Migrationsberatung Weststadt',
      locations: [{ ...WESTSTADT, street: 'Groner Straße 5', postcode: '37073' }],
      services: [{ name: 'Beratung', fields: ['beratung'] }],
    });
    await createUser(t.ds, { email: 'admin@example.org', role: UserRole.ADMIN });
    await createUser(t.ds, { email: 'koordination@example.org', role: UserRole.COORDINATOR });
    await createUser(t.ds, { email: 'editor@example.org', role: UserRole.EDITOR, organisationIds: [existing] });
    admin = await t.login('admin@example.org');
    coordinator = await t.login('koordination@example.org');
    editor = await t.login('editor@example.org');
  });
  afterAll(() => t?.close());

  /** Runs the import as a dry run and as an apply; both must leave every table as it was. */
  async function rejected(input: Parameters<typeof runImportJob>[1]) {
    const before = await tableCounts(t.ds);
    const dry = await runImportJob(admin, { ...input, dryRun: true });
    expect(dry.job.status).toBe('DRY_RUN_DONE');
    expect(dry.job.report.canApply).toBe(false);
    const apply = await runImportJob(admin, { ...input, dryRun: false });
    expect(apply.job.status).toBe('FAILED');
    expect(apply.job.error).toMatch(/nothing was written/);
    expect(await tableCounts(t.ds)).toEqual(before);
    return dry.job;
  }

  it('reports broken CSV quoting with row and column and imports nothing', async () => {
    const csv = `${HEADER}\nGut;INITIATIVE_OTHER;;;;;;;;\nKaputt "e.V.";INITIATIVE_OTHER;;;;;;;;\n`;
    const job = await rejected({ format: 'CSV', content: csv, fileName: 'kaputt.csv' });
    expect(problemsOf(job, 'CSV_QUOTING')).toEqual([
      expect.objectContaining({
        severity: 'ERROR',
        file: 'kaputt.csv',
        row: 3,
        column: '1',
        message: expect.stringMatching(/quote inside an unquoted field/),
      }),
    ]);
  });

  it('reports an unclosed quote where it was opened', async () => {
    const job = await rejected({ format: 'CSV', content: `${HEADER}\n"Offen;INITIATIVE_OTHER;;;;;;;;\nNoch;eine;;;;;;;;\n` });
    expect(problemsOf(job, 'CSV_QUOTING')[0]).toMatchObject({ row: 2, message: expect.stringMatching(/never closed/) });
  });

  it('detects Windows-1252 (ö as 0xF6) and comma separators, and imports the text correctly', async () => {
    const csv = 'Name,Art,Ort,Beschreibung\r\nSprachcafé Göttingen,Initiative,Göttingen,"Kaffee, Kuchen & Gespräche – für alle"\r\n';
    // Windows-1252 as Excel writes it: Latin-1 plus e.g. – (0x96) and € (0x80)
    const bytes = Buffer.from([...csv].map((ch) => (ch === '–' ? 0x96 : ch === '€' ? 0x80 : ch.charCodeAt(0))));
    expect(bytes.includes(0xf6)).toBe(true);
    const dry = await runImportJob(admin, { format: 'CSV', base64: bytes.toString('base64'), fileName: 'excel.csv' });
    expect(dry.job.report.detected).toEqual(["excel.csv: windows-1252, separator ','"]);
    expect(dry.job.report.actions).toEqual([
      expect.objectContaining({ entity: 'ORGANISATION', name: 'Sprachcafé Göttingen', action: 'CREATE' }),
    ]);
    const { job } = await runImportJob(admin, { format: 'CSV', base64: bytes.toString('base64'), fileName: 'excel.csv', dryRun: false });
    expect(job.status).toBe('APPLIED');
    const [row] = await t.ds.query(
      `SELECT name, description, kind, status, verification_status FROM organization WHERE name LIKE 'Sprachcaf%'`,
    );
    expect(row).toEqual({
      name: 'Sprachcafé Göttingen',
      description: 'Kaffee, Kuchen & Gespräche – für alle',
      kind: OrganisationKind.INITIATIVE_OTHER,
      status: 'DRAFT',
      verification_status: 'UNVERIFIED',
    });
    await t.ds.query(`DELETE FROM organization WHERE name LIKE 'Sprachcaf%'`);
  });

  it('names missing required columns', async () => {
    const job = await rejected({ format: 'CSV', content: 'Bezeichnung;Ort\nX;Göttingen\n' });
    expect(problemsOf(job, 'MISSING_COLUMN')[0]).toMatchObject({ row: 1, message: expect.stringMatching(/Name \(name\), Art \(kind\)/) });
  });

  it('reports each bad cell with row, column, value and what is wrong', async () => {
    const csv = [
      HEADER,
      ';INITIATIVE_OTHER;;;;;;;;',
      'Ohne Art;;;;;;;;;',
      'Vertauscht;Initiative;Markt 1;37073;Göttingen;9,93;51,53;;;',
      'Falsche Post;Initiative;;3707;;;;kein-mail;www.example.org;Erfinden',
    ].join('\n');
    const job = await rejected({ format: 'CSV', content: csv, fileName: 'fehler.csv' });
    const brief = job.report.problems
      .filter((p: { severity: string }) => p.severity === 'ERROR')
      .map((p: any) => [p.row, p.column, p.code, p.value]);
    expect(brief).toEqual(
      expect.arrayContaining([
        [2, 'Name', 'REQUIRED', null],
        [3, 'Art', 'REQUIRED', null],
        [4, 'Breitengrad', 'OUTSIDE_REGION', '9.93'],
        [4, 'Längengrad', 'OUTSIDE_REGION', '51.53'],
        [5, 'PLZ', 'INVALID_POSTCODE', '3707'],
        [5, 'E-Mail', 'INVALID_EMAIL', 'kein-mail'],
        [5, 'Website', 'INVALID_URL', 'www.example.org'],
        [5, 'Handlungsfelder', 'UNKNOWN_CODE', 'Erfinden'],
      ]),
    );
    expect(problemsOf(job, 'OUTSIDE_REGION')[0].message).toMatch(/Göttingen region/);
  });

  it('rejects duplicate ids in an HSDS file', async () => {
    const org = (name: string) => ({
      id: '0b6c3f9e-4b8e-4d6a-9a57-0d3c1a4f2e11',
      name,
      description: '',
      attributes: [{ link_type: 'organisation_kind', value: 'INITIATIVE_OTHER' }],
    });
    const job = await rejected({ format: 'HSDS_JSON', content: JSON.stringify([org('Eins'), org('Zwei')]) });
    expect(problemsOf(job, 'DUPLICATE_ID')).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'id',
        value: '0b6c3f9e-4b8e-4d6a-9a57-0d3c1a4f2e11',
        message: expect.stringMatching(/row 1/),
      }),
    ]);
  });

  it('reports invalid coordinates and unknown codes in HSDS JSON with the JSON path', async () => {
    const content = JSON.stringify([
      {
        id: '5d1f7a3c-2b9e-4c61-8f0a-3e7d9c2b1a44',
        name: 'Weit weg (Test)',
        description: '',
        attributes: [{ link_type: 'organisation_kind', value: 'EDUCATION_PROVIDER' }],
        locations: [{ id: '6e2a8b4d-3c0f-4d72-9a1b-4f8e0d3c2b55', latitude: 52.52, longitude: 13.405 }],
        services: [
          {
            id: '7f3b9c5e-4d1a-4e83-8b2c-5a9f1e4d3c66',
            name: 'Kurs',
            attributes: [{ link_type: 'field_of_action', taxonomy_term: { code: 'gibt-es-nicht' } }],
          },
        ],
      },
    ]);
    const job = await rejected({ format: 'HSDS_JSON', content });
    expect(problemsOf(job, 'OUTSIDE_REGION')[0]).toMatchObject({ row: 1, column: 'locations[0].latitude', value: '52.52' });
    expect(problemsOf(job, 'UNKNOWN_CODE')[0]).toMatchObject({
      row: 1,
      column: 'services[0].attributes[0].taxonomy_term.code',
      value: 'gibt-es-nicht',
    });
  });

  it('stops a deeply nested JSON (a JSON bomb) with a clear problem instead of crashing', async () => {
    const depth = 100_000;
    const job = await rejected({ format: 'HSDS_JSON', content: '['.repeat(depth) + ']'.repeat(depth) });
    expect(problemsOf(job, 'TOO_DEEP')[0].message).toMatch(/nested more than 32 levels/);
    expect((await t.gql('{ fieldsOfAction { code } }')).errors).toBeUndefined();
  });

  it('refuses an import above the size limit with BAD_USER_INPUT, and a 50 MB request with 413', async () => {
    const before = await tableCounts(t.ds);
    const big = `${HEADER}\n` + 'x'.repeat(21 * 1024 * 1024);
    const res = await admin.gql(`mutation($i: StartImportInput!) { startImport(input: $i) { id } }`, {
      i: { format: 'CSV', content: big },
    });
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/21\.0 MB; the limit is 20 MB/),
    });

    const huge = await request(t.server.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('cookie', admin.cookie)
      .set('x-csrf-token', admin.csrfToken)
      .send(
        JSON.stringify({
          query: 'mutation($i: StartImportInput!) { startImport(input: $i) { id } }',
          variables: { i: { format: 'CSV', base64: 'A'.repeat(50 * 1024 * 1024) } },
        }),
      );
    expect(huge.status).toBe(413);
    expect(huge.body.errors[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT' },
      message: expect.stringMatching(/imports may be at most 20 MB/),
    });
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('changes nothing in a dry run, and reports what would be created', async () => {
    const before = await tableCounts(t.ds);
    const csv = `${HEADER}\nNeu im Test;Initiative;Markt 2;37073;Göttingen;51,5331;9,9355;info@example.org;https://example.org;Sprache\n`;
    const { job } = await runImportJob(coordinator, { format: 'CSV', content: csv });
    expect(job.status).toBe('DRY_RUN_DONE');
    expect(job.report.canApply).toBe(true);
    expect(job.report.counts).toMatchObject({ organisationsCreated: 1, locationsCreated: 1, servicesCreated: 1, auditRecords: 0 });
    expect(await tableCounts(t.ds)).toEqual(before);
  });

  it('is all or nothing: a database error in the middle of the apply leaves nothing behind', async () => {
    await t.ds.query(`CREATE FUNCTION pa_test_refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.name = 'BOOM' THEN RAISE EXCEPTION 'BOOM is not allowed' USING ERRCODE = 'check_violation'; END IF; RETURN NEW; END $$`);
    await t.ds.query(`CREATE TRIGGER pa_test_refuse_boom BEFORE INSERT ON service FOR EACH ROW EXECUTE FUNCTION pa_test_refuse_boom()`);
    try {
      const org = (i: number, service: string) => ({
        id: `00000000-0000-4000-8000-00000000000${i}`,
        name: `Teil ${i} (Test)`,
        description: '',
        attributes: [{ link_type: 'organisation_kind', value: 'INITIATIVE_OTHER' }],
        locations: [{ id: `00000000-0000-4000-8000-00000000010${i}`, latitude: 51.53, longitude: 9.93 + i / 100 }],
        services: [{ id: `00000000-0000-4000-8000-00000000020${i}`, name: service }],
      });
      const before = await tableCounts(t.ds);
      const { job } = await runImportJob(admin, {
        format: 'HSDS_JSON',
        content: JSON.stringify([org(1, 'Gut'), org(2, 'BOOM'), org(3, 'Auch gut')]),
        dryRun: false,
      });
      expect(job.status).toBe('FAILED');
      expect(job.error).toMatch(/writing failed on a rule of the data model \(.*BOOM is not allowed.*\); nothing was written/);
      expect(await tableCounts(t.ds)).toEqual(before);
    } finally {
      await t.ds.query(`DROP TRIGGER pa_test_refuse_boom ON service`);
      await t.ds.query(`DROP FUNCTION pa_test_refuse_boom()`);
    }
  });

  it('reports duplicates: the same folded name anywhere, a similar name within 100 m, and skips them by default', async () => {
    const near = east(WESTSTADT.lat, WESTSTADT.lng, 40);
    const far = east(WESTSTADT.lat, WESTSTADT.lng, 3000);
    const csv = [
      HEADER,
      `MIGRATIONSBERATUNG – Weststadt;Beratungsstelle;;;;${far.lat};${far.lng};;;`,
      `Migrationsberatung Weststadt e.V.;Beratungsstelle;;;;${near.lat};${near.lng};;;`,
      `Ganz anderer Verein;Initiative;;;;${near.lat};${near.lng};;;`,
      `Ganz anderer Verein;Initiative;Markt 9;37073;Göttingen;;;;;`,
    ].join('\n');
    const { job } = await runImportJob(admin, { format: 'CSV', content: csv });
    const dups = job.report.duplicates.map((d: any) => [d.row, d.reason, d.existingId, d.skipped]);
    expect(dups).toEqual(
      expect.arrayContaining([
        [2, 'SAME_NAME', existing, true],
        [3, 'SIMILAR_NAME_NEARBY', existing, true],
      ]),
    );
    const similar = job.report.duplicates.find((d: any) => d.reason === 'SIMILAR_NAME_NEARBY');
    expect(similar.distanceMeters).toBeGreaterThan(30);
    expect(similar.distanceMeters).toBeLessThan(50);
    expect(similar.similarity).toBeGreaterThanOrEqual(0.6);
    // the same name twice in the file without ids: both rows derive the same id
    expect(problemsOf(job, 'DUPLICATE_ID')).toEqual([expect.objectContaining({ row: 5 })]);
    expect(job.report.duplicates.some((d: any) => d.name === 'Ganz anderer Verein' && d.reason === 'SIMILAR_NAME_NEARBY')).toBe(false);
  });

  it('lets only coordinators and admins import: anonymous gets UNAUTHENTICATED, an editor FORBIDDEN', async () => {
    const start = `mutation { startImport(input: { format: CSV, content: "Name;Art" }) { id } }`;
    expect((await t.gql(start)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await editor.gql(start)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await t.gql(`{ importJobs { id } }`)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await editor.gql(`{ importJobs { id } }`)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { job } = await runImportJob(coordinator, { format: 'CSV', content: 'Name;Art\nX;Initiative\n' });
    expect((await editor.gql(`query($id: ID!) { importJob(id: $id) { id } }`, { id: job.id })).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await admin.gql(`query($id: ID!) { importJob(id: $id) { status } }`, { id: job.id })).data?.importJob.status).toBe(
      'DRY_RUN_DONE',
    );
  });

  it('validates the import command line', () => {
    expect(parseImportArgs(['--format', 'csv', '--file', '/tmp/a.csv'])).toEqual({
      format: 'csv',
      files: ['/tmp/a.csv'],
      apply: false,
      publish: false,
      skipDuplicates: true,
      geocode: false,
      actor: null,
    });
    expect(parseImportArgs(['--format', 'csv', '--file', 'a.csv', '--geocode', '--apply'])).toMatchObject({ geocode: true, apply: true });
    expect(parseImportArgs(['--format=hsds-json', '--file=x.json', '--apply', '--publish'])).toMatchObject({ apply: true, publish: true });
    expect(() => parseImportArgs(['--format', 'xml', '--file', 'x'])).toThrow(/--format must be one of hsds-json, hsds-package, csv/);
    expect(() => parseImportArgs(['--format', 'csv'])).toThrow(/--file is missing/);
    expect(() => parseImportArgs(['--bogus'])).toThrow(/unknown argument "--bogus"/);
  });
});
