import { createTaxonomies } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

describe('errors in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'production' });
    await createTaxonomies(t.ds);
  });
  afterAll(() => t?.close());

  it('keeps the message and code of expected errors', async () => {
    const res = await t.gql(`{ organisations(first: 500) { totalCount } }`);
    expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].message).toMatch(/first must be at most 100/);
  });

  it('masks an unexpected failure: generic message, INTERNAL_SERVER_ERROR, no stack trace or SQL', async () => {
    await t.ds.query('DROP TABLE network_membership CASCADE');
    const res = await t.gql(`{ networks { name } }`);
    expect(res.status).toBeLessThan(500);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toEqual({ message: 'Internal server error', path: ['networks'], extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/network_membership|stacktrace|QueryFailedError|\.ts:\d+/);
  });

  it('turns introspection off in production', async () => {
    const res = await t.gql(`{ __schema { queryType { name } } }`);
    expect(res.errors?.[0].message).toMatch(/introspection/i);
  });
});
