import request from 'supertest';
import { PublicationStatus, UserRole } from '@partneratlas/shared';
import { CACHE_HEADER, RESPONSE_CACHE, ResponseCache } from '../src/graphql/response-cache';
import { createSquareArea, utmToLatLng, X0, Y0 } from './support/coverage-fixtures';
import { createOrganisation, createTaxonomies, createUser } from './support/factories';
import { createTestApp, TestApp, TestSession } from './support/test-app';

/** The client's DirectoryList query (client/src/features/directory/api/directory.graphql). */
const DIRECTORY = `
  query DirectoryList($filter: OrganisationFilter, $first: Int!, $after: String, $orderBy: OrganisationOrder) {
    organisations(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes { id name kind isDemo verificationStatus lastConfirmedAt stale distanceMeters languages
        locations { id street postcode city latitude longitude } }
    }
  }`;

const UPDATE = `
  mutation UpdateOrganisation($id: ID!, $expectedVersion: Int!, $input: UpdateOrganisationInput!) {
    updateOrganisation(id: $id, expectedVersion: $expectedVersion, input: $input) { outcome version }
  }`;

const ONE = `query One($id: ID!) { organisation(id: $id) { id name } }`;

interface Answer {
  cache: string | undefined;
  data: { organisations: { totalCount: number; nodes: { name: string }[] }; organisation: { name: string } };
  errors: { extensions?: { code?: string } }[] | undefined;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The TTL of the app under test (RESPONSE_CACHE_TTL_MS; the production default is longer). */
const TTL_MS = 3_000;

describe('cache of anonymous directory and coverage answers (production)', () => {
  let t: TestApp;
  let coordinator: TestSession;
  let published: string;
  let draft: string;

  /** A GraphQL request through the real endpoint, with the cache header of the answer. */
  async function ask(query: string, variables: Record<string, unknown>, session?: TestSession): Promise<Answer> {
    let req = request(t.server.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (session) req = req.set('cookie', session.cookie).set('x-csrf-token', session.csrfToken);
    const res = await req.send({ query, variables });
    return { cache: res.headers[CACHE_HEADER] as string | undefined, data: res.body?.data, errors: res.body?.errors };
  }

  beforeAll(async () => {
    // rate limits on, far above the test's pace (counted in memory, written in batches)
    t = await createTestApp({
      NODE_ENV: 'production',
      COOKIE_SECURE: 'false',
      RESPONSE_CACHE_TTL_MS: String(TTL_MS),
      RATE_LIMIT_IP_PER_MINUTE: '100000',
      RATE_LIMIT_USER_PER_MINUTE: '100000',
    });
    await createTaxonomies(t.ds);
    published = await createOrganisation(t.ds, { name: 'Cachetest Beratungsstelle' });
    draft = await createOrganisation(t.ds, { name: 'Cachetest Entwurf', status: PublicationStatus.DRAFT });
    await createUser(t.ds, { email: 'coord@example.org', role: UserRole.COORDINATOR });
    coordinator = await t.login('coord@example.org');
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers a repeated anonymous search from the cache and shows an edit to anonymous readers once the TTL has passed', async () => {
    const vars = { filter: { text: 'Cachetest' }, first: 20 };
    const first = await ask(DIRECTORY, vars);
    expect(first.errors).toBeUndefined();
    expect(first.cache).toBe('MISS');
    expect(first.data.organisations.nodes.map((n) => n.name)).toEqual(['Cachetest Beratungsstelle']);
    expect((await ask(DIRECTORY, vars)).cache).toBe('HIT');

    const [{ version }] = await t.ds.query(`SELECT version FROM organization WHERE id = $1`, [published]);
    const edit = await coordinator.gql(UPDATE, {
      id: published,
      expectedVersion: version,
      input: { name: 'Cachetest Migrationsberatung' },
    });
    expect(edit.errors).toBeUndefined();
    expect(edit.data!.updateOrganisation.outcome).toBe('APPLIED');
    const editedAt = Date.now();

    // signed in: fresh at once, and not served from (nor stored in) the anonymous cache
    const own = await ask(DIRECTORY, vars, coordinator);
    expect(own.cache).toBeUndefined();
    expect(own.data.organisations.nodes[0].name).toBe('Cachetest Migrationsberatung');

    // anonymous: the previous answer within the documented bound …
    const stale = await ask(DIRECTORY, vars);
    if (Date.now() - editedAt < TTL_MS - 500) {
      expect(stale.cache).toBe('HIT');
      expect(stale.data.organisations.nodes[0].name).toBe('Cachetest Beratungsstelle');
    }
    // … and the edit once it has passed
    await sleep(Math.max(0, editedAt + TTL_MS + 100 - Date.now()));
    const fresh = await ask(DIRECTORY, vars);
    expect(fresh.cache).toBe('MISS');
    expect(fresh.data.organisations.nodes[0].name).toBe('Cachetest Migrationsberatung');
  }, 30_000);

  it('never stores an answer computed for a signed-in viewer and never shows unpublished entries anonymously', async () => {
    const vars = { filter: { text: 'Entwurf' }, first: 20 };
    const signedIn = await ask(DIRECTORY, vars, coordinator);
    expect(signedIn.cache).toBeUndefined();
    const anonymous = await ask(DIRECTORY, vars);
    expect(anonymous.cache).toBe('MISS'); // nothing was stored by the signed-in request
    expect(anonymous.data.organisations.totalCount).toBe(0);

    // single entries are not cacheable: staff read the draft, anonymous readers never get it from the cache
    const staff = await ask(ONE, { id: draft }, coordinator);
    expect(staff.data.organisation.name).toBe('Cachetest Entwurf');
    for (let i = 0; i < 2; i++) {
      const anon = await ask(ONE, { id: draft });
      expect(anon.cache).toBeUndefined();
      expect(anon.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    }
    // a query mixing a cacheable field with another one is not cached either
    const mixed = await ask(`query M($id: ID!) { organisations(first: 1) { totalCount } organisation(id: $id) { id } }`, { id: published });
    expect(mixed.cache).toBeUndefined();
  });

  it('does not cache answers with errors', async () => {
    const vars = { filter: {}, first: 20, after: 'not-a-cursor' };
    for (let i = 0; i < 2; i++) {
      const res = await ask(DIRECTORY, vars);
      expect(res.errors?.length).toBeGreaterThan(0);
      expect(res.cache).toBe('MISS');
    }
  });

  it('caches anonymous coverage answers too, but never one that is not up to date', async () => {
    await createSquareArea(t.ds, { name: 'Cachebezirk', x: X0, y: Y0, population: 100 });
    const at = await utmToLatLng(t.ds, X0 + 100, Y0);
    await createOrganisation(t.ds, {
      name: 'Cachetest Sprachkurs',
      locations: [at],
      services: [{ name: 'Kurs', fields: ['sprache'] }],
    });
    const COVERAGE = `query C($input: CoverageInput!) { coverage(input: $input) { upToDate providerCount } }`;
    const vars = { input: { fieldOfAction: 'sprache', unit: 'DISTRICT' } };
    expect((await ask(COVERAGE, vars)).cache).toBe('MISS');
    const hit = await ask(COVERAGE, vars);
    expect(hit.cache).toBe('HIT');
    expect(hit.data).toMatchObject({ coverage: { upToDate: true, providerCount: 1 } });

    const c = new ResponseCache({ ttlMs: 1_000 });
    const claim = (await c.lookup('k')) as { settle: (d: Record<string, unknown>) => void };
    claim.settle({ coverage: { upToDate: false, providerCount: 1 } });
    expect(c.size).toBe(0);
    expect(await c.lookup('k')).toEqual({ settle: expect.any(Function) });
  });

  it('answers a fresh cached answer in front of Apollo: the same bytes, no SQL (the rate limit counts it in memory)', async () => {
    const cache = t.server.app.get<ResponseCache>(RESPONSE_CACHE);
    const vars = { filter: { text: 'Cachetest' }, first: 3 };
    const send = () =>
      request(t.server.app.getHttpServer())
        .post('/graphql')
        .set('content-type', 'application/json')
        .send({ query: DIRECTORY, variables: vars });
    const miss = await send();
    expect(miss.headers[CACHE_HEADER]).toBe('MISS');
    const lookup = jest.spyOn(cache, 'lookup');
    try {
      let hit: request.Response | undefined;
      const statements = await t.countStatements(async () => {
        hit = await send();
      });
      expect(hit!.headers[CACHE_HEADER]).toBe('HIT');
      expect(hit!.headers['content-type']).toMatch(/^application\/json/);
      expect(hit!.text).toBe(miss.text);
      expect(statements).toBe(0);
      expect(lookup).not.toHaveBeenCalled(); // Apollo's plugin never saw it
    } finally {
      lookup.mockRestore();
    }
  });

  it('keys by the variables whatever their order', async () => {
    const a = await ask(DIRECTORY, { first: 7, filter: { kinds: ['COUNSELLING_SERVICE'], text: 'Cachetest' } });
    const b = await ask(DIRECTORY, { filter: { text: 'Cachetest', kinds: ['COUNSELLING_SERVICE'] }, first: 7 });
    expect(a.cache).toBe('MISS');
    expect(b.cache).toBe('HIT');
    expect(b.data).toEqual(a.data);
  });
});

describe('cached answers and the rate limit', () => {
  it('counts answers from the cache like any other request and refuses them over the limit (429, Retry-After)', async () => {
    const t = await createTestApp({ NODE_ENV: 'production', COOKIE_SECURE: 'false', RATE_LIMIT_IP_PER_MINUTE: '3' });
    try {
      await createTaxonomies(t.ds);
      const send = () =>
        request(t.server.app.getHttpServer())
          .post('/graphql')
          .set('content-type', 'application/json')
          .send({ query: DIRECTORY, variables: { first: 2 } });
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await send());
      expect(answers.map((a) => a.headers[CACHE_HEADER])).toEqual(['MISS', 'HIT', 'HIT', undefined]);
      const refused = answers[3];
      expect(refused.status).toBe(429);
      expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(refused.body.errors[0].extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS', limitPerMinute: 3 });
      expect(refused.body.errors[0].extensions.http).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});

describe('outside production', () => {
  it('keeps the cache off, so development and tests read their own writes at once', async () => {
    const t = await createTestApp();
    try {
      await createTaxonomies(t.ds);
      const http = t.server.app.getHttpServer();
      for (let i = 0; i < 2; i++) {
        const res = await request(http)
          .post('/graphql')
          .send({ query: DIRECTORY, variables: { first: 5 } });
        expect(res.body.errors).toBeUndefined();
        expect(res.headers[CACHE_HEADER]).toBeUndefined();
      }
    } finally {
      await t.close();
    }
  });
});

describe('ResponseCache', () => {
  let clock = 0;
  const cache = () => new ResponseCache({ ttlMs: 1_000, now: () => clock });
  /** Claims a key the way the plugin does (lookup → settle) and stores `data`. */
  const store = async (c: ResponseCache, key: string, data: Record<string, unknown> | null) => {
    const found = await c.lookup(key);
    if (!found || !('settle' in found)) throw new Error(`expected to claim ${key}`);
    found.settle(data);
  };

  it('lets one request compute a key while concurrent readers wait for its answer', async () => {
    clock = 0;
    const c = cache();
    const [first, second] = [c.lookup('k'), c.lookup('k')];
    const claimed = await first;
    expect(claimed).toEqual({ settle: expect.any(Function) });
    (claimed as { settle: (d: Record<string, unknown>) => void }).settle({ organisations: 1 });
    await expect(second).resolves.toEqual({ data: { organisations: 1 }, state: 'HIT' });
  });

  it('serves the previous answer while one request refreshes an expired key, within twice the TTL', async () => {
    clock = 0;
    const c = cache();
    await store(c, 'k', { v: 1 });
    clock = 999;
    expect(await c.lookup('k')).toEqual({ data: { v: 1 }, state: 'HIT' });
    clock = 1_000; // expired: the next reader refreshes …
    const refresh = (await c.lookup('k')) as { settle: (d: Record<string, unknown>) => void };
    expect(refresh).toEqual({ settle: expect.any(Function) });
    // … and the others get the previous answer meanwhile
    expect(await c.lookup('k')).toEqual({ data: { v: 1 }, state: 'STALE' });
    clock = 2_000; // beyond twice the TTL: wait for the refresh instead
    const waiting = c.lookup('k');
    refresh.settle({ v: 2 });
    await expect(waiting).resolves.toEqual({ data: { v: 2 }, state: 'HIT' });
    // the new entry is as old as the moment its query started (1,000)
    clock = 1_999;
    expect(await c.lookup('k')).toEqual({ data: { v: 2 }, state: 'HIT' });
    clock = 2_000;
    expect(await c.lookup('k')).toEqual({ settle: expect.any(Function) });
  });

  it('does not store failed answers and bounds the number of entries', async () => {
    clock = 0;
    const c = new ResponseCache({ ttlMs: 1_000, maxEntries: 2, now: () => clock });
    await store(c, 'failed', null);
    expect(await c.lookup('failed')).toEqual({ settle: expect.any(Function) });
    await store(c, 'a', { a: 1 });
    await store(c, 'b', { b: 1 });
    await store(c, 'c', { c: 1 });
    expect(c.size).toBe(2);
    expect(await c.lookup('a')).toEqual({ settle: expect.any(Function) });
  });

  it('bounds the memory: the serialized size of all entries stays within maxBytes', async () => {
    clock = 0;
    const c = new ResponseCache({ ttlMs: 1_000, maxBytes: 100, now: () => clock });
    const big = { text: 'x'.repeat(40) }; // 60 bytes as sent: {"data":{"text":"x…x"}} and a newline
    const sent = JSON.stringify({ data: big }).length + 1;
    await store(c, 'a', big);
    expect(c.sizeBytes).toBe(sent);
    await store(c, 'b', big); // 120 > 100: the oldest goes
    expect(c.size).toBe(1);
    expect(c.sizeBytes).toBe(sent);
    expect(await c.lookup('a')).toEqual({ settle: expect.any(Function) });
    await store(c, 'huge', { text: 'y'.repeat(200) }); // larger than the whole budget: never stored
    expect(c.sizeBytes).toBeLessThanOrEqual(100);
    expect(await c.lookup('huge')).toEqual({ settle: expect.any(Function) });
  });
});
