import type { DataSource } from 'typeorm';
import { createOrganisation, createTaxonomies } from './support/factories';
import { createSquareArea, utmToLatLng, X0, Y0 } from './support/coverage-fixtures';
import { ANONYMOUS } from '../src/common/viewer';
import { CoverageResultCache } from '../src/modules/coverage/coverage-cache';
import { CoverageService } from '../src/modules/coverage/coverage.service';
import { CoverageUnitKind } from '../src/modules/coverage/dto/coverage.input';
import { createTestApp, TestApp } from './support/test-app';

/**
 * Coverage results are kept until the data they depend on changes (coverage-cache.ts, migration
 * 1796600000000): the data version, what raises it and what does not, results from memory and from the table,
 * out-of-date results of long computations, and the COMPUTING answer when a computation outlasts the request.
 */
const COVERAGE = `
  query Coverage($input: CoverageInput!) {
    coverage(input: $input) { computedAt upToDate providerCount units { name providersInReach gap } }
  }`;
const MATRIX = `{ coverageMatrix(unit: DISTRICT) { computedAt upToDate fields { fieldOfAction { code } providerCount } } }`;

type Result = { computedAt: string; upToDate: boolean; providerCount: number; units: { name: string; providersInReach: number }[] };

const dataVersion = async (ds: DataSource): Promise<number> =>
  Number((await ds.query(`SELECT data_version FROM coverage_state WHERE id = 1`))[0].data_version);

async function fixture(t: TestApp): Promise<{ orgId: string; place: (dx: number) => Promise<{ lat: number; lng: number }> }> {
  await createTaxonomies(t.ds);
  await createSquareArea(t.ds, { name: 'A', x: X0, y: Y0, population: 1000 });
  await createSquareArea(t.ds, { name: 'B', x: X0 + 3000, y: Y0, population: 500 });
  const place = (dx: number) => utmToLatLng(t.ds, X0 + dx, Y0);
  const orgId = await createOrganisation(t.ds, {
    name: 'Sprachschule Cache',
    description: 'vorher',
    locations: [await place(100)],
    services: [{ name: 'Deutschkurs', fields: ['sprache'], languages: ['de'] }],
  });
  return { orgId, place };
}

