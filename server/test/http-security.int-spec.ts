import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import request from 'supertest';
import { UserRole } from '@partneratlas/shared';
import { ConfigError, loadConfig } from '../src/config/config';
import { createUser, TEST_PASSWORD } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { id } }';
const PARTNER = 'https://partner.example.org';
const STRANGER = 'https://stranger.example.net';

/** The directives of a Content-Security-Policy header, e.g. { 'img-src': ["'self'", 'data:'] }. */
function directives(header: string | undefined): Record<string, string[]> {
  expect(header).toBeDefined();
  return Object.fromEntries(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values]),
  );
}

describe('HTTP security: headers, CORS, body limits, trusted proxies', () => {
  /** Defaults (NODE_ENV test): no CORS origins, no trusted proxy; serves a client build from a temporary directory. */
  let plain: TestApp;
  /** Production with CORS_ORIGINS, TRUST_PROXY and a tile server with subdomains. */
  let configured: TestApp;
  let clientDist: string;

  beforeAll(async () => {
    clientDist = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-client-'));
    fs.writeFileSync(path.join(clientDist, 'index.html'), '<!doctype html><title>Partneratlas</title><div id="root"></div>');
    plain = await createTestApp({ CLIENT_DIST: clientDist, LOGIN_MAX_FAILURES: '2' });
    configured = await createTestApp({
      NODE_ENV: 'production',
      CORS_ORIGINS: `${PARTNER}, http://localhost:5173`,
      TRUST_PROXY: 'loopback',
      TILE_URL: 'https://{s}.tiles.example.org/osm/{z}/{x}/{y}.png',
      LOGIN_MAX_FAILURES: '2',
    });
    for (const t of [plain, configured]) await createUser(t.ds, { email: 'koordination@example.org', role: UserRole.COORDINATOR });
  });
  afterAll(async () => {
    await plain?.close();
    await configured?.close();
    fs.rmSync(clientDist, { recursive: true, force: true });
  });

  const http = (t: TestApp) => request(t.server.app.getHttpServer());

  describe('security headers', () => {
    it('sends a Content-Security-Policy that allows only this origin and the OpenStreetMap tiles by default', async () => {
      const page = await http(plain).get('/karte').set('accept', 'text/html');
      expect(page.status).toBe(200);
      expect(page.text).toContain('<div id="root">');
      expect(directives(page.headers['content-security-policy'])).toEqual({
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'sha256-pgvDUBa4IjFA2yuSJ2cqcyxmNYJMborsd0ORcRv9vw8='"],
        'style-src-attr': ["'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:', 'https://tile.openstreetmap.org'],
        'font-src': ["'self'", 'data:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
      });
      expect(page.headers['x-content-type-options']).toBe('nosniff');
      expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(page.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
      expect(page.headers['x-powered-by']).toBeUndefined();
      // HSTS only in production: development and tests run on plain http://localhost.
      expect(page.headers['strict-transport-security']).toBeUndefined();
    });

    it('allows images from the configured tile server (any {s} subdomain) and sends HSTS in production', async () => {
      const res = await http(configured).get('/health');
      const csp = directives(res.headers['content-security-policy']);
      expect(csp['img-src']).toEqual(["'self'", 'data:', 'blob:', 'https://*.tiles.example.org']);
      expect(csp['connect-src']).toEqual(["'self'"]);
      expect(csp['upgrade-insecure-requests']).toEqual([]);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    });

    it('refuses tile URLs, origins and proxy settings it cannot turn into a safe policy', () => {
      const invalid = (env: Record<string, string>) => () => loadConfig({ NODE_ENV: 'test', ...env });
      expect(invalid({ TILE_URL: 'http://tile.example.org/{z}/{x}/{y}.png' })).toThrow(/TILE_URL/);
      expect(invalid({ TILE_URL: 'https://tile.example.org/tiles.png' })).toThrow(/TILE_URL/);
      expect(invalid({ TILE_URL: 'https://{z}.example.org/{z}/{x}/{y}.png' })).toThrow(ConfigError);
      expect(invalid({ CORS_ORIGINS: 'https://partner.example.org/app' })).toThrow(/CORS_ORIGINS/);
      expect(invalid({ CORS_ORIGINS: '*' })).toThrow(/CORS_ORIGINS/);
      expect(invalid({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY.*any client choose its IP/);
      expect(invalid({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
      expect(loadConfig({ NODE_ENV: 'test', TILE_URL: '/tiles/{z}/{x}/{y}.png', TRUST_PROXY: '10.0.0.0/8, loopback' })).toMatchObject({
        trustProxy: ['10.0.0.0/8', 'loopback'],
      });
      expect(loadConfig({ NODE_ENV: 'test', TRUST_PROXY: '2' }).trustProxy).toBe(2);
      expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({ trustProxy: false, CORS_ORIGINS: [] });
    });
  });

  describe('CORS', () => {
    const preflight = (t: TestApp, url: string, origin: string) =>
      http(t)
        .options(url)
        .set('origin', origin)
        .set('access-control-request-method', 'POST')
        .set('access-control-request-headers', 'content-type,x-csrf-token');

    it('lets the configured origins call /graphql with cookies, and nobody else', async () => {
      const allowed = await preflight(configured, '/graphql', PARTNER);
      expect(allowed.status).toBe(204);
      expect(allowed.headers['access-control-allow-origin']).toBe(PARTNER);
      expect(allowed.headers['access-control-allow-credentials']).toBe('true');
      expect(allowed.headers['access-control-allow-headers']).toMatch(/x-csrf-token/);

      const post = await http(configured).post('/graphql').set('origin', PARTNER).send({ query: '{ __typename }' });
      expect(post.headers['access-control-allow-origin']).toBe(PARTNER);
      expect(post.headers.vary).toMatch(/Origin/);

      const stranger = await preflight(configured, '/graphql', STRANGER);
      expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('sends no CORS headers for /graphql without CORS_ORIGINS (same origin only)', async () => {
      const res = await preflight(plain, '/graphql', PARTNER);
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      const post = await http(plain).post('/graphql').set('origin', PARTNER).send({ query: '{ __typename }' });
      expect(post.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('keeps the HSDS API open to every origin (*) without cookies', async () => {
      for (const t of [plain, configured]) {
        const res = await http(t).get('/api/hsds').set('origin', STRANGER);
        expect(res.status).toBe(200);
        expect(res.headers['access-control-allow-origin']).toBe('*');
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
        expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
        const pre = await http(t).options('/api/hsds/organizations').set('origin', STRANGER).set('access-control-request-method', 'GET');
        expect(pre.status).toBe(204);
        expect(pre.headers['access-control-allow-origin']).toBe('*');
      }
    });
  });

  describe('request body limits', () => {
    it('answers an oversized form body with 413 and a message naming the limit', async () => {
      const res = await http(plain)
        .post('/graphql')
        .set('content-type', 'application/x-www-form-urlencoded')
        .send(`query=${'x'.repeat(70 * 1024)}`);
      expect(res.status).toBe(413);
      expect(res.body.errors[0]).toMatchObject({
        message: 'The request body is larger than 64 kB, the limit for application/x-www-form-urlencoded bodies.',
        extensions: { code: 'BAD_USER_INPUT', limitBytes: 64 * 1024 },
      });
    });

    it('answers an oversized text body with 413', async () => {
      const res = await http(plain)
        .post('/graphql')
        .set('content-type', 'text/plain')
        .send('x'.repeat(70 * 1024));
      expect(res.status).toBe(413);
      expect(res.body.errors[0].message).toMatch(/larger than 64 kB, the limit for text\/plain bodies/);
    });

    it('still accepts a JSON body far above the form limit (imports are sent as JSON)', async () => {
      const res = await http(plain)
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: `{ __typename }`, variables: { padding: 'x'.repeat(512 * 1024) } });
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual({ __typename: 'Query' });
    });
  });

  describe('trust proxy', () => {
    const login = (t: TestApp, password: string, forwardedFor: string) =>
      http(t)
        .post('/graphql')
        .set('content-type', 'application/json')
        .set('x-forwarded-for', forwardedFor)
        .send({ query: LOGIN, variables: { e: 'koordination@example.org', p: password } });

    it('takes the client address from X-Forwarded-For when the proxy is trusted (throttle per client behind it)', async () => {
      for (let i = 0; i < 2; i++)
        expect((await login(configured, 'falsches-passwort', '203.0.113.7')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const attempts: { ip: string }[] = await configured.ds.query(`SELECT DISTINCT ip FROM login_attempt`);
      expect(attempts).toEqual([{ ip: '203.0.113.7' }]);
      // The throttled client stays throttled; another client behind the same proxy can still sign in.
      expect((await login(configured, TEST_PASSWORD, '203.0.113.7')).body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      const other = await login(configured, TEST_PASSWORD, '198.51.100.20');
      expect(other.body.errors).toBeUndefined();
      expect(other.body.data.login.id).toBeDefined();
    });

    it('ignores X-Forwarded-For without TRUST_PROXY (a client cannot escape the throttle by inventing addresses)', async () => {
      for (let i = 0; i < 2; i++)
        expect((await login(plain, 'falsches-passwort', `203.0.113.${i + 1}`)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      const attempts: { ip: string }[] = await plain.ds.query(`SELECT DISTINCT ip FROM login_attempt`);
      expect(attempts).toHaveLength(1);
      expect(attempts[0].ip).toMatch(/127\.0\.0\.1|::1/);
      expect((await login(plain, TEST_PASSWORD, '198.51.100.20')).body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
    });
  });
});
