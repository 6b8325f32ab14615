import { Client } from 'pg';
import request from 'supertest';
import { createNetwork, createOrganisation, createTaxonomies } from './support/factories';
import { createTestApp, TestApp } from './support/test-app';

/** POSTs any body (a batch is an array) and returns status, headers and parsed body. */
function post(t: TestApp, body: unknown) {
  return request(t.server.app.getHttpServer())
    .post('/graphql')
    .set('content-type', 'application/json')
    .send(body as object);
}

const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `n${i}: networks { id }`).join(' ')} }`;

describe('GraphQL abuse limits (defaults)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await createTaxonomies(t.ds);
    await createNetwork(t.ds, 'Netzwerk Grenzen');
    for (let i = 0; i < 3; i++) await createOrganisation(t.ds, { name: `Grenzverein ${i}`, locations: [{ lat: 51.53, lng: 9.93 }] });
  });
  afterAll(() => t?.close());

  describe('cost', () => {
    // 3 nested lists: 100 organisations × 10 relationships × (1 + target with its 10 relationships …)
    const EXPENSIVE = `query($n: Int!) { organisations(first: $n) { nodes { relationships { target { relationships { source { services { id } } } } } } } }`;

    it('refuses an operation whose cost from list sizes exceeds the limit with QUERY_TOO_COMPLEX, cost and limit', async () => {
      const res = await t.gql(EXPENSIVE, { n: 100 });
      expect(res.status).toBe(400);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', maxCost: 100_000 });
      expect(res.errors![0].extensions!.cost).toBeGreaterThan(100_000);
      expect(res.errors![0].message).toMatch(/estimated cost \d+ exceeds the maximum of 100000/);
    });

    it('takes `first` from the variables on every request (the same document is cached by Apollo)', async () => {
      const small = await t.gql(EXPENSIVE, { n: 2 });
      expect(small.errors).toBeUndefined();
      const large = await t.gql(EXPENSIVE, { n: 100 });
      expect(large.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });

    it('follows fragments when computing the cost', async () => {
      const q = `fragment R on Relationship { target { relationships { source { services { id } } } } }
        query($n: Int!) { organisations(first: $n) { nodes { relationships { ...R } } } }`;
      expect((await t.gql(q, { n: 100 })).errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    });
  });

  describe('aliases', () => {
    it('accepts 15 aliases and refuses 16 with TOO_MANY_ALIASES', async () => {
      const ok = await t.gql(aliased(15));
      expect(ok.errors).toBeUndefined();
      expect(ok.data!.n14).toHaveLength(1);
      const res = await t.gql(aliased(16));
      expect(res.status).toBe(400);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', aliases: 16, maxAliases: 15 });
    });

    it('counts aliases inside fragments', async () => {
      const q = `fragment A on Query { ${Array.from({ length: 16 }, (_, i) => `a${i}: __typename`).join(' ')} } { ...A }`;
      expect((await t.gql(q)).errors?.[0].extensions?.code).toBe('TOO_MANY_ALIASES');
    });
  });

  describe('tokens', () => {
    /** A document of exactly n tokens: operations `query Ai { networks { id } }` of 8 tokens each (A0 with extra `id`s). */
    const withTokens = (n: number) =>
      Array.from({ length: Math.floor(n / 8) }, (_, i) => `query A${i} { networks { ${'id '.repeat(i === 0 ? 1 + (n % 8) : 1)}} }`).join(
        '\n',
      );
    const send = (query: string) =>
      post(t, { query, operationName: 'A0' }).then((r) => ({ status: r.status, errors: r.body.errors, data: r.body.data }));

    it('accepts 1000 tokens and refuses 1001 with TOO_MANY_TOKENS before parsing (HTTP 400)', async () => {
      const ok = await send(withTokens(1000));
      expect(ok.errors).toBeUndefined();
      expect(ok.data.networks).toHaveLength(1);
      const res = await send(withTokens(1001));
      expect(res.status).toBe(400);
      expect(res.errors).toEqual([
        { message: 'The document has more than 1000 tokens', extensions: { code: 'TOO_MANY_TOKENS', maxTokens: 1000 } },
      ]);
    });

    it('does not count comments and whitespace', async () => {
      const res = await t.gql(`# ${'padding '.repeat(2000)}\n{ networks { id } }`);
      expect(res.errors).toBeUndefined();
    });
  });

  describe('batching', () => {
    const op = (i: number) => ({ query: `query B${i} { networks { name } }` });

    it('answers a batch of 5 operations with 5 results', async () => {
      const res = await post(t, [0, 1, 2, 3, 4].map(op));
      expect(res.status).toBe(200);
      expect(res.body).toHaveLength(5);
      for (const r of res.body) expect(r.data.networks[0].name).toBe('Netzwerk Grenzen');
    });

    it('refuses 6 operations in one batch with HTTP 400 and BATCH_TOO_LARGE, running none', async () => {
      const res = await post(t, [0, 1, 2, 3, 4, 5].map(op));
      expect(res.status).toBe(400);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].extensions).toEqual({ code: 'BATCH_TOO_LARGE', operations: 6, maxBatch: 5 });
    });
  });

  it('sets PostgreSQL statement_timeout of the pool connections from GRAPHQL_TIMEOUT_MS (default 10 s)', async () => {
    const [row] = await t.ds.query(`SHOW statement_timeout`);
    expect(row.statement_timeout).toBe('10s');
  });
});

