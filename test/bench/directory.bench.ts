/**
 * Directory search benchmark (issue "Foundation"): 100,000 synthetic organisations with 200,000
 * locations in a separate PostgreSQL database; p50/p95 of the search (text + field + radius,
 * 20 results with nested fields) through the GraphQL endpoint and of the page query as raw SQL.
 * Targets: GraphQL p95 ≤ 50 ms; GraphQL p50 ≤ 3 × raw SQL p50.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { OrganisationOrder, PublicationStatus } from '@partneratlas/shared';
import { startServer } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config/config';
import { SESSION_OPTIONS } from '../../server/src/database/data-source';
import { buildPageQuery } from '../../server/src/modules/organisations/organisation-search.sql';
import { benchDatabaseUrl, generateDirectory, loadTaxonomies, migrate, recreateDatabase } from './bench-db';
import { ms, summary } from './stats';

const ORGS = Number(process.env.BENCH_ORGS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 300);
const WARMUP = 30;

const QUERY = `query Bench($filter: OrganisationFilter!) {
  organisations(filter: $filter, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      id name kind distanceMeters languages verificationStatus lastConfirmedAt
      locations { id street postcode latitude longitude schedules { byday opensAt closesAt } }
      services { id name languages fieldsOfAction { code nameDe } targetGroups { code } }
      memberships { role network { name } }
    }
  }
}`;

const TEXTS = [
  'Beratung',
  'Sprachkurs',
  'Familienzentrum',
  'Kulturverein',
  'Migrationsberatung',
  'Jugendtreff',
  'Frauencafé',
  'Integrationskurs',
];
const FIELDS = ['sprache', 'beratung', 'frauen-familie', 'arbeit'];

function filterFor(i: number) {
  // deterministic pseudo-random points inside the generated area
  const x = (Math.sin(i * 12.9898) * 43758.5453) % 1;
  const y = (Math.sin(i * 78.233) * 12345.6789) % 1;
  return {
    text: TEXTS[i % TEXTS.length],
    fieldsOfAction: [FIELDS[i % FIELDS.length]],
    near: { lat: 51.5 + Math.abs(y) * 0.07, lng: 9.85 + Math.abs(x) * 0.16, radiusMeters: 2000 },
  };
}

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  console.log(`benchmark database: ${url.replace(/\/\/[^@]*@/, '//')}`);
  let t0 = performance.now();
  // BENCH_REUSE=1 measures again on the data of the previous run (generation takes about a minute)
  const reuse = process.env.BENCH_REUSE === '1';
  if (!reuse) {
    await recreateDatabase(url);
    await migrate(url);
  }
  const c = new Client({ connectionString: url, options: SESSION_OPTIONS });
  await c.connect();
  if (!reuse) {
    await loadTaxonomies(c);
    await generateDirectory(c, ORGS, 2);
  }
  const [{ orgs, locs, svcs }] = (
    await c.query(
      `SELECT (SELECT count(*) FROM organization) orgs, (SELECT count(*) FROM location) locs, (SELECT count(*) FROM service) svcs`,
    )
  ).rows;
  console.log(
    `${reuse ? 'reused' : 'generated'} ${orgs} organisations, ${locs} locations, ${svcs} services in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const server = await startServer(
    loadConfig({
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      PORT: '0',
      HOST: '127.0.0.1',
      SEED_ON_EMPTY: 'false',
      MIGRATIONS_RUN: 'false',
    }),
    { logger: ['error'] },
  );
  const endpoint = `${server.url}/graphql`;
  const post = async (i: number) => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, variables: { filter: filterFor(i) } }),
    });
    const body = (await res.json()) as { errors?: unknown; data?: { organisations: { totalCount: number } } };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.organisations.totalCount;
  };

  let matched = 0;
  for (let i = 0; i < WARMUP; i++) await post(i);
  const gql: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    t0 = performance.now();
    matched += await post(i);
    gql.push(performance.now() - t0);
  }
  await server.close();

  const raw: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const q = buildPageQuery(filterFor(i), OrganisationOrder.RELEVANCE, [PublicationStatus.PUBLISHED], 20, 0);
    t0 = performance.now();
    await c.query(q.sql, q.values);
    if (i >= WARMUP) raw.push(performance.now() - t0);
  }
  await c.end();

  const g = summary(gql);
  const r = summary(raw);
  console.log(
    `directory search: text + field of action + 2 km radius, 20 results with nested fields, ${RUNS} runs, avg ${Math.round(matched / RUNS)} matches`,
  );
  console.log(`  GraphQL  p50 ${ms(g.p50)}  p95 ${ms(g.p95)}  p99 ${ms(g.p99)}   (target p95 ≤ 50 ms: ${g.p95 <= 50 ? 'met' : 'NOT met'})`);
  console.log(`  raw SQL  p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  p99 ${ms(r.p99)}`);
  console.log(`  GraphQL p50 / raw SQL p50 = ${(g.p50 / r.p50).toFixed(2)}   (target ≤ 3: ${g.p50 / r.p50 <= 3 ? 'met' : 'NOT met'})`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
