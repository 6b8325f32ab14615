import request from 'supertest';
import { UserRole } from '@partneratlas/shared';
import { RATE_LIMIT_FLUSH_MS, RateLimitService } from '../src/modules/rate-limit/rate-limit.service';
import { createNetwork, createTaxonomies, createUser } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `n${i}: networks { id }`).join(' ')} }`;

function post(t: TestApp, body: unknown, headers: Record<string, string> = {}) {
  return request(t.server.app.getHttpServer())
    .post('/graphql')
    .set('content-type', 'application/json')
    .set(headers)
    .send(body as object);
}

/** Fixed one-minute windows: start a test early in a minute (database clock), so that it does not straddle two. */
async function freshWindow(t: TestApp): Promise<void> {
  const [{ s }] = await t.ds.query(`SELECT extract(second FROM now())::float AS s`);
  if (s > 45) await new Promise((r) => setTimeout(r, (61 - s) * 1000));
  await t.ds.query(`DELETE FROM rate_limit_counter`);
}

async function counters(t: TestApp): Promise<Record<string, number>> {
  const rows: { key: string; count: number }[] = await t.ds.query(`SELECT key, count FROM rate_limit_counter`);
  return Object.fromEntries(rows.map((r) => [r.key.replace(/^ip:.*/, 'ip').replace(/^user:.*/, 'user'), r.count]));
}

describe('rate limits on /graphql', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_IP_PER_MINUTE: '20', RATE_LIMIT_USER_PER_MINUTE: '30' });
    await createTaxonomies(t.ds);
    await createNetwork(t.ds, 'Netzwerk Takt');
    await createUser(t.ds, { email: 'takt@example.org', role: UserRole.EDITOR });
  });
  afterAll(() => t?.close());
  beforeEach(() => freshWindow(t));

  it('counts every aliased root field: one request with 15 aliases uses 15 of 20, the next with 6 is refused with 429', async () => {
    expect((await t.gql(aliased(15))).errors).toBeUndefined();
    expect(await counters(t)).toEqual({ ip: 15 });
    const ok = await t.gql(aliased(5));
    expect(ok.errors).toBeUndefined();
    const res = await post(t, { query: `{ networks { id } }` });
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.body.errors).toEqual([
      {
        message: `Too many requests: more than 20 operations per minute; retry in ${retryAfter} s`,
        extensions: { code: 'TOO_MANY_REQUESTS', limitPerMinute: 20, retryAfterSeconds: retryAfter },
      },
    ]);
    expect(res.body.data).toBeUndefined();
  });

  it('counts every operation of a batch (and its root fields): 4 operations with 3 fields each use 12', async () => {
    const op = { query: `{ a: networks { id } b: networks { name } c: __typename }` };
    const res = await post(t, [op, op, op, op]);
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(4);
    expect(await counters(t)).toEqual({ ip: 12 });
    const over = await post(t, [op, op, op]);
    expect(over.status).toBe(429);
    expect(over.body.errors[0].extensions.code).toBe('TOO_MANY_REQUESTS');
  });

  it('counts a signed-in user against the user limit, not against the IP (shared by anonymous visitors)', async () => {
    const session = await t.login('takt@example.org'); // anonymous: 1 unit on the IP
    expect((await t.gql(aliased(15))).errors).toBeUndefined();
    expect((await post(t, { query: aliased(5) })).status).toBe(429); // the IP is used up (1 + 15 + 5 > 20)
    // the same machine, signed in: its own budget of 30
    expect((await session.gql(aliased(15))).errors).toBeUndefined();
    expect((await session.gql(aliased(15))).errors).toBeUndefined();
    const res = await session.gql(`{ networks { id } }`);
    expect(res.status).toBe(429);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', limitPerMinute: 30 });
    expect(await counters(t)).toEqual({ ip: 21, user: 31 });
  });

  it('starts a new window each minute: an old window of the key is replaced, not added to', async () => {
    await t.ds.query(
      `INSERT INTO rate_limit_counter (key, window_start, count) VALUES ('ip:old', date_trunc('minute', now()) - interval '1 minute', 1000)`,
    );
    const counter = t.server.app.get(RateLimitService);
    expect(await counter.consume('ip:old', 2)).toMatchObject({ count: 2 });
    expect(await counter.consume('ip:old', 3)).toMatchObject({ count: 5 });
  });

  it('purges the rows of keys not seen for 10 minutes', async () => {
    await t.ds.query(
      `INSERT INTO rate_limit_counter (key, window_start, count) VALUES ('ip:gone', now() - interval '11 minutes', 3), ('ip:recent', now() - interval '2 minutes', 3)`,
    );
    expect(await t.server.app.get(RateLimitService).purgeExpired()).toBe(1);
    expect((await t.ds.query(`SELECT key FROM rate_limit_counter`)).map((r: { key: string }) => r.key)).toEqual(['ip:recent']);
  });

  it('shares the counters between two server instances on one database', async () => {
    const second = await createTestApp({ RATE_LIMIT_IP_PER_MINUTE: '20', RATE_LIMIT_USER_PER_MINUTE: '30' }, { db: t.db });
    try {
      expect((await t.gql(aliased(12))).errors).toBeUndefined();
      expect((await second.gql(aliased(8))).errors).toBeUndefined();
      expect((await second.gql(`{ networks { id } }`)).status).toBe(429);
      expect((await t.gql(`{ networks { id } }`)).status).toBe(429);
    } finally {
      await second.server.close(); // not second.close(): the database belongs to the first app
    }
  });

  it('near the limit, counts in the database: one SQL statement per request, also for a batch', async () => {
    expect((await t.gql(aliased(12))).errors).toBeUndefined(); // 12 of 20: past half the limit
    const op = { query: `{ __typename }` };
    const single = await t.countStatements(() => post(t, op));
    const batch = await t.countStatements(() => post(t, [op, op, op]));
    expect(single).toBe(1);
    expect(batch).toBe(1);
    expect(await counters(t)).toEqual({ ip: 16 });
  });
});

describe('rate limits switched off (0)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_IP_PER_MINUTE: '0', RATE_LIMIT_USER_PER_MINUTE: '0' });
  });
  afterAll(() => t?.close());

  it('neither refuses nor counts (no SQL)', async () => {
    for (let i = 0; i < 3; i++) expect((await t.gql(aliased(15))).errors).toBeUndefined();
    expect(await t.countStatements(() => t.gql(`{ __typename }`))).toBe(0);
    expect(await t.ds.query(`SELECT * FROM rate_limit_counter`)).toEqual([]);
  });
});

describe('rate limits in the load test setting (50 clients from 127.0.0.1, limits set high)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_IP_PER_MINUTE: '100000000', RATE_LIMIT_USER_PER_MINUTE: '100000000' });
  });
  afterAll(() => t?.close());

  it('counts 50 concurrent requests from one address exactly, far below the limit without a statement each', async () => {
    await freshWindow(t);
    // the first request of a key in a window is counted in the database; then, far below the limit, in memory
    expect(await t.countStatements(() => t.gql(`{ __typename }`))).toBe(1);
    let results: Awaited<ReturnType<TestApp['gql']>>[] = [];
    const statements = await t.countStatements(async () => {
      results = await Promise.all(Array.from({ length: 50 }, () => t.gql(`{ __typename }`)));
    });
    expect(results.every((r) => r.status === 200 && !r.errors)).toBe(true);
    expect(statements).toBe(0);
    // written without being asked within RATE_LIMIT_FLUSH_MS, all keys in one statement
    await new Promise((r) => setTimeout(r, RATE_LIMIT_FLUSH_MS + 250));
    expect(await counters(t)).toEqual({ ip: 51 });
  });

  it('writes what is pending when asked (shutdown) and keeps counting on the shared figure', async () => {
    const service = t.server.app.get(RateLimitService);
    await freshWindow(t);
    await service.consume('ip:198.51.100.7', 1, 1000);
    for (let i = 0; i < 9; i++) await service.consume('ip:198.51.100.7', 1, 1000);
    expect(await t.countStatements(() => service.flush())).toBe(1);
    expect((await t.ds.query(`SELECT count FROM rate_limit_counter WHERE key = 'ip:198.51.100.7'`))[0].count).toBe(10);
    // another instance counted 600 meanwhile: the next flush brings the shared figure back, and from half the limit on
    // every request is decided on the database's count
    await t.ds.query(`UPDATE rate_limit_counter SET count = count + 600 WHERE key = 'ip:198.51.100.7'`);
    await service.consume('ip:198.51.100.7', 1, 1000);
    await service.flush();
    expect(await t.countStatements(() => service.consume('ip:198.51.100.7', 1, 1000))).toBe(1);
    expect((await service.consume('ip:198.51.100.7', 1, 1000)).count).toBe(613);
  });
});
