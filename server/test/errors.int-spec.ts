import request from 'supertest';
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

  it('masks an unexpected failure: generic message, INTERNAL_SERVER_ERROR, the request id, no stack trace or SQL', async () => {
    await t.ds.query('DROP TABLE network_membership CASCADE');
    const res = await t.gql(`{ networks { name } }`);
    expect(res.status).toBeLessThan(500);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toEqual({
      message: 'Internal server error',
      path: ['networks'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) },
    });
    const text = JSON.stringify(res.body);
    expect(text).not.toMatch(/network_membership|stacktrace|QueryFailedError|\.ts:\d+/);
  });

  it("gives a masked error the request id of the X-Request-Id header (the proxy's, or a new one)", async () => {
    const http = t.server.app.getHttpServer();
    const send = (headers: Record<string, string>) =>
      request(http).post('/graphql').set('content-type', 'application/json').set(headers).send({ query: '{ networks { name } }' });
    const fromProxy = await send({ 'x-request-id': 'lb-7f3a9c01-req' });
    expect(fromProxy.headers['x-request-id']).toBe('lb-7f3a9c01-req');
    expect(fromProxy.body.errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'lb-7f3a9c01-req' });
    const own = await send({});
    expect(own.body.errors[0].extensions.requestId).toBe(own.headers['x-request-id']);
  });

  it('masks a failure while the context is created (before execution) the same way, with the request id', async () => {
    // the context looks the session cookie up: without its table, that fails
    await t.ds.query('ALTER TABLE user_session RENAME TO user_session_gone');
    try {
      const res = await request(t.server.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-request-id', 'lb-context-0001')
        .set('cookie', 'pa_session=some-session-token')
        .send({ query: '{ __typename }' });
      expect(res.body.errors).toEqual([
        { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'lb-context-0001' } },
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/user_session|Context creation failed|QueryFailedError/);
    } finally {
      await t.ds.query('ALTER TABLE user_session_gone RENAME TO user_session');
    }
  });

  it('turns introspection off in production', async () => {
    const res = await t.gql(`{ __schema { queryType { name } } }`);
    expect(res.errors?.[0].message).toMatch(/introspection/i);
  });
});