describe('coverage result cache', () => {
  let t: TestApp;
  let orgId: string;
  let place: (dx: number) => Promise<{ lat: number; lng: number }>;
  const coverage = async (): Promise<Result> => {
    const res = await t.gql<{ coverage: Result }>(COVERAGE, { input: { fieldOfAction: 'sprache', unit: 'DISTRICT' } });
    expect(res.errors).toBeUndefined();
    return res.data!.coverage;
  };
  const reach = (r: Result) => Object.fromEntries(r.units.map((u) => [u.name, u.providersInReach]));

  beforeAll(async () => {
    t = await createTestApp();
    ({ orgId, place } = await fixture(t));
  });
  afterAll(() => t?.close());

  it('serves a kept result until the data changes, and a new one right after a change', async () => {
    const first = await coverage();
    expect(first.upToDate).toBe(true);
    expect(reach(first)).toEqual({ A: 1, B: 0 });
    const again = await coverage();
    expect(again.computedAt).toBe(first.computedAt); // kept, not computed again
    await t.server.app.get(CoverageResultCache).settled(); // written to the table after the answer
    expect(Number((await t.ds.query(`SELECT count(*) FROM coverage_result`))[0].count)).toBeGreaterThan(0);

    // a provider near B: the very next request shows it
    await createOrganisation(t.ds, {
      name: 'Sprachcafé B',
      locations: [await place(2900)],
      services: [{ name: 'Sprachcafé', fields: ['sprache'], languages: ['de'] }],
    });
    const after = await coverage();
    expect(after.upToDate).toBe(true);
    expect(after.computedAt).not.toBe(first.computedAt);
    expect(reach(after)).toEqual({ A: 1, B: 1 });
    expect(after.providerCount).toBe(2);
  });

  it('raises the data version once per transaction that changes what coverage reads, not for other edits', async () => {
    let v = await dataVersion(t.ds);
    // a description is not read by coverage: the kept result stays valid
    await t.ds.query(`UPDATE organization SET description = 'nachher' WHERE id = $1`, [orgId]);
    await t.ds.query(`UPDATE service SET description = 'neu' WHERE organisation_id = $1`, [orgId]);
    expect(await dataVersion(t.ds)).toBe(v);
    const kept = await coverage();
    expect((await coverage()).computedAt).toBe(kept.computedAt);

    // many rows in one transaction: one step
    await t.ds.transaction(async (m) => {
      await m.query(
        `UPDATE location SET geom = ST_SetSRID(ST_MakePoint(ST_X(geom::geometry) + 0.00001, ST_Y(geom::geometry)), 4326)::geography`,
      );
      await m.query(`UPDATE service SET capacity = 10`);
    });
    expect(await dataVersion(t.ds)).toBe(v + 1);
    v += 1;
    // a rolled-back change raises nothing
    await t.ds
      .transaction(async (m) => {
        await m.query(`UPDATE service SET status = 'DRAFT' WHERE organisation_id = $1`, [orgId]);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    expect(await dataVersion(t.ds)).toBe(v);

    // each kind of change coverage depends on
    const changes = [
      `UPDATE organization SET status = 'DRAFT' WHERE id = '${orgId}'`,
      `UPDATE organization SET status = 'PUBLISHED' WHERE id = '${orgId}'`,
      `UPDATE service SET languages = '{de,ar}' WHERE organisation_id = '${orgId}'`,
      `DELETE FROM service_taxonomy_term WHERE term_code = 'sprache' AND service_id IN (SELECT id FROM service WHERE organisation_id = '${orgId}')`,
      `INSERT INTO service_taxonomy_term (service_id, term_code) SELECT id, 'sprache' FROM service WHERE organisation_id = '${orgId}'`,
      `UPDATE area_statistic SET population = population + 1`,
      `UPDATE area SET name = name || ' ' WHERE kind = 'DISTRICT'`,
      `UPDATE area SET name = rtrim(name) WHERE kind = 'DISTRICT'`,
    ];
    for (const sql of changes) {
      await t.ds.query(sql);
      expect({ sql, version: await dataVersion(t.ds) }).toEqual({ sql, version: v + 1 });
      v += 1;
    }
    // an organisation taken off-line disappears from the next answer
    await t.ds.query(`UPDATE organization SET status = 'ARCHIVED' WHERE id = $1`, [orgId]);
    expect(reach(await coverage())).toEqual({ A: 0, B: 1 });
    await t.ds.query(`UPDATE organization SET status = 'PUBLISHED' WHERE id = $1`, [orgId]);
    expect(reach(await coverage())).toEqual({ A: 1, B: 1 });
  });

  it('keeps the matrix too, and computes it again after a change', async () => {
    const m1 = (await t.gql(MATRIX)).data!.coverageMatrix;
    const m2 = (await t.gql(MATRIX)).data!.coverageMatrix;
    expect(m2.computedAt).toBe(m1.computedAt);
    await t.ds.query(`UPDATE service SET capacity = 20 WHERE organisation_id = $1`, [orgId]);
    const m3 = (await t.gql(MATRIX)).data!.coverageMatrix;
    expect(m3.computedAt).not.toBe(m1.computedAt);
    expect(m3.upToDate).toBe(true);
  });

  // a second instance needs a database server: the embedded PGlite serves one process (and one connection) only
  const onPostgres = process.env.DATABASE_URL ? it : it.skip;
  onPostgres('answers from the shared table on another instance (nothing kept only in memory)', async () => {
    const first = await coverage();
    await t.server.app.get(CoverageResultCache).settled();
    const other = await createTestApp({}, { db: t.db });
    try {
      const res = await other.gql<{ coverage: Result }>(COVERAGE, { input: { fieldOfAction: 'sprache', unit: 'DISTRICT' } });
      expect(res.data!.coverage.computedAt).toBe(first.computedAt);
    } finally {
      await other.close();
    }
  });
});

describe('coverage result cache: long computations', () => {
  let t: TestApp;
  let place: (dx: number) => Promise<{ lat: number; lng: number }>;
  const input = { fieldOfAction: 'sprache', unit: 'DISTRICT' };

  // every computation counts as long (budget 0): out-of-date results are served while the new one runs; a request
  // waits at most GRAPHQL_TIMEOUT_MS - 1 s for a computation
  beforeAll(async () => {
    t = await createTestApp({ COVERAGE_SYNC_BUDGET_MS: '0', GRAPHQL_TIMEOUT_MS: '2500' });
    ({ place } = await fixture(t));
  });
  afterAll(() => t?.close());

  it('serves the previous result, marked not up to date, while the new one is computed; then the new one', async () => {
    const first = (await t.gql<{ coverage: Result }>(COVERAGE, { input })).data!.coverage;
    expect(first.upToDate).toBe(true);
    await createOrganisation(t.ds, {
      name: 'Sprachcafé B',
      locations: [await place(2900)],
      services: [{ name: 'Sprachcafé', fields: ['sprache'], languages: ['de'] }],
    });
    const stale = (await t.gql<{ coverage: Result }>(COVERAGE, { input })).data!.coverage;
    expect(stale.upToDate).toBe(false);
    expect(stale.computedAt).toBe(first.computedAt);
    expect(stale.providerCount).toBe(1);
    let fresh = stale;
    for (let i = 0; i < 50 && !fresh.upToDate; i++) {
      await new Promise((r) => setTimeout(r, 100));
      fresh = (await t.gql<{ coverage: Result }>(COVERAGE, { input })).data!.coverage;
    }
    expect(fresh.upToDate).toBe(true);
    expect(fresh.providerCount).toBe(2);
  });

  // holding the new computation back takes a second connection, which the embedded PGlite has not
  (process.env.DATABASE_URL ? it : it.skip)(
    'compares a what-if with the figures of the moment, not with a kept out-of-date result',
    async () => {
      const variant = { ...input, catchmentMeters: 1600 };
      const WHAT_IF = `query W($input: CoverageWhatIfInput!) { coverageWhatIf(input: $input) { before { unitCount } coverage { summary { unitCount } } } }`;
      await t.gql(COVERAGE, { input: variant }); // kept; with budget 0 it is shown out of date after a change
      const blocker = t.ds.createQueryRunner();
      await blocker.connect();
      await blocker.startTransaction();
      await blocker.query(`LOCK TABLE service_taxonomy_term IN ACCESS EXCLUSIVE MODE`); // holds new computations back
      try {
        await createSquareArea(t.ds, { name: 'C', x: X0 + 8000, y: Y0, population: 50 });
        const at = await place(100);
        const pending = t.gql(WHAT_IF, { input: { ...variant, lat: at.lat, lng: at.lng } });
        await new Promise((r) => setTimeout(r, 300));
        await blocker.rollbackTransaction();
        const res = await pending;
        expect(res.errors).toBeUndefined();
        expect(res.data!.coverageWhatIf.coverage.summary.unitCount).toBe(3);
        expect(res.data!.coverageWhatIf.before.unitCount).toBe(3);
      } finally {
        if (blocker.isTransactionActive) await blocker.rollbackTransaction();
        await blocker.release();
      }
    },
  );

  it('gives evaluation snapshots the figures of the moment, never an out-of-date result', async () => {
    const service = t.server.app.get(CoverageService);
    const before = await service.matrix(CoverageUnitKind.DISTRICT, undefined, ANONYMOUS, { current: true });
    await createOrganisation(t.ds, {
      name: 'Sprachtreff Snapshot',
      locations: [await place(3100)],
      services: [{ name: 'Sprachtreff', fields: ['sprache'], languages: ['de'] }],
    });
    const served = await service.matrix(CoverageUnitKind.DISTRICT, undefined, ANONYMOUS);
    expect(served.upToDate).toBe(false); // what a page gets at once: the earlier figures, marked
    const snapshot = await service.matrix(CoverageUnitKind.DISTRICT, undefined, ANONYMOUS, { current: true });
    expect(snapshot.upToDate).toBe(true);
    const providers = (m: typeof before) => m.fields.find((f) => f.fieldOfAction.code === 'sprache')!.providerCount;
    expect(providers(snapshot)).toBe(providers(before) + 1);
  });

  // holding the computation back takes a second connection, which the embedded PGlite (one connection) has not
  const onPostgres = process.env.DATABASE_URL ? it : it.skip;

  onPostgres('does not pass off a computation begun before the latest change as up to date', async () => {
    const POPULATION = `query P($input: CoverageInput!) { coverage(input: $input) { upToDate units { name population } } }`;
    const variant = { ...input, catchmentMeters: 1500 + 7 }; // parameters never computed before
    const blocker = t.ds.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`LOCK TABLE service_taxonomy_term IN ACCESS EXCLUSIVE MODE`);
    try {
      // a computation starts (its snapshot: before the change below) and is held back; the request gives up waiting
      const first = await t.gql(POPULATION, { input: variant });
      expect(first.errors?.[0].extensions).toMatchObject({ reason: 'COMPUTING' });
      await t.ds.query(`UPDATE area_statistic SET population = 4321 WHERE area_id = (SELECT id FROM area WHERE name = 'A')`);
      const second = t.gql<{ coverage: { upToDate: boolean; units: { name: string; population: number }[] } }>(POPULATION, {
        input: variant,
      });
      await new Promise((r) => setTimeout(r, 300));
      await blocker.rollbackTransaction();
      const answer = await second;
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.coverage.upToDate).toBe(true);
      expect(answer.data!.coverage.units.find((u) => u.name === 'A')!.population).toBe(4321);
    } finally {
      if (blocker.isTransactionActive) await blocker.rollbackTransaction();
      await blocker.release();
    }
  });
  onPostgres('answers SERVICE_UNAVAILABLE / COMPUTING when a first computation outlasts the request, and keeps computing', async () => {
    const catchment = { ...input, catchmentMeters: 1234 }; // parameters never computed before
    // hold the computation back: it reads service_taxonomy_term, which another transaction locks
    const blocker = t.ds.createQueryRunner();
    await blocker.connect();
    await blocker.startTransaction();
    await blocker.query(`LOCK TABLE service_taxonomy_term IN ACCESS EXCLUSIVE MODE`);
    let res;
    try {
      const started = Date.now();
      res = await t.gql(COVERAGE, { input: catchment });
      expect(Date.now() - started).toBeLessThan(2500);
    } finally {
      await blocker.rollbackTransaction();
      await blocker.release();
    }
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', reason: 'COMPUTING' });
    expect(res.errors?.[0].extensions?.retryAfterSeconds).toBeGreaterThanOrEqual(2);
    expect(res.errors?.[0].message).toMatch(/being computed/);
    // the computation went on once the lock was gone: the same request now succeeds
    let done;
    for (let i = 0; i < 50; i++) {
      done = await t.gql<{ coverage: Result }>(COVERAGE, { input: catchment });
      if (!done.errors) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(done!.errors).toBeUndefined();
    expect(done!.data!.coverage.upToDate).toBe(true);
  });
});
