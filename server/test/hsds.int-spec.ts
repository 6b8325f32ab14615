import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import { MembershipRole, OrganisationKind, PublicationStatus, RelationshipType } from '@partneratlas/shared';
import { createArea, createNetwork, createOrganisation, createRelationship, createTaxonomies, east } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const RATHAUS = { lat: 51.5331, lng: 9.9355 };

function schema(name: string): ValidateFunction {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const file = path.join(__dirname, 'fixtures', 'hsds-3.1', `${name}.json`);
  return ajv.compile(JSON.parse(fs.readFileSync(file, 'utf8')));
}

function expectValid(validate: ValidateFunction, value: unknown): void {
  const ok = validate(value);
  expect({ ok, errors: validate.errors ?? null }).toEqual({ ok: true, errors: null });
}

describe('HSDS 3.1 read API', () => {
  let t: TestApp;
  let http: ReturnType<typeof request>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    const area = await createArea(t.ds, { name: 'Weende', code: 'test-weende', population: 18_000, year: 2022 });
    ids.area = area;
    ids.network = await createNetwork(t.ds, 'Netzwerk Migration (Test)');
    ids.near = await createOrganisation(t.ds, {
      name: 'Sprachhaus Nah (Test)',
      kind: OrganisationKind.EDUCATION_PROVIDER,
      description: 'Deutschkurse & Beratung <b>ohne</b> HTML-Interpretation',
      locations: [
        {
          ...east(RATHAUS.lat, RATHAUS.lng, 400),
          street: 'Weender Straße 1',
          postcode: '37073',
          areaId: area,
          schedules: [{ byday: 'MO', opensAt: '09:00', closesAt: '12:00' }],
        },
      ],
      services: [
        {
          name: 'Integrationskurs',
          fields: ['sprache-integrationskurs'],
          targetGroups: ['neuzugewanderte'],
          languages: ['ar', 'de'],
          fees: '5 € pro Termin',
        },
      ],
      networks: [{ networkId: ids.network, role: MembershipRole.COORDINATING_BODY }],
    });
    ids.far = await createOrganisation(t.ds, {
      name: 'Beratung Fern (Test)',
      locations: [{ ...east(RATHAUS.lat, RATHAUS.lng, 5000), street: 'Am Rand 2', postcode: '37079' }],
      services: [{ name: 'Migrationsberatung', fields: ['beratung-migration'], languages: ['tr'] }],
    });
    ids.unmapped = await createOrganisation(t.ds, {
      name: 'Ohne Ort (Test)',
      description: null,
      locations: [{ street: 'Unbekannt 3', postcode: '37073' }],
      services: [{ name: 'Treff', fields: ['dialog'] }],
    });
    ids.draft = await createOrganisation(t.ds, {
      name: 'Entwurf (Test)',
      status: PublicationStatus.DRAFT,
      locations: [{ ...east(RATHAUS.lat, RATHAUS.lng, 100), street: 'Geheim 1', postcode: '37073' }],
      services: [{ name: 'Geheimer Kurs', fields: ['sprache'] }],
    });
    ids.rel = await createRelationship(t.ds, ids.near, ids.far, RelationshipType.COOPERATION);
    ids.relDraft = await createRelationship(t.ds, ids.near, ids.draft, RelationshipType.COOPERATION);
    http = request(t.server.app.getHttpServer());
  });
  afterAll(() => t?.close());

  it('answers the API root with the HSDS version and profile, with CORS for everyone', async () => {
    const res = await http.get('/api/hsds/');
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body.version).toBe('3.1');
    expect(res.body.profile).toMatch(/PROFILE\.md$/);
  });

  it('pages organisations with the HSDS paging fields; every item is a valid HSDS organization', async () => {
    const validate = schema('organization_list');
    const first = await http.get('/api/hsds/organizations?per_page=2&page=1');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      total_items: 3,
      total_pages: 2,
      page_number: 1,
      size: 2,
      first_page: true,
      last_page: false,
      empty: false,
    });
    const second = await http.get('/api/hsds/organizations?per_page=2&page=2');
    expect(second.body).toMatchObject({ total_items: 3, page_number: 2, size: 1, first_page: false, last_page: true });
    const all = [...first.body.contents, ...second.body.contents];
    expect(all.map((o: { id: string }) => o.id).sort()).toEqual([ids.near, ids.far, ids.unmapped].sort());
    for (const o of all) expectValid(validate, o);
    const beyond = await http.get('/api/hsds/organizations?per_page=2&page=9');
    expect(beyond.body).toMatchObject({ total_items: 3, size: 0, empty: true, contents: [] });
  });

  it('returns a full organisation that validates against the official organization schema', async () => {
    const res = await http.get(`/api/hsds/organizations/${ids.near}`);
    expect(res.status).toBe(200);
    expectValid(schema('organization'), res.body);
    const o = res.body;
    expect(o.description).toBe('Deutschkurse & Beratung <b>ohne</b> HTML-Interpretation');
    expect(o.locations[0].addresses[0]).toMatchObject({
      address_1: 'Weender Straße 1',
      postal_code: '37073',
      city: 'Göttingen',
      country: 'DE',
    });
    expect(o.locations[0].schedules[0]).toMatchObject({ freq: 'WEEKLY', byday: 'MO', opens_at: '09:00', closes_at: '12:00' });
    const svc = o.services[0];
    expect(svc.languages.map((l: { code: string }) => l.code).sort()).toEqual(['ar', 'de']);
    expect(
      svc.attributes.map((a: { taxonomy_term: { code: string }; link_type: string }) => [a.link_type, a.taxonomy_term.code]).sort(),
    ).toEqual([
      ['field_of_action', 'sprache-integrationskurs'],
      ['target_group', 'neuzugewanderte'],
    ]);
    expect(svc.service_at_locations[0].location_id).toBe(o.locations[0].id);
    const again = await http.get(`/api/hsds/organizations/${ids.near}`);
    expect(again.body).toEqual(o); // stable ids: the same export every time
  });

  it('shows relationships, memberships and the district as x_ extensions that keep the official schema valid', async () => {
    const near = (await http.get(`/api/hsds/organizations/${ids.near}`)).body;
    const far = (await http.get(`/api/hsds/organizations/${ids.far}`)).body;
    expectValid(schema('organization'), near);
    expectValid(schema('organization'), far);
    // the relationship to the draft is left out: only published organisations on both ends
    expect(near.x_relationships).toEqual([
      { id: ids.rel, type: 'COOPERATION', source_organization_id: ids.near, target_organization_id: ids.far },
    ]);
    expect(far.x_relationships.map((r: { id: string }) => r.id)).toEqual([ids.rel]);
    expect(JSON.stringify(near)).not.toContain(ids.relDraft);
    expect(near.x_memberships).toEqual([
      expect.objectContaining({
        organization_id: ids.near,
        network_id: ids.network,
        network_name: 'Netzwerk Migration (Test)',
        role: 'COORDINATING_BODY',
      }),
    ]);
    expect(far.x_memberships).toEqual([]);
    expect(near.locations[0].x_district).toMatchObject({ id: ids.area, kind: 'DISTRICT', name: 'Weende', code: 'test-weende' });
    expect(near.locations[0].x_district.statistics).toEqual([expect.objectContaining({ year: 2022, population: 18_000 })]);
    expect(far.locations[0].x_district).toBeUndefined();
  });

  it('keeps an organisation without coordinates without latitude/longitude instead of guessing', async () => {
    const res = await http.get(`/api/hsds/organizations/${ids.unmapped}`);
    expectValid(schema('organization'), res.body);
    expect(res.body.description).toBe('');
    expect(res.body.locations[0]).not.toHaveProperty('latitude');
    expect(res.body.locations[0]).not.toHaveProperty('longitude');
  });

  it('pages services and returns a full service with its organisation and locations', async () => {
    const list = await http.get('/api/hsds/services?per_page=10');
    expect(list.body.total_items).toBe(3);
    for (const s of list.body.contents) expectValid(schema('service'), s);
    const one = await http.get(`/api/hsds/services/${list.body.contents[0].id}`);
    expect(one.status).toBe(200);
    expectValid(schema('service'), one.body);
    expect(one.body.organization.id).toBeDefined();
    const byOrg = await http.get(`/api/hsds/services?organization_id=${ids.far}`);
    expect(byOrg.body.contents.map((s: { name: string }) => s.name)).toEqual(['Migrationsberatung']);
  });

  it('filters services at locations by postcode and by proximity around a point, nearest first', async () => {
    const validate = schema('service_at_location_list');
    const byPostcode = await http.get('/api/hsds/service_at_locations?postcode=37073');
    expect(byPostcode.body.contents.map((x: { service: { name: string } }) => x.service.name).sort()).toEqual([
      'Integrationskurs',
      'Treff',
    ]);
    for (const x of byPostcode.body.contents) expectValid(validate, x);
    const near = await http.get(`/api/hsds/service_at_locations?proximity=1000&lat=${RATHAUS.lat}&lng=${RATHAUS.lng}`);
    expect(near.body.contents.map((x: { service: { name: string } }) => x.service.name)).toEqual(['Integrationskurs']);
    expect(near.body.contents[0].distance_meters).toBeGreaterThan(390);
    expect(near.body.contents[0].distance_meters).toBeLessThan(410);
    const wide = await http.get(`/api/hsds/service_at_locations?proximity=10000&lat=${RATHAUS.lat}&lng=${RATHAUS.lng}`);
    expect(wide.body.contents.map((x: { service: { name: string } }) => x.service.name)).toEqual([
      'Integrationskurs',
      'Migrationsberatung',
    ]);
  });

  it('never shows unpublished entries', async () => {
    expect((await http.get(`/api/hsds/organizations/${ids.draft}`)).status).toBe(404);
    const sal = await http.get('/api/hsds/service_at_locations?postcode=37073&per_page=100');
    expect(JSON.stringify(sal.body)).not.toMatch(/Geheim/);
    const svcs = await http.get('/api/hsds/services?per_page=100');
    expect(JSON.stringify(svcs.body)).not.toMatch(/Geheim/);
  });

  it('lists taxonomies and taxonomy terms', async () => {
    const tax = await http.get('/api/hsds/taxonomies');
    expect(tax.body.contents.map((x: { version: string }) => x.version)).toEqual(
      expect.arrayContaining(['ratsantrag', 'integrationskonzept-2008', 'zielgruppen']),
    );
    const terms = await http.get('/api/hsds/taxonomy_terms?taxonomy_id=integrationskonzept-2008');
    expect(terms.body.total_items).toBe(4);
  });

  it.each([
    ['/api/hsds/organizations?per_page=101', /per_page must be a whole number from 1 to 100/],
    ['/api/hsds/organizations?page=0', /page must be/],
    ['/api/hsds/organizations/not-a-uuid', /id must be a UUID/],
    ['/api/hsds/service_at_locations?proximity=500', /go together/],
    ['/api/hsds/service_at_locations?postcode=abc', /postcode/],
    ['/api/hsds/service_at_locations?proximity=99999999&lat=51&lng=9', /proximity must be a number/],
  ])('rejects %s with 400 and a clear message', async (url, message) => {
    const res = await http.get(url);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('BAD_USER_INPUT');
    expect(res.body.message).toMatch(message);
  });

  it('answers an unknown organisation with 404 NOT_FOUND', async () => {
    const res = await http.get('/api/hsds/organizations/00000000-0000-4000-8000-000000000000');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('NOT_FOUND');
  });
});
