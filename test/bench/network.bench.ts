/**
 * Network and partner finder benchmark (issue "Stakeholder network and partner finder").
 * - `network` with metrics over 2,000 organisations and 10,000 relationships (members of one network) — target < 1 s.
 * - `partnerSuggestions` over 100,000 organisations (for a need and for an organisation) — target p95 < 200 ms.
 * Runs on a separate PostgreSQL database (see bench-db.ts), through the GraphQL endpoint.
 */
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { startServer } from '../../server/src/bootstrap';
import { loadConfig } from '../../server/src/config/config';
import { NETWORK_MIGRATION_NAME } from '../../server/src/modules/partners/partners.service';
import { benchDatabaseUrl, generateDirectory, loadTaxonomies, migrate, recreateDatabase } from './bench-db';
import { ms, summary } from './stats';

const ORGS = Number(process.env.BENCH_ORGS ?? 100_000);
const NETWORK_ORGS = 2000;
const NETWORK_RELATIONSHIPS = 10_000;
const RUNS = Number(process.env.BENCH_RUNS ?? 100);
const NETWORK_RUNS = Number(process.env.BENCH_NETWORK_RUNS ?? 10);
const WARMUP = 10;

const NETWORK = `query($filter: NetworkFilter) {
  network(filter: $filter) {
    nodes { organisation { id name } degree betweenness community bridge isolated }
    edges { source target type }
    summary { density components isolated bridges communities }
  }
}`;

const SUGGEST = `query($input: PartnerSuggestionInput!) {
  partnerSuggestions(input: $input, first: 20) {
    organisation { id name } score components { name value } reasons { component de en } distanceMeters
  }
}`;

const FIELDS = ['sprache', 'beratung', 'frauen-familie', 'arbeit'];
const LANGS = ['ar', 'tr', 'fa', 'uk'];

function pointFor(i: number) {
  const x = Math.abs((Math.sin(i * 12.9898) * 43758.5453) % 1);
  const y = Math.abs((Math.sin(i * 78.233) * 12345.6789) % 1);
  return { lat: 51.5 + y * 0.07, lng: 9.85 + x * 0.16 };
}

async function generateNetwork(c: Client): Promise<string> {
  const [{ id: network }] = (await c.query(`INSERT INTO network (name) VALUES ('Bench-Netzwerk') RETURNING id`)).rows;
  const [{ id: nm }] = (await c.query(`INSERT INTO network (name) VALUES ($1) RETURNING id`, [NETWORK_MIGRATION_NAME])).rows;
  await c.query(`SELECT setseed(0.17)`);
  // 2,000 members, in 20 groups of 100 that mostly relate among themselves (communities), and 10,000 relationships
  await c.query(
    `CREATE TEMP TABLE members AS SELECT row_number() OVER (ORDER BY id) - 1 AS k, id FROM (SELECT id FROM organization ORDER BY id LIMIT $1) x`,
    [NETWORK_ORGS],
  );
  await c.query(`INSERT INTO network_membership (network_id, organisation_id) SELECT $1, id FROM members`, [network]);
  await c.query(`INSERT INTO network_membership (network_id, organisation_id) SELECT $1, id FROM members WHERE k % 4 = 0`, [nm]);
  await c.query(
    `INSERT INTO organisation_relationship (source_organisation_id, target_organisation_id, type, valid_from)
     SELECT s.id, t.id, (enum_range(NULL::relationship_type))[1 + (g % 5)], DATE '2015-01-01' + (g % 3000)
       FROM generate_series(1, $1::int) g,
            -- g * 0 correlates the sub-select with the row, so that random() is drawn per relationship
            LATERAL (SELECT floor(random() * $2 + g * 0)::int AS a, random() AS r, floor(random() * 100)::int AS off, floor(random() * $2)::int AS far) p
       JOIN members s ON s.k = p.a
       JOIN members t ON t.k = CASE WHEN p.r < 0.9 THEN (p.a / 100) * 100 + (p.a % 100 + 1 + p.off % 99) % 100 ELSE p.far END
      WHERE s.id <> t.id`,
    [NETWORK_RELATIONSHIPS, NETWORK_ORGS],
  );
  // relationships across the whole directory so that "partners of partners" has work to do
  await c.query(
    `WITH o AS MATERIALIZED (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organization)
     INSERT INTO organisation_relationship (source_organisation_id, target_organisation_id, type)
     SELECT a.id, b.id, 'COOPERATION' FROM o a JOIN o b ON b.n = 1 + (a.n * 7919) % $1
      WHERE a.n % 5 = 0 AND a.id <> b.id`,
    [ORGS],
  );
  await c.query('ANALYZE');
  return network;
}

