import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { OrganisationKind, PublicationStatus, RelationshipType } from '@partneratlas/shared';
import { parseExportArgs } from '../src/cli/export';
import { ExportService } from '../src/modules/interop/export.service';
import { createSquareArea, utmToLatLng, X0, Y0 } from './support/coverage-fixtures';
import { createArea, createNetwork, createOrganisation, createRelationship, createTaxonomies, east } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const RATHAUS = { lat: 51.5331, lng: 9.9355 };

/** Reads a CSV as the exporter writes it (quotes doubled, CRLF, optional BOM). */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('exports (HSDS JSON, HSDS data package, CSV, GeoJSON)', () => {
  let t: TestApp;
  let exporter: ExportService;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    ids.network = await createNetwork(t.ds, 'Netzwerk Test');
    ids.district = await createArea(t.ds, { name: 'Innenstadt (Test)', code: 'test-innenstadt', population: 1234, year: 2023 });
    ids.a = await createOrganisation(t.ds, {
      name: 'Sprachhaus "Am Markt"; Göttingen (Test)',
      kind: OrganisationKind.EDUCATION_PROVIDER,
      description: 'Zeile 1\nZeile 2 mit ; und "Anführung"',
      locations: [
        {
          ...east(RATHAUS.lat, RATHAUS.lng, 300),
          street: 'Markt 1',
          postcode: '37073',
          areaId: ids.district,
          schedules: [{ byday: 'TU', opensAt: '10:00', closesAt: '12:30' }],
        },
      ],
      services: [
        { name: 'Integrationskurs', fields: ['sprache-integrationskurs'], targetGroups: ['frauen'], languages: ['ar'], fees: '5 €' },
      ],
    });
    ids.b = await createOrganisation(t.ds, {
      name: 'Ohne Koordinaten (Test)',
      locations: [{ street: 'Irgendwo 2', postcode: '37079' }],
      services: [{ name: 'Beratung', fields: ['beratung'] }],
      networks: [{ networkId: ids.network }],
    });
    ids.draft = await createOrganisation(t.ds, {
      name: 'Entwurf (Test)',
      status: PublicationStatus.DRAFT,
      locations: [{ ...RATHAUS }],
      services: [{ name: 'Geheim' }],
      networks: [{ networkId: ids.network }],
    });
    ids.rel = await createRelationship(t.ds, ids.a, ids.b, RelationshipType.COOPERATION);
    ids.relToDraft = await createRelationship(t.ds, ids.draft, ids.a, RelationshipType.COOPERATION);
    exporter = t.server.app.get(ExportService);
  });
  afterAll(() => t?.close());

  it('exports HSDS nested JSON in which every organization validates against the official schema', async () => {
    const all = JSON.parse(await exporter.hsdsJson());
    expect(all.map((o: { id: string }) => o.id).sort()).toEqual([ids.a, ids.b].sort());
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'hsds-3.1', 'organization.json'), 'utf8')));
    for (const o of all) expect({ valid: validate(o), errors: validate.errors ?? null }).toEqual({ valid: true, errors: null });
  });

  it('adds relationships, network memberships and districts as x_ profile extensions, published ends only', async () => {
    type Org = { id: string; x_relationships: { id: string }[]; x_memberships: { network_name: string }[]; locations: Loc[] };
    type Loc = { x_district?: { name: string; code: string; statistics: { year: number; population: number }[] } };
    const all = JSON.parse(await exporter.hsdsJson()) as Org[];
    const a = all.find((o) => o.id === ids.a)!;
    const b = all.find((o) => o.id === ids.b)!;
    // the relationship to the draft organisation is left out on both sides
    expect(a.x_relationships).toEqual([{ id: ids.rel, type: 'COOPERATION', source_organization_id: ids.a, target_organization_id: ids.b }]);
    expect(b.x_relationships.map((r) => r.id)).toEqual([ids.rel]);
    expect(b.x_memberships).toEqual([expect.objectContaining({ network_id: ids.network, network_name: 'Netzwerk Test', role: 'MEMBER' })]);
    expect(a.x_memberships).toEqual([]);
    expect(a.locations[0].x_district).toMatchObject({ id: ids.district, name: 'Innenstadt (Test)', code: 'test-innenstadt' });
    expect(a.locations[0].x_district!.statistics).toEqual([expect.objectContaining({ year: 2023, population: 1234 })]);
    expect(JSON.stringify(all)).not.toContain(ids.relToDraft);
  });

  it('writes an HSDS tabular data package whose tables validate against the official tabular schema', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-hsds-'));
    try {
      const { files, rows } = await exporter.writeHsdsPackage(dir);
      expect(files).toEqual(
        expect.arrayContaining(['datapackage.json', 'organizations.csv', 'services.csv', 'locations.csv', 'taxonomy_terms.csv']),
      );
      expect(rows).toMatchObject({ organization: 2, service: 2, location: 2, address: 2, schedule: 1, service_at_location: 2 });
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'datapackage.json'), 'utf8'));
      expect(pkg.profile).toBe('tabular-data-package');
      // every CSV: header = the package's field list; cells parse back; typed rows validate against tabular.json
      const tabular = JSON.parse(
        fs.readFileSync(path.join(__dirname, '..', 'src', 'modules', 'interop', 'hsds', 'schema', 'tabular.json'), 'utf8'),
      );
      const ajv = new Ajv({ strict: false, allErrors: true });
      addFormats(ajv);
      // each table's row schema from the official tabular schema (its scalar columns; nested arrays are other tables)
      type Prop = { type?: string };
      const rowSchema = (table: string) => {
        const item = tabular.properties[table].items as { required?: string[]; properties: Record<string, Prop> };
        const properties = Object.fromEntries(Object.entries(item.properties).filter(([, v]) => v.type !== 'array' && v.type !== 'object'));
        return { type: 'object', required: item.required ?? [], properties };
      };
      const typed: Record<string, Record<string, unknown>[]> = {};
      // the profile's extension tables are not HSDS tables: checked below, not against tabular.json
      const extensions = pkg.resources.filter((r: { name: string }) => r.name.startsWith('x_'));
      expect(extensions.map((r: { name: string }) => r.name)).toEqual([
        'x_relationship',
        'x_network_membership',
        'x_district',
        'x_district_statistic',
      ]);
      expect(rows).toMatchObject({ x_relationship: 1, x_network_membership: 1, x_district: 1, x_district_statistic: 1 });
      const rel = parseCsv(fs.readFileSync(path.join(dir, 'x_relationships.csv'), 'utf8'), ',');
      expect(rel[0]).toEqual(extensions[0].schema.fields.map((f: { name: string }) => f.name));
      expect(rel.slice(1).map((r) => r[0])).toEqual([ids.rel]);
      const stats = parseCsv(fs.readFileSync(path.join(dir, 'x_district_statistics.csv'), 'utf8'), ',');
      expect(stats[1].slice(0, 2)).toEqual([ids.district, '2023']);
      for (const res of pkg.resources.filter((r: { name: string }) => !r.name.startsWith('x_'))) {
        const [header, ...body] = parseCsv(fs.readFileSync(path.join(dir, res.path), 'utf8'), ',');
        expect(header).toEqual(res.schema.fields.map((f: { name: string }) => f.name));
        typed[res.name] = body.map((cells) =>
          Object.fromEntries(
            header
              .map((h, i) => [h, cells[i]] as const)
              // an empty cell is an unknown value, except in required columns (HSDS requires e.g. description, possibly "")
              .filter(([h, v]) => v !== '' || (tabular.properties[res.name].items.required ?? []).includes(h))
              .map(([h, v]) => {
                const type = res.schema.fields.find((f: { name: string }) => f.name === h).type;
                return [h, type === 'number' || type === 'integer' ? Number(v) : v];
              }),
          ),
        );
      }
      for (const [table, rowsOfTable] of Object.entries(typed)) {
        const validate = ajv.compile(rowSchema(table));
        for (const row of rowsOfTable)
          expect({ table, valid: validate(row), errors: validate.errors ?? null }).toEqual({ table, valid: true, errors: null });
      }
      expect(typed.organization.find((o) => o.id === ids.a)!.description).toBe('Zeile 1\nZeile 2 mit ; und "Anführung"');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exports Excel-friendly CSV: BOM, semicolons, German headers, quoting that survives the round trip', async () => {
    const csv = await exporter.organisationsCsv();
    expect(csv.startsWith('\uFEFFID;Name;')).toBe(true);
    const [header, ...rows] = parseCsv(csv, ';');
    expect(rows).toHaveLength(2);
    const a = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === ids.a)![i]]));
    expect(a.Name).toBe('Sprachhaus "Am Markt"; Göttingen (Test)');
    expect(a.Beschreibung).toBe('Zeile 1\nZeile 2 mit ; und "Anführung"');
    expect(a.Handlungsfelder).toBe('Integrations- und Berufssprachkurse');
    expect(a.PLZ).toBe('37073');
    const b = Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[0] === ids.b)![i]]));
    expect(b.Breitengrad).toBe('');
    const services = parseCsv(await exporter.servicesCsv(), ';');
    expect(
      services
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['Beratung', 'Integrationskurs']);
  });

  it('exports located places as GeoJSON and leaves entries without coordinates out', async () => {
    const fc = await exporter.locationsGeoJson();
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(1);
    const f = fc.features[0];
    expect(f.geometry.coordinates[1]).toBeCloseTo(RATHAUS.lat, 6);
    expect(f.properties).toMatchObject({
      organisationId: ids.a,
      kind: 'EDUCATION_PROVIDER',
      fieldsOfAction: ['sprache-integrationskurs'],
      languages: ['ar'],
      isDemo: false,
    });
  });

  it('serves the downloads over HTTP with file names and content types', async () => {
    const http = request(t.server.app.getHttpServer());
    const csv = await http.get('/api/export/organisations.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/partneratlas-organisationen\.csv/);
    const geo = await http.get('/api/export/locations.geojson');
    expect(geo.headers['content-type']).toMatch(/application\/geo\+json/);
    expect(JSON.parse(geo.text).features).toHaveLength(1);
    const hsds = await http.get('/api/export/hsds.json');
    expect(JSON.parse(hsds.text)).toHaveLength(2);
    expect(hsds.text).not.toMatch(/Geheim|Entwurf/);
  });

  it('validates the export command line', () => {
    expect(parseExportArgs(['--format', 'csv', '--out', '/tmp/x'])).toEqual({ format: 'csv', out: '/tmp/x' });
    expect(() => parseExportArgs(['--format', 'xml', '--out', '/tmp/x'])).toThrow(
      /--format must be one of hsds-json, hsds-package, csv, geojson, coverage-geojson/,
    );
    expect(() => parseExportArgs(['--format', 'csv', '--out', '/tmp/x', '--field', 'sprache'])).toThrow(
      /belong to --format coverage-geojson/,
    );
    expect(() => parseExportArgs(['--format', 'csv'])).toThrow(/--out is missing/);
    expect(() => parseExportArgs(['--bogus'])).toThrow(/unknown argument "--bogus"/);
  });
});

