import { createTaxonomies } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const Q = `query($filter: OrganisationFilter, $first: Int, $after: String) {
  organisations(filter: $filter, first: $first, after: $after) { totalCount }
}`;

describe('directory input validation', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
  });
  afterAll(() => t?.close());

  const expectBadInput = async (variables: Record<string, unknown>, message: RegExp, query = Q) => {
    const res = await t.gql(query, variables);
    expect(res.status).toBeLessThan(500);
    expect(res.data?.organisations ?? null).toBeNull();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors![0].message).toMatch(message);
    expect(JSON.stringify(res.body)).not.toMatch(/stacktrace|at \w+ \(/);
  };

  it.each([
    [{ first: 101 }, /first must be at most 100/],
    [{ first: 0 }, /first must be at least 1/],
    [{ filter: { near: { lat: 51.5, lng: 9.9, radiusMeters: 0 } } }, /radiusMeters must be greater than 0/],
    [{ filter: { near: { lat: 51.5, lng: 9.9, radiusMeters: -5 } } }, /radiusMeters must be greater than 0/],
    [{ filter: { near: { lat: 51.5, lng: 9.9, radiusMeters: 50001 } } }, /at most 50000/],
    [{ filter: { near: { lat: 91, lng: 9.9, radiusMeters: 100 } } }, /near.lat must be a latitude/],
    [{ filter: { near: { lat: 51, lng: 181, radiusMeters: 100 } } }, /near.lng must be a longitude/],
    [{ filter: { text: 'x'.repeat(201) } }, /text must be at most 200 characters/],
    [{ filter: { fieldsOfAction: ['sprache', 'kochen'] } }, /Unknown field of action code\(s\): kochen/],
    [{ filter: { targetGroups: ['aliens'] } }, /Unknown target group code\(s\): aliens/],
    [{ filter: { languages: ['xx'] } }, /ISO 639-1/],
    [{ filter: { areaIds: ['not-a-uuid'] } }, /areaIds must be area ids/],
    [{ filter: { bbox: { west: 10, east: 9, south: 51, north: 52 } } }, /west must be less than bbox.east/],
    [{ after: 'garbage' }, /Invalid cursor/],
  ])('rejects %j with a clear BAD_USER_INPUT error', async (variables, message) => {
    await expectBadInput(variables as Record<string, unknown>, message);
  });

  it('rejects a wrongly typed variable with BAD_USER_INPUT', async () => {
    await expectBadInput({ first: 'many' }, /Int/);
  });

  it('accepts the largest allowed values', async () => {
    const res = await t.gql(Q, { first: 100, filter: { text: 'x'.repeat(200), near: { lat: 90, lng: 180, radiusMeters: 50000 } } });
    expect(res.errors).toBeUndefined();
  });

  it('rejects queries deeper than 8 levels with QUERY_TOO_DEEP', async () => {
    const deep = `{ organisations { nodes { parent { parent { parent { parent { parent { parent { name } } } } } } } } }`;
    const res = await t.gql(deep);
    expect(res.errors?.[0].extensions?.code).toBe('QUERY_TOO_DEEP');
    expect(res.errors?.[0].message).toMatch(/depth 9 exceeds the maximum of 8/);
    const ok = await t.gql(`{ organisations { nodes { parent { parent { parent { parent { parent { name } } } } } } } }`);
    expect(ok.errors).toBeUndefined();
  });

  it('counts fragments when measuring depth', async () => {
    const q = `fragment P on Organisation { parent { parent { parent { parent { parent { parent { name } } } } } } }
      { organisations { nodes { ...P } } }`;
    expect((await t.gql(q)).errors?.[0].extensions?.code).toBe('QUERY_TOO_DEEP');
  });

  it('answers an unknown organisation id with NOT_FOUND and a malformed one with BAD_USER_INPUT', async () => {
    const q = `query($id: ID!) { organisation(id: $id) { id } }`;
    expect((await t.gql(q, { id: '00000000-0000-4000-8000-000000000000' })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect((await t.gql(q, { id: 'abc' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers an unknown field with GRAPHQL_VALIDATION_FAILED and a syntax error with GRAPHQL_PARSE_FAILED', async () => {
    expect((await t.gql('{ organisations { nope } }')).errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect((await t.gql('{ organisations { ')).errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  });
});