async function main(): Promise<void> {
  const url = benchDatabaseUrl();
  console.log(`benchmark database: ${url.replace(/\/\/[^@]*@/, '//')}`);
  let t0 = performance.now();
  await recreateDatabase(url);
  await migrate(url);
  const c = new Client({ connectionString: url });
  await c.connect();
  await loadTaxonomies(c);
  await generateDirectory(c, ORGS, 2);
  const network = await generateNetwork(c);
  const [{ orgs, rels }] = (
    await c.query(`SELECT (SELECT count(*) FROM organization) orgs, (SELECT count(*) FROM organisation_relationship) rels`)
  ).rows;
  const [{ nrels }] = (
    await c.query(
      `SELECT count(*) nrels FROM organisation_relationship r JOIN network_membership a ON a.organisation_id = r.source_organisation_id AND a.network_id = $1
         JOIN network_membership b ON b.organisation_id = r.target_organisation_id AND b.network_id = $1`,
      [network],
    )
  ).rows;
  const sample: string[] = (await c.query(`SELECT id FROM organization ORDER BY id LIMIT 200`)).rows.map((r: { id: string }) => r.id);
  await c.end();
  console.log(
    `generated ${orgs} organisations and ${rels} relationships (${nrels} among the ${NETWORK_ORGS} network members) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
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
  const post = async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { errors?: unknown; data?: T };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!;
  };

  // ---- network with metrics ----
  type G = { network: { nodes: unknown[]; edges: unknown[]; summary: Record<string, number> } };
  let last: G | null = null;
  await post<G>(NETWORK, { filter: { networkIds: [network] } });
  const net: number[] = [];
  for (let i = 0; i < NETWORK_RUNS; i++) {
    t0 = performance.now();
    last = await post<G>(NETWORK, { filter: { networkIds: [network] } });
    net.push(performance.now() - t0);
  }
  const n = summary(net);
  console.log(
    `network with metrics: ${last!.network.nodes.length} organisations, ${last!.network.edges.length} relationships, ${NETWORK_RUNS} runs; ` +
      `summary ${JSON.stringify(last!.network.summary)}`,
  );
  console.log(`  GraphQL  p50 ${ms(n.p50)}  max ${ms(Math.max(...net))}   (target < 1 s: ${n.p50 < 1000 ? 'met' : 'NOT met'})`);

  // ---- partner suggestions ----
  const needInput = (i: number) => ({
    need: {
      fieldsOfAction: [FIELDS[i % FIELDS.length]],
      near: { ...pointFor(i), radiusMeters: 3000 },
      languages: [LANGS[i % LANGS.length]],
      targetGroups: ['gefluechtete'],
    },
  });
  const orgInput = (i: number) => ({ organisationId: sample[i % sample.length] });
  for (const [label, input] of [
    ['for a need (field + 3 km + language + target group)', needInput],
    ['for an organisation (complementary fields, proximity)', orgInput],
  ] as const) {
    for (let i = 0; i < WARMUP; i++) await post(SUGGEST, { input: input(i) });
    const times: number[] = [];
    let count = 0;
    for (let i = 0; i < RUNS; i++) {
      t0 = performance.now();
      const d = await post<{ partnerSuggestions: unknown[] }>(SUGGEST, { input: input(i + WARMUP) });
      times.push(performance.now() - t0);
      count += d.partnerSuggestions.length;
    }
    const s = summary(times);
    console.log(
      `partnerSuggestions over ${orgs} organisations, ${label}, 20 results, ${RUNS} runs, avg ${(count / RUNS).toFixed(1)} results`,
    );
    console.log(
      `  GraphQL  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}   (target p95 < 200 ms: ${s.p95 < 200 ? 'met' : 'NOT met'})`,
    );
  }
  await server.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