describe('coverage GeoJSON export', () => {
  let t: TestApp;
  let http: ReturnType<typeof request>;
  const units: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    units.A = await createSquareArea(t.ds, { name: 'A', x: X0, y: Y0, population: 1000 });
    units.Z = await createSquareArea(t.ds, { name: 'Z', x: X0 + 20_000, y: Y0 });
    await createOrganisation(t.ds, {
      name: 'Sprachschule P1',
      locations: [await utmToLatLng(t.ds, X0 + 300, Y0)],
      services: [{ name: 'Deutschkurs', fields: ['sprache'] }],
    });
    // a draft provider next to Z must not close its gap
    await createOrganisation(t.ds, {
      name: 'Entwurf',
      status: PublicationStatus.DRAFT,
      locations: [await utmToLatLng(t.ds, X0 + 20_000, Y0)],
      services: [{ name: 'Deutsch', fields: ['sprache'] }],
    });
    http = request(t.server.app.getHttpServer());
  });
  afterAll(() => t?.close());

  it('returns the districts as polygons with population, accessibility, reach, nearest distance and gap flag', async () => {
    const res = await http.get('/api/export/coverage.geojson').query({ fieldOfAction: 'sprache', unit: 'DISTRICT' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/geo\+json/);
    expect(res.headers['content-disposition']).toMatch(/partneratlas-abdeckung-sprache-district\.geojson/);
    const fc = JSON.parse(res.text);
    expect(fc.type).toBe('FeatureCollection');
    const byName = Object.fromEntries(fc.features.map((f: { properties: { name: string } }) => [f.properties.name, f]));
    expect(Object.keys(byName).sort()).toEqual(['A', 'Z']);
    expect(byName.A.geometry.type).toMatch(/Polygon/);
    expect(byName.A.properties).toMatchObject({
      unitId: units.A,
      unit: 'DISTRICT',
      fieldOfAction: 'sprache',
      population: 1000,
      providersInReach: 1,
      nearestMeters: 300,
      gap: false,
    });
    expect(byName.A.properties.accessibility).toBeGreaterThan(0);
    expect(byName.Z.properties).toMatchObject({ unitId: units.Z, population: null, accessibility: 0, providersInReach: 0, gap: true });
  });

  it('uses the catchment given: a small one turns the covered district into a gap', async () => {
    const res = await http
      .get('/api/export/coverage.geojson')
      .query({ fieldOfAction: 'sprache', unit: 'DISTRICT', catchmentMeters: '200' });
    expect(res.status).toBe(200);
    const a = JSON.parse(res.text).features.find((f: { id: string }) => f.id === units.A);
    expect(a.properties).toMatchObject({ catchmentMeters: 200, providersInReach: 0, gap: true });
  });

  it('answers bad parameters with 400 and a clear message', async () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ unit: 'DISTRICT' }, /fieldOfAction is missing/],
      [{ fieldOfAction: 'gibt-es-nicht', unit: 'DISTRICT' }, /Unknown field of action code\(s\): gibt-es-nicht/],
      [{ fieldOfAction: 'sprache', unit: 'KREIS' }, /unit must be one of GRID, DISTRICT/],
      [{ fieldOfAction: 'sprache', catchmentMeters: '50' }, /catchmentMeters must be a whole number of metres from 100 to 10000/],
      [{ fieldOfAction: 'sprache', catchmentMeters: '1e3' }, /catchmentMeters must be a whole number/],
      [{ fieldOfAction: 'personalwirtschaft', unit: 'DISTRICT' }, /city-wide \(not spatial\)/],
    ];
    for (const [query, message] of cases) {
      const res = await http.get('/api/export/coverage.geojson').query(query);
      expect({ query, status: res.status, error: res.body.error }).toEqual({ query, status: 400, error: 'BAD_USER_INPUT' });
      expect(res.body.message).toMatch(message);
    }
  });

  it('offers the coverage GeoJSON on the command line too: --field, --unit, --catchment checked like the download', async () => {
    expect(
      parseExportArgs(['--format', 'coverage-geojson', '--out', '/tmp/c.geojson', '--field', 'sprache', '--unit', 'district']),
    ).toEqual({
      format: 'coverage-geojson',
      out: '/tmp/c.geojson',
      coverage: { fieldOfAction: 'sprache', unit: 'DISTRICT', catchmentMeters: undefined },
    });
    expect(parseExportArgs(['--format=coverage-geojson', '--out=/tmp/c.geojson', '--field=sprache', '--catchment=200']).coverage).toEqual({
      fieldOfAction: 'sprache',
      unit: 'GRID',
      catchmentMeters: 200,
    });
    expect(() => parseExportArgs(['--format', 'coverage-geojson', '--out', '/tmp/c.geojson'])).toThrow(/--field is missing/);
    expect(() => parseExportArgs(['--format', 'coverage-geojson', '--out', '/tmp/c', '--field', 'sprache', '--unit', 'KREIS'])).toThrow(
      /unit must be one of GRID, DISTRICT/,
    );
    expect(() => parseExportArgs(['--format', 'coverage-geojson', '--out', '/tmp/c', '--field', 'sprache', '--catchment', '50'])).toThrow(
      /catchmentMeters must be a whole number of metres from 100 to 10000/,
    );
    // what the command writes (ExportService.coverageGeoJson with the parsed query) is what the download serves
    const { coverage } = parseExportArgs(['--format', 'coverage-geojson', '--out', '/tmp/c', '--field', 'sprache', '--unit', 'DISTRICT']);
    const written = JSON.parse(JSON.stringify(await t.server.app.get(ExportService).coverageGeoJson(coverage!)));
    const served = JSON.parse((await http.get('/api/export/coverage.geojson').query({ fieldOfAction: 'sprache', unit: 'DISTRICT' })).text);
    expect(written).toEqual(served);
    expect(written.features).toHaveLength(2);
  });

  it('exports the grid too (empty without a city boundary, never failing)', async () => {
    const res = await http.get('/api/export/coverage.geojson').query({ fieldOfAction: 'sprache' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text).features.every((f: { properties: { unit: string } }) => f.properties.unit === 'GRID')).toBe(true);
  });
});
