import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { UserRole } from '@partneratlas/shared';
import { createTaxonomies, createUser } from './support/factories';
import { ImportInput, runImportJob } from './support/imports';
import { createTestApp, TestApp, TestSession } from './support/test-app';

/**
 * Optional geocoding (issue #7) against a local fake of a Nominatim-compatible service: lookups for the editor,
 * the shared rate limit, the coordinate box, the cache, the import option (dry run asks, apply writes what it showed),
 * and what happens without a geocoder or when it is down.
 */

interface Seen {
  at: number;
  url: URL;
  headers: http.IncomingHttpHeaders;
}

const PLACES: Record<string, { lat: string; lon: string; display_name: string }[]> = {
  'markt 1': [{ lat: '51.5331', lon: '9.9355', display_name: 'Markt 1, Innenstadt, Göttingen, 37073, Deutschland' }],
  'weender landstraße 3': [{ lat: '51.5421', lon: '9.9363', display_name: 'Weender Landstraße 3, Göttingen, 37075, Deutschland' }],
  'groner landstraße 9': [{ lat: '51.5348', lon: '9.9187', display_name: 'Groner Landstraße 9, Göttingen, 37081, Deutschland' }],
  // a same-named street in Berlin: outside the region, never offered
  'weit weg 1': [{ lat: '52.5200', lon: '13.4050', display_name: 'Weit Weg 1, Berlin, Deutschland' }],
  // two places far apart: ambiguous for an import
  'doppelweg 5': [
    { lat: '51.5331', lon: '9.9355', display_name: 'Doppelweg 5, Göttingen' },
    { lat: '51.5600', lon: '9.9700', display_name: 'Doppelweg 5, Weende, Göttingen' },
  ],
};

