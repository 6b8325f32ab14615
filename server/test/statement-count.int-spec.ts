import { randomUUID } from 'node:crypto';
import { createArea, createNetwork, createOrganisation, createRelationship, createTaxonomies, east } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const RATHAUS = { lat: 51.5331, lng: 9.9355 };

/** Every nested relation of the directory, as the client's detail view asks for it. */
const FULL = `query($first: Int!, $filter: OrganisationFilter) {
  organisations(filter: $filter, first: $first) {
    totalCount
    pageInfo { hasNextPage endCursor }
    facets { fieldsOfAction { code count } kinds { value count } languages { value count } targetGroups { code count } areas { id name count } }
    nodes {
      id name kind distanceMeters languages phones { number }
      parent { id name }
      locations { id street latitude longitude area { id name statistics { year population } } schedules { byday opensAt closesAt } }
      services { id name languages fieldsOfAction { code nameDe } targetGroups { code } locations { id } }
      memberships { role network { id name memberCount } organisation { id } }
      relationships { type source { id name } target { id name } fieldOfAction { code } }
    }
  }
}`;

describe('statement count of the directory search', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    const area = await createArea(t.ds, { name: 'Testbezirk', population: 1000 });
    const network = await createNetwork(t.ds, 'Netzwerk Zählung');
    const parent = await createOrganisation(t.ds, {
      name: 'Dachverband Sprache (Test)',
      services: [{ name: 'Koordination', fields: ['kooperation'] }],
    });
    let previous = parent;
    for (let i = 0; i < 110; i++) {
      const id = await createOrganisation(t.ds, {
        name: `Sprachtreff ${String(i).padStart(3, '0')} (Test ${randomUUID().slice(0, 4)})`,
        parentId: parent,
        locations: [
          { ...east(RATHAUS.lat, RATHAUS.lng, 10 * i), areaId: area, schedules: [{ byday: 'TU', opensAt: '10:00', closesAt: '12:00' }] },
        ],
        services: [
          { name: 'Sprachkurs', fields: ['sprache'], targetGroups: ['frauen'], languages: ['ar'] },
          { name: 'Beratung', fields: ['beratung-migration'], languages: ['tr'] },
        ],
        networks: [{ networkId: network }],
      });
      await createRelationship(t.ds, previous, id);
      previous = id;
    }
  });
  afterAll(() => t?.close());

  it('sends the same number of SQL statements for 5 and for 100 results with all nested fields', async () => {
    const variables = (first: number) => ({ first, filter: { fieldsOfAction: ['sprache'], near: { ...RATHAUS, radiusMeters: 2000 } } });
    await t.gql(FULL, variables(1)); // warm caches (taxonomy terms)
    let five = 0;
    let hundred = 0;
    let small: any;
    let large: any;
    five = await t.countStatements(async () => (small = await t.gql(FULL, variables(5))));
    hundred = await t.countStatements(async () => (large = await t.gql(FULL, variables(100))));
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(small.data.organisations.nodes).toHaveLength(5);
    expect(large.data.organisations.nodes).toHaveLength(100);
    expect(large.data.organisations.nodes[99].services[0].fieldsOfAction.length).toBeGreaterThan(0);
    expect(large.data.organisations.nodes[99].locations[0].area.statistics[0].population).toBe(1000);
    expect(hundred).toBe(five);
    expect(five).toBeLessThanOrEqual(16);
  });
});