describe('GraphQL execution timeout (GRAPHQL_TIMEOUT_MS=400)', () => {
  const TIMEOUT_MS = 400;
  let t: TestApp;
  let locker: Client;
  beforeAll(async () => {
    t = await createTestApp({ GRAPHQL_TIMEOUT_MS: String(TIMEOUT_MS) });
    await createTaxonomies(t.ds);
    await createNetwork(t.ds, 'Netzwerk Zeit');
    await createOrganisation(t.ds, { name: 'Zeitverein', locations: [{ lat: 51.53, lng: 9.93 }] });
    locker = new Client({ connectionString: t.db.url, application_name: 'test-locker' });
    await locker.connect();
  });
  afterAll(async () => {
    await locker?.end();
    await t?.close();
  });

  /** Holds an exclusive lock on `table` (reads of it wait) while fn runs. */
  async function whileLocked<T>(table: string, fn: () => Promise<T>): Promise<T> {
    await locker.query('BEGIN');
    await locker.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
    try {
      return await fn();
    } finally {
      await locker.query('ROLLBACK');
    }
  }

  /** Statements of the app that wait for a lock (the locked reads that have not been cancelled). */
  async function waitingStatements(): Promise<number> {
    const [row] = await locker
      .query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'partneratlas' AND wait_event_type = 'Lock'`,
      )
      .then((r) => r.rows);
    return row.n;
  }

  async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      if (await check()) return true;
      await new Promise((r) => setTimeout(r, 50));
    }
    return check();
  }

  it('answers a query that runs longer than the timeout with TIMEOUT when the deadline passes, and PostgreSQL cancels its statement', async () => {
    await whileLocked('network', async () => {
      const started = Date.now();
      const res = await t.gql(`{ networks { id name } }`);
      const took = Date.now() - started;
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0].extensions).toEqual({ code: 'TIMEOUT', timeoutMs: TIMEOUT_MS });
      expect(res.errors![0].message).toMatch(/longer than 400 ms/);
      expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
      expect(took).toBeLessThan(TIMEOUT_MS + 2000);
      // the blocked read does not wait for the lock any longer: statement_timeout ended it
      expect(await eventually(async () => (await waitingStatements()) === 0)).toBe(true);
    });
    // and the app works normally afterwards
    expect((await t.gql(`{ networks { name } }`)).data).toEqual({ networks: [{ name: 'Netzwerk Zeit' }] });
  });

  it('maps a statement cancelled by statement_timeout (SQLSTATE 57014) to TIMEOUT, not to an internal error', async () => {
    // The organisations resolve; the nested locations wait for the lock until PostgreSQL cancels their statement.
    await whileLocked('location', async () => {
      const res = await t.gql(`{ organisations(first: 5) { nodes { name locations { id } } } }`);
      expect(res.errors?.length).toBeGreaterThan(0);
      // one error (not one per organisation), from the database's cancellation (the resolver deadline names timeoutMs)
      expect(res.errors!.map((e) => e.extensions)).toEqual([{ code: 'TIMEOUT' }]);
      expect(JSON.stringify(res.body)).not.toMatch(/statement timeout|canceling statement|QueryFailedError/i);
    });
  });

  it('sets statement_timeout of the pool connections to GRAPHQL_TIMEOUT_MS', async () => {
    const [row] = await t.ds.query(`SHOW statement_timeout`);
    expect(row.statement_timeout).toBe('400ms');
  });
});

describe('introspection and landing page', () => {
  it('turns introspection off in production and on with GRAPHQL_INTROSPECTION=true', async () => {
    const off = await createTestApp({ NODE_ENV: 'production' });
    try {
      const res = await off.gql(`{ __schema { queryType { name } } }`);
      expect(res.errors?.[0].message).toMatch(/introspection/i);
      expect(res.data).toBeUndefined();
    } finally {
      await off.close();
    }
    const on = await createTestApp({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' });
    try {
      const res = await on.gql(`{ __schema { queryType { name } } }`);
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await on.close();
    }
  });

  it('serves no landing page on GET /graphql in production', async () => {
    const t = await createTestApp({ NODE_ENV: 'production' });
    try {
      const res = await request(t.server.app.getHttpServer()).get('/graphql').set('accept', 'text/html');
      expect(res.headers['content-type'] ?? '').not.toMatch(/html/);
      expect(res.text).not.toMatch(/<html|<!DOCTYPE|sandbox|playground/i);
    } finally {
      await t.close();
    }
  });
});