/** A fake Nominatim /search: answers from PLACES; `mode` makes it fail (HTTP 503) or never answer. */
function fakeNominatim() {
  const seen: Seen[] = [];
  let mode: 'ok' | 'error' | 'hang' = 'ok';
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    seen.push({ at: performance.now(), url, headers: req.headers });
    if (url.pathname !== '/search') {
      res.writeHead(404).end();
      return;
    }
    if (mode === 'hang') return; // never answers (the client's timeout ends it)
    if (mode === 'error') {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('overloaded');
      return;
    }
    const street = (url.searchParams.get('street') ?? url.searchParams.get('q') ?? '').toLowerCase();
    const results = (PLACES[street] ?? []).map((p, i) => ({
      place_id: i + 1,
      licence: 'Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright',
      osm_type: 'node',
      ...p,
    }));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(results));
  });
  return {
    seen,
    setMode: (m: typeof mode) => (mode = m),
    async start(): Promise<string> {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const INTERVAL = 300;
const ATTRIBUTION = '© OpenStreetMap contributors (Test-Nominatim)';

const LOOKUP = `query($s: String!, $p: String, $c: String) {
  geocodeAddress(street: $s, postcode: $p, city: $c) { enabled cached rejectedOutside candidates { latitude longitude displayName attribution } }
}`;

const GEOCODED_JOB = `query($id: ID!) { importJob(id: $id) { id status error geocode
  report { canApply counts { geocoded needsPlacing organisationsCreated locationsCreated }
    geocoded { row organisationId locationId name address status latitude longitude displayName attribution message }
    needsPlacing { row name address geocoder } } } }`;

const CSV = [
  'Name;Art;Straße;PLZ;Ort;Breitengrad;Längengrad',
  'Am Markt (Test);Initiative;Markt 1;37073;Göttingen;;',
  'In Berlin (Test);Initiative;Weit Weg 1;37073;Göttingen;;',
  'Doppelt (Test);Initiative;Doppelweg 5;37073;Göttingen;;',
  'Unbekannt (Test);Initiative;Nirgends 9;37073;Göttingen;;',
  'Mit Koordinaten (Test);Initiative;Weender Landstraße 3;37075;Göttingen;51,5421;9,9363',
].join('\n');

/** The import input with the geocoding options (the shared helper's type predates them). */
const withGeocode = (i: ImportInput & { geocode?: boolean; dryRunJobId?: string }): ImportInput => i;

async function staffAndEditor(t: TestApp): Promise<{ admin: TestSession; editor: TestSession }> {
  await createTaxonomies(t.ds);
  await createUser(t.ds, { email: 'admin@example.org', role: UserRole.ADMIN });
  await createUser(t.ds, { email: 'editor@example.org', role: UserRole.EDITOR });
  return { admin: await t.login('admin@example.org'), editor: await t.login('editor@example.org') };
}

async function importJob(session: TestSession, id: string) {
  const res = await session.gql(GEOCODED_JOB, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.importJob;
}

describe('geocoding with a Nominatim-compatible service', () => {
  const fake = fakeNominatim();
  let t: TestApp;
  let admin: TestSession;
  let editor: TestSession;

  beforeAll(async () => {
    const url = await fake.start();
    t = await createTestApp({
      GEOCODER_URL: url,
      GEOCODER_ATTRIBUTION: ATTRIBUTION,
      GEOCODER_MIN_INTERVAL_MS: String(INTERVAL),
      GEOCODER_TIMEOUT_MS: '400',
      GEOCODER_EMAIL: 'it@example.org',
    });
    ({ admin, editor } = await staffAndEditor(t));
  });
  afterEach(() => fake.setMode('ok'));
  afterAll(async () => {
    await t?.close();
    await fake.close();
  });

  it('looks up coordinates for an editor, with the attribution and an identifying User-Agent, Referer and email', async () => {
    const info = await editor.gql(`{ geocoder { enabled attribution } }`);
    expect(info.data!.geocoder).toEqual({ enabled: true, attribution: ATTRIBUTION });
    const res = await editor.gql(LOOKUP, { s: 'Markt 1', p: '37073', c: 'Göttingen' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.geocodeAddress).toEqual({
      enabled: true,
      cached: false,
      rejectedOutside: 0,
      candidates: [
        {
          latitude: 51.5331,
          longitude: 9.9355,
          displayName: 'Markt 1, Innenstadt, Göttingen, 37073, Deutschland',
          attribution: ATTRIBUTION,
        },
      ],
    });
    const request = fake.seen.at(-1)!;
    expect(Object.fromEntries(request.url.searchParams)).toMatchObject({
      format: 'jsonv2',
      street: 'Markt 1',
      postalcode: '37073',
      city: 'Göttingen',
      countrycodes: 'de',
      limit: '5',
      bounded: '1',
      email: 'it@example.org',
    });
    expect(request.headers['user-agent']).toMatch(/^Partneratlas\/.+http:\/\/localhost:3000/);
    expect(request.headers.referer).toBe('http://localhost:3000');
  });

  it('answers the same address from the cache without asking the service again', async () => {
    const before = fake.seen.length;
    const res = await editor.gql(LOOKUP, { s: '  markt   1 ', p: '37073', c: 'göttingen' });
    expect(res.data!.geocodeAddress).toMatchObject({ cached: true, candidates: [expect.objectContaining({ latitude: 51.5331 })] });
    expect(fake.seen.length).toBe(before);
  });

  it('spaces requests by the minimum interval, also when several lookups arrive at once', async () => {
    const before = fake.seen.length;
    const streets = ['Weender Landstraße 3', 'Groner Landstraße 9', 'Nirgends 1', 'Nirgends 2'];
    const answers = await Promise.all(streets.map((s) => editor.gql(LOOKUP, { s, c: 'Göttingen' })));
    expect(answers.map((a) => a.errors)).toEqual(streets.map(() => undefined));
    const times = fake.seen.slice(before).map((s) => s.at);
    expect(times).toHaveLength(4);
    const gaps = times.slice(1).map((at, i) => at - times[i]);
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(INTERVAL - 2); // timers may fire a millisecond early
    // the pace is kept in the database for every process: the next free slot lies ahead
    const [{ ahead }] = await t.ds.query(`SELECT next_at > now() - interval '1 second' AS ahead FROM geocoder_pace WHERE id = 1`);
    expect(ahead).toBe(true);
  });

  it('rejects results outside the region and says how many there were', async () => {
    const res = await editor.gql(LOOKUP, { s: 'Weit Weg 1', c: 'Göttingen' });
    expect(res.data!.geocodeAddress).toMatchObject({ candidates: [], rejectedOutside: 1 });
  });

  it('is for signed-in users only and checks the address', async () => {
    const anonymous = await t.gql(LOOKUP, { s: 'Markt 1' });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const short = await editor.gql(LOOKUP, { s: 'M' });
    expect(short.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('import dry run with geocode: shows the coordinates per row and lists the rest for manual placing with the reason', async () => {
    const { job: done } = await runImportJob(admin, withGeocode({ format: 'CSV', content: CSV, fileName: 'liste.csv', geocode: true }));
    const job = await importJob(admin, done.id);
    expect(job).toMatchObject({ status: 'DRY_RUN_DONE', geocode: true, error: null });
    const byName = Object.fromEntries(job.report.geocoded.map((g: { name: string }) => [g.name, g]));
    expect(Object.keys(byName).sort()).toEqual(['Am Markt (Test)', 'Doppelt (Test)', 'In Berlin (Test)', 'Unbekannt (Test)']);
    expect(byName['Am Markt (Test)']).toMatchObject({
      row: 2,
      status: 'FOUND',
      address: 'Markt 1, 37073 Göttingen',
      latitude: 51.5331,
      longitude: 9.9355,
      displayName: 'Markt 1, Innenstadt, Göttingen, 37073, Deutschland',
      attribution: ATTRIBUTION,
    });
    expect(byName['In Berlin (Test)']).toMatchObject({ status: 'OUTSIDE', latitude: null });
    expect(byName['Doppelt (Test)']).toMatchObject({ status: 'AMBIGUOUS', latitude: null });
    expect(byName['Unbekannt (Test)']).toMatchObject({ status: 'NOT_FOUND', message: 'nothing found' });
    expect(job.report.counts).toMatchObject({ geocoded: 1, needsPlacing: 3, organisationsCreated: 5 });
    expect(job.report.needsPlacing.map((p: { name: string; geocoder: string }) => [p.name, p.geocoder])).toEqual([
      ['In Berlin (Test)', 'only 1 place(s) outside the region found'],
      ['Doppelt (Test)', expect.stringMatching(/^2 places more than 150 m apart/)],
      ['Unbekannt (Test)', 'nothing found'],
    ]);
    const [{ n }] = await t.ds.query(`SELECT count(*)::int AS n FROM organization`);
    expect(n).toBe(0);

    // the apply writes exactly what the dry run showed, without asking the service again
    const requests = fake.seen.length;
    const refused = await admin.gql(`mutation($i: StartImportInput!) { startImport(input: $i) { id } }`, {
      i: { format: 'CSV', content: CSV, fileName: 'liste.csv', geocode: true, dryRun: false },
    });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.dryRunJobId' } });
    const { job: applied } = await runImportJob(
      admin,
      withGeocode({
        format: 'CSV',
        content: CSV,
        fileName: 'liste.csv',
        geocode: true,
        dryRunJobId: done.id,
        dryRun: false,
      }),
    );
    const a = await importJob(admin, applied.id);
    expect(a.status).toBe('APPLIED');
    expect(a.report.counts).toMatchObject({ geocoded: 1, needsPlacing: 3, locationsCreated: 5 });
    expect(a.report.geocoded).toEqual(job.report.geocoded);
    expect(fake.seen.length).toBe(requests);
    const rows = await t.ds.query(
      `SELECT o.name, round(ST_Y(l.geom::geometry)::numeric, 4)::float AS lat, round(ST_X(l.geom::geometry)::numeric, 4)::float AS lng,
              l.coordinates_source AS source
         FROM organization o JOIN location l ON l.organisation_id = o.id ORDER BY o.name`,
    );
    expect(rows).toEqual([
      {
        name: 'Am Markt (Test)',
        lat: 51.5331,
        lng: 9.9355,
        source: `geocoder: Markt 1, Innenstadt, Göttingen, 37073, Deutschland (${ATTRIBUTION})`,
      },
      { name: 'Doppelt (Test)', lat: null, lng: null, source: null },
      { name: 'In Berlin (Test)', lat: null, lng: null, source: null },
      { name: 'Mit Koordinaten (Test)', lat: 51.5421, lng: 9.9363, source: null },
      { name: 'Unbekannt (Test)', lat: null, lng: null, source: null },
    ]);
    // an apply with a dry run of other files is refused
    const other = await admin.gql(`mutation($i: StartImportInput!) { startImport(input: $i) { id } }`, {
      i: { format: 'CSV', content: CSV, fileName: 'andere.csv', geocode: true, dryRun: false, dryRunJobId: done.id },
    });
    expect(other.errors?.[0].message).toMatch(/not a finished dry run with geocode of the same format and files/);
  });

  it('keeps the source only while the point is the geocoded one: moving the point clears it', async () => {
    await t.ds.query(
      `UPDATE location l SET geom = ST_SetSRID(ST_MakePoint(9.94, 51.54), 4326)::geography
         FROM organization o WHERE o.id = l.organisation_id AND o.name = 'Am Markt (Test)'`,
    );
    const [row] = await t.ds.query(
      `SELECT l.coordinates_source FROM location l JOIN organization o ON o.id = l.organisation_id WHERE o.name = 'Am Markt (Test)'`,
    );
    expect(row.coordinates_source).toBeNull();
  });

  it('reports a service that does not answer in time or answers with an error clearly; an import still runs with the rows unmapped', async () => {
    fake.setMode('hang');
    const slow = await editor.gql(LOOKUP, { s: 'Hängt 1', c: 'Göttingen' });
    expect(slow.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/The geocoder is not available \(no answer within 400 ms\)/),
      extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'GEOCODER_UNAVAILABLE' },
    });
    fake.setMode('error');
    const failing = await editor.gql(LOOKUP, { s: 'Fehler 1', c: 'Göttingen' });
    expect(failing.errors?.[0].message).toMatch(/answered HTTP 503/);

    const csv = [
      'Name;Art;Straße;PLZ;Ort',
      'Ausfall A (Test);Initiative;Ausfallweg 1;37073;Göttingen',
      'Ausfall B (Test);Initiative;Ausfallweg 2;37073;Göttingen',
    ].join('\n');
    const before = fake.seen.length;
    const { job: done } = await runImportJob(admin, withGeocode({ format: 'CSV', content: csv, fileName: 'ausfall.csv', geocode: true }));
    const job = await importJob(admin, done.id);
    expect(job.status).toBe('DRY_RUN_DONE');
    expect(job.report.geocoded.map((g: { status: string; message: string }) => [g.status, g.message])).toEqual([
      ['FAILED', expect.stringMatching(/answered HTTP 503/)],
      ['FAILED', expect.stringMatching(/^not looked up: .*answered HTTP 503/)],
    ]);
    expect(fake.seen.length - before).toBe(1); // once it failed, the rest of the import does not ask again
    expect(job.report.counts).toMatchObject({ needsPlacing: 2, geocoded: 0 });
    const { job: applied } = await runImportJob(
      admin,
      withGeocode({
        format: 'CSV',
        content: csv,
        fileName: 'ausfall.csv',
        geocode: true,
        dryRunJobId: done.id,
        dryRun: false,
      }),
    );
    expect(applied.status).toBe('APPLIED');
    const [{ unmapped }] = await t.ds.query(
      `SELECT count(*)::int AS unmapped FROM location l JOIN organization o ON o.id = l.organisation_id WHERE o.name LIKE 'Ausfall%' AND l.geom IS NULL`,
    );
    expect(unmapped).toBe(2);
  });
});

describe('without a geocoder', () => {
  let t: TestApp;
  let admin: TestSession;
  let editor: TestSession;

  beforeAll(async () => {
    t = await createTestApp();
    ({ admin, editor } = await staffAndEditor(t));
  });
  afterAll(() => t?.close());

  it('refuses the import option with a clear error and lists rows without coordinates for manual placing', async () => {
    const refused = await admin.gql(`mutation($i: StartImportInput!) { startImport(input: $i) { id } }`, {
      i: { format: 'CSV', content: CSV, fileName: 'liste.csv', geocode: true },
    });
    expect(refused.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/No geocoder is configured \(GEOCODER_URL\)/),
      extensions: { code: 'BAD_USER_INPUT', reason: 'GEOCODER_DISABLED' },
    });
    const { job } = await runImportJob(admin, { format: 'CSV', content: CSV, fileName: 'liste.csv' });
    expect(job.status).toBe('DRY_RUN_DONE');
    expect(job.report.counts.needsPlacing).toBe(4);
    expect(job.report.needsPlacing.map((p: { name: string }) => p.name)).toEqual([
      'Am Markt (Test)',
      'In Berlin (Test)',
      'Doppelt (Test)',
      'Unbekannt (Test)',
    ]);
  });

  it('tells the editor that no lookup is possible (the form hides the button) and asks nobody', async () => {
    expect((await editor.gql(`{ geocoder { enabled attribution } }`)).data!.geocoder).toEqual({ enabled: false, attribution: null });
    const res = await editor.gql(LOOKUP, { s: 'Markt 1' });
    expect(res.data!.geocodeAddress).toEqual({ enabled: false, cached: false, rejectedOutside: 0, candidates: [] });
  });
});

describe('with a geocoder that cannot be reached', () => {
  it('answers GEOCODER_UNAVAILABLE for the editor instead of hanging', async () => {
    const closed = fakeNominatim();
    const url = await closed.start();
    await closed.close(); // nothing listens on the port any more
    const t = await createTestApp({ GEOCODER_URL: url, GEOCODER_MIN_INTERVAL_MS: '0' });
    try {
      await createUser(t.ds, { email: 'editor@example.org', role: UserRole.EDITOR });
      const editor = await t.login('editor@example.org');
      const res = await editor.gql(LOOKUP, { s: 'Markt 1' });
      expect(res.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/The geocoder is not available \(the service cannot be reached\)/),
        extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'GEOCODER_UNAVAILABLE' },
      });
    } finally {
      await t.close();
    }
  });
});
