/**
 * Load benchmark (issue #9 part 6): the production build (server/dist/main.js, NODE_ENV=production) as a child
 * process on a loopback port, against the 100,000-organisation benchmark database, under three client groups
 * running in parallel for BENCH_LOAD_SECONDS (default 60):
 *   - directory: BENCH_DIRECTORY_CLIENTS (40) connections on the client's DirectoryList query, rotating through
 *     240 different searches (words, fields, languages, kinds, radius with distance order, typos, later pages)
 *   - coverage:  BENCH_COVERAGE_CLIENTS (10) connections on the client's Coverage query (gap view), rotating
 *     through every spatial field × grid/districts/language/catchment
 *     → together the 50 concurrent readers of the issue
 *   - editing:   BENCH_EDITOR_CLIENTS (5) signed-in coordinators, each editing its own 20 organisations with
 *     the client's UpdateOrganisation mutation (expected version, CSRF header), so every edit should apply
 * Prints per group requests, throughput, p50/p95/p99 latency and errors (non-2xx, GraphQL errors, timeouts and
 * connection errors) and PASS/FAIL for "directory p95 < 200 ms and 0 errors".
 * Needs `npm run build` first; BENCH_REUSE=1 reuses the generated data of an earlier run.
 * BENCH_SERVER_NODE_OPTIONS is passed to the server process (e.g. --cpu-prof --cpu-prof-dir=/tmp/prof).
 */
import autocannon from 'autocannon';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { CONCEPT_2008_TERMS, FIELD_OF_ACTION_TERMS, UserRole } from '@partneratlas/shared';
import { SESSION_OPTIONS, createDataSource } from '../../server/src/database/data-source';
import { seedReference } from '../../server/src/database/seed/reference';
import { hashPassword } from '../../server/src/modules/accounts/password';
import { ensureCoverageGrid } from '../../server/src/modules/coverage/coverage-grid';
import { CACHE_HEADER } from '../../server/src/graphql/response-cache';
import { benchDatabaseUrl, generateDirectory, loadTaxonomies, migrate, recreateDatabase } from './bench-db';
import { type LoopResult, clientOperation, coverageInputs, directorySearches, editorLoop, graphqlOk, signIn } from './load-client';
import { ms, summary } from './stats';

const ORGS = Number(process.env.BENCH_ORGS ?? 100_000);
const SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 60);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const DIRECTORY_CLIENTS = Number(process.env.BENCH_DIRECTORY_CLIENTS ?? 40);
const COVERAGE_CLIENTS = Number(process.env.BENCH_COVERAGE_CLIENTS ?? 10);
const EDITOR_CLIENTS = Number(process.env.BENCH_EDITOR_CLIENTS ?? 5);
const ORGS_PER_EDITOR = 20;
const TARGET_P95_MS = 200;
const REQUEST_TIMEOUT_S = 10;
const EDITOR_PASSWORD = 'Bench-Load-Passwort-2026!';
const ROOT = path.resolve(__dirname, '..', '..');

interface GroupResult {
  name: string;
  clients: number;
  seconds: number;
  latencies: number[];
  requests: number;
  non2xx: number;
  graphqlErrors: number;
  timeouts: number;
  failures: number;
  samples: string[];
  /** Answers by the server's cache header (HIT, STALE, MISS; none when not cacheable). */
  cache?: Record<string, number>;
}

/** CPU seconds used so far by a process (Linux /proc; NaN elsewhere). */
function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime in clock ticks (USER_HZ = 100)
  } catch {
    return NaN;
  }
}

/** CPU seconds used so far by the PostgreSQL backends of the benchmark database (same machine only; NaN elsewhere). */
function databaseCpuSeconds(database: string): number {
  try {
    const out = execFileSync('ps', ['-e', '-o', 'cputimes=,args='], { encoding: 'utf8' });
    return out
      .split('\n')
      .filter((line) => line.includes(`postgres ${database} `) || line.includes(` ${database} `))
      .reduce((sum, line) => sum + Number(line.trim().split(/\s+/)[0]), 0);
  } catch {
    return NaN;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** The 100k data set (generated, or reused with BENCH_REUSE=1), the reference data and grid for coverage, the editors. */
async function prepareDatabase(url: string): Promise<{ editors: { email: string; organisations: { id: string; version: number }[] }[] }> {
  let t0 = performance.now();
  const reuse = process.env.BENCH_REUSE === '1';
  if (!reuse) await recreateDatabase(url);
  await migrate(url); // also brings a reused database up to the build's migrations
  const c = new Client({ connectionString: url, options: SESSION_OPTIONS });
  await c.connect();
  try {
    if (!reuse) {
      await loadTaxonomies(c);
      await generateDirectory(c, ORGS, 2);
    }
    const [{ orgs, locs, svcs, cells }] = (
      await c.query(
        `SELECT (SELECT count(*)::int FROM organization) orgs, (SELECT count(*)::int FROM location) locs,
                (SELECT count(*)::int FROM service) svcs, (SELECT count(*)::int FROM area WHERE kind = 'GRID_CELL') cells`,
      )
    ).rows;
    if (orgs < ORGS) throw new Error(`the benchmark database has ${orgs} organisations, expected ${ORGS}: run without BENCH_REUSE=1`);
    if (!cells) {
      // the gap view needs the city boundary, the districts and the hexagon grid (idempotent upserts)
      const ds = createDataSource({ url, poolSize: 1 });
      await ds.initialize();
      try {
        await seedReference(ds);
        await ensureCoverageGrid(ds);
      } finally {
        await ds.destroy();
      }
      await c.query('ANALYZE area');
    }
    console.log(
      `${reuse ? 'reused' : 'generated'} ${orgs} organisations, ${locs} locations, ${svcs} services in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    t0 = performance.now();

    // Signed-in editors (coordinators publish directly), each with its own organisations so no two edit the same entry.
    const hash = await hashPassword(EDITOR_PASSWORD);
    const { rows: ids } = await c.query<{ id: string }>(`SELECT id FROM organization WHERE status = 'PUBLISHED' ORDER BY id LIMIT $1`, [
      EDITOR_CLIENTS * ORGS_PER_EDITOR,
    ]);
    const editors: { email: string; organisations: { id: string; version: number }[] }[] = [];
    for (let e = 0; e < EDITOR_CLIENTS; e++) {
      const email = `bench-editor-${e + 1}@bench.invalid`;
      await c.query(
        `INSERT INTO app_user (email, display_name, password_hash, role) VALUES ($1, $2, $3, $4)
         ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, disabled_at = NULL`,
        [email, `Bench editor ${e + 1}`, hash, UserRole.COORDINATOR],
      );
      editors.push({
        email,
        organisations: ids.slice(e * ORGS_PER_EDITOR, (e + 1) * ORGS_PER_EDITOR).map((r) => ({ id: r.id, version: 0 })),
      });
    }
    // sessions and sign-in attempts of earlier runs
    await c.query(`DELETE FROM user_session WHERE user_id IN (SELECT id FROM app_user WHERE email LIKE 'bench-editor-%@bench.invalid')`);
    await c.query(`DELETE FROM login_attempt WHERE email_key LIKE 'bench-editor-%'`);
    const { rows: versions } = await c.query<{ id: string; version: number }>(
      `SELECT id, version FROM organization WHERE id = ANY($1::uuid[])`,
      [ids.map((r) => r.id)],
    );
    const byId = new Map(versions.map((v) => [v.id, v.version]));
    for (const e of editors) for (const o of e.organisations) o.version = byId.get(o.id)!;
    console.log(
      `${EDITOR_CLIENTS} editors with ${ORGS_PER_EDITOR} organisations each, ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    return { editors };
  } finally {
    await c.end();
  }
}

function startProductionServer(url: string, port: number): { child: ChildProcess; output: () => string } {
  const tail: string[] = [];
  const child = spawn(process.execPath, [path.join(ROOT, 'server', 'dist', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NODE_OPTIONS: process.env.BENCH_SERVER_NODE_OPTIONS ?? '',
      DATABASE_URL: url,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      MIGRATIONS_RUN: 'false',
      SEED_ON_EMPTY: 'false',
      // the editors talk plain http on loopback
      COOKIE_SECURE: 'false',
      // rate limits on, but far above the bench's rate: their cost is measured, they never refuse
      RATE_LIMIT_IP_PER_MINUTE: '100000000',
      RATE_LIMIT_USER_PER_MINUTE: '100000000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => {
    tail.push(chunk.toString('utf8'));
    if (tail.length > 50) tail.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return { child, output: () => tail.join('') };
}

async function waitUntilHealthy(base: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${output()}`);
    for (const probe of ['/ready', '/health']) {
      try {
        const res = await fetch(`${base}${probe}`);
        if (res.ok) return;
      } catch {
        // not listening yet
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not become healthy within 60 s:\n${output()}`);
}

/** autocannon on /graphql with one document and rotating variables; every body is checked for GraphQL errors. */
function cannon(
  name: string,
  endpoint: string,
  clients: number,
  seconds: number,
  document: string,
  variables: unknown[],
  offset: number,
): Promise<GroupResult> {
  const latencies: number[] = [];
  const samples: string[] = [];
  let next = offset;
  let graphqlErrors = 0;
  const cache: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: endpoint,
        connections: clients,
        pipelining: 1,
        duration: seconds,
        timeout: REQUEST_TIMEOUT_S,
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            // a different search on every request, round robin over the whole list
            setupRequest: (req: Record<string, unknown>) => ({
              ...req,
              body: JSON.stringify({ query: document, variables: variables[next++ % variables.length] }),
            }),
            onResponse: (_status: number, _body: string, _context: unknown, headers: Record<string, string>) => {
              const state = headers[CACHE_HEADER] ?? 'none';
              cache[state] = (cache[state] ?? 0) + 1;
            },
          },
        ],
        verifyBody: (body: string) => {
          if (graphqlOk(body)) return true;
          graphqlErrors++;
          if (samples.length < 3) samples.push(body.slice(0, 300));
          return false;
        },
      },
      (err: Error | null, result: { requests: { total: number }; non2xx: number; errors: number; timeouts: number; duration: number }) => {
        if (err) return reject(err);
        resolve({
          name,
          clients,
          seconds: result.duration,
          latencies,
          requests: latencies.length,
          non2xx: result.non2xx,
          graphqlErrors,
          timeouts: result.timeouts,
          failures: Math.max(0, result.errors - result.timeouts),
          samples,
          cache,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
}

async function editors(
  endpoint: string,
  prepared: { email: string; organisations: { id: string; version: number }[] }[],
  sessions: EditorSession[],
  updateDocument: string,
  seconds: number,
): Promise<GroupResult> {
  const start = performance.now();
  const until = start + seconds * 1000;
  const loops: LoopResult[] = await Promise.all(
    prepared.map((e, i) => editorLoop(endpoint, sessions[i], updateDocument, e.organisations, until, `bench-editor-${i + 1}`)),
  );
  return {
    name: 'editing',
    clients: prepared.length,
    seconds: (performance.now() - start) / 1000,
    latencies: loops.flatMap((l) => l.latencies),
    requests: loops.reduce((a, l) => a + l.requests, 0),
    non2xx: loops.reduce((a, l) => a + l.non2xx, 0),
    graphqlErrors: loops.reduce((a, l) => a + l.graphqlErrors, 0),
    timeouts: 0,
    failures: loops.reduce((a, l) => a + l.failures, 0),
    samples: loops.flatMap((l) => l.samples).slice(0, 3),
  };
}

const errorsOf = (g: GroupResult) => g.non2xx + g.graphqlErrors + g.timeouts + g.failures;

function report(g: GroupResult): void {
  const s = summary(g.latencies);
  const pad = (t: string, n: number) => t.padEnd(n);
  console.log(
    `  ${pad(g.name, 10)} ${String(g.clients).padStart(3)} clients  ${String(g.requests).padStart(7)} requests  ` +
      `${(g.requests / g.seconds).toFixed(1).padStart(7)} req/s  p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  ` +
      `errors ${errorsOf(g)} (non-2xx ${g.non2xx}, GraphQL ${g.graphqlErrors}, timeouts ${g.timeouts}, other ${g.failures})`,
  );
  if (g.cache && Object.keys(g.cache).length) {
    const total = Object.values(g.cache).reduce((a, b) => a + b, 0);
    const parts = Object.entries(g.cache).map(([k, v]) => `${k} ${((100 * v) / total).toFixed(0)}%`);
    console.log(`             answers by server cache: ${parts.join(', ')}`);
  }
  for (const sample of g.samples) console.log(`      e.g. ${sample}`);
}

async function main(): Promise<void> {
  for (const built of [path.join(ROOT, 'server', 'dist', 'main.js'), path.join(ROOT, 'client', 'dist', 'index.html')]) {
    if (!existsSync(built))
      throw new Error(`${path.relative(ROOT, built)} is missing: run \`npm run build\` first (the bench measures the production build)`);
  }
  const url = benchDatabaseUrl();
  console.log(`load benchmark database: ${url.replace(/\/\/[^@]*@/, '//')}`);
  const { editors: prepared } = await prepareDatabase(url);

  const directoryDoc = clientOperation('directory', 'directory.graphql', 'DirectoryList');
  const coverageDoc = clientOperation('coverage', 'coverage.graphql', 'Coverage');
  const loginDoc = clientOperation('auth', 'auth.graphql', 'Login');
  const updateDoc = clientOperation('editing', 'editing.graphql', 'UpdateOrganisation');
  const searches = directorySearches(240);
  const spatial = [...FIELD_OF_ACTION_TERMS, ...CONCEPT_2008_TERMS].filter((t) => t.spatial).map((t) => t.code);
  const coverage = coverageInputs(spatial);

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const endpoint = `${base}/graphql`;
  const { child, output } = startProductionServer(url, port);
  const stop = () => {
    if (child.exitCode === null) child.kill('SIGTERM');
  };
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });
  try {
    let t0 = performance.now();
    await waitUntilHealthy(base, child, output);
    console.log(`production server (node server/dist/main.js) healthy on ${base} after ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    // The editors sign in first (the client's Login mutation), before the readers load the server.
    const sessions = await Promise.all(prepared.map((e) => signIn(endpoint, loginDoc, e.email, EDITOR_PASSWORD)));

    // Warm-up: every search once (plans, JIT, pools), then a short run of all readers at full concurrency (a coverage
    // variant can take seconds, so they are not run one by one).
    t0 = performance.now();
    const warmupFailures: string[] = [];
    const post = async (query: string, variables: unknown) => {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = await res.text();
      if (!res.ok || !graphqlOk(body)) warmupFailures.push(`HTTP ${res.status} ${body.slice(0, 300)} for ${JSON.stringify(variables)}`);
    };
    for (const v of searches) await post(directoryDoc, v);
    if (warmupFailures.length) {
      console.log(`warm-up: ${warmupFailures.length} requests failed, e.g.\n  ${warmupFailures.slice(0, 3).join('\n  ')}`);
    }
    // Coverage results are kept until the data changes (coverage-cache.ts); a server in service holds them for the
    // views people use. Every variant is asked for once (waiting while it is computed) and the cold computation
    // times are printed: they are the price of the first view after a change to the data.
    t0 = performance.now();
    const cold: number[] = [];
    let kept = 0;
    for (const v of coverage) {
      const started = performance.now();
      for (;;) {
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: coverageDoc, variables: v }),
        });
        const body = await res.text();
        if (res.ok && graphqlOk(body)) break;
        if (!body.includes('"COMPUTING"'))
          throw new Error(`coverage warm-up failed for ${JSON.stringify(v)}: HTTP ${res.status} ${body.slice(0, 300)}`);
        await new Promise((r) => setTimeout(r, 1_000));
      }
      const took = performance.now() - started;
      if (took < 1_000) kept++;
      else cold.push(took);
    }
    const coldSummary = cold.length ? summary(cold) : null;
    console.log(
      `coverage results ready for ${coverage.length} variants in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${kept} answered within 1 s ` +
        `(kept from an earlier run, or quick), ${cold.length} waited for` +
        (coldSummary ? ` (first answer after p50 ${ms(coldSummary.p50)}, max ${ms(Math.max(...cold))})` : ''),
    );
    if (WARMUP_SECONDS > 0) {
      await Promise.all([
        cannon('warm-up', endpoint, DIRECTORY_CLIENTS, WARMUP_SECONDS, directoryDoc, searches, 0),
        COVERAGE_CLIENTS ? cannon('warm-up', endpoint, COVERAGE_CLIENTS, WARMUP_SECONDS, coverageDoc, coverage, 0) : null,
      ]);
    }
    console.log(`warmed up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    console.log(
      `running ${SECONDS} s: ${DIRECTORY_CLIENTS} directory + ${COVERAGE_CLIENTS} coverage clients (anonymous) and ${EDITOR_CLIENTS} editing clients (signed in) in parallel`,
    );
    const database = new URL(url).pathname.slice(1);
    const load0 = loadavg()[0];
    const cpu0 = { server: cpuSeconds(child.pid), db: databaseCpuSeconds(database) };
    const groups = (
      await Promise.all([
        cannon('directory', endpoint, DIRECTORY_CLIENTS, SECONDS, directoryDoc, searches, 7),
        COVERAGE_CLIENTS ? cannon('coverage', endpoint, COVERAGE_CLIENTS, SECONDS, coverageDoc, coverage, 3) : null,
        EDITOR_CLIENTS ? editors(endpoint, prepared, sessions, updateDoc, SECONDS) : null,
      ])
    ).filter((g): g is GroupResult => g !== null);
    if (child.exitCode !== null) throw new Error(`the server exited during the run (code ${child.exitCode}):\n${output()}`);

    console.log(
      `load: ${searches.length} different directory searches (client DirectoryList, 20 per page), ${coverage.length} coverage variants ` +
        `(client Coverage, ${spatial.length} spatial fields), edits with UpdateOrganisation; production build, loopback`,
    );
    groups.forEach(report);
    const all = groups.reduce((a, g) => a + g.requests, 0);
    const serverCpu = cpuSeconds(child.pid) - cpu0.server;
    const dbCpu = databaseCpuSeconds(database) - cpu0.db;
    console.log(
      `  CPU per request (all groups): server ${((1000 * serverCpu) / all).toFixed(1)} ms, PostgreSQL ${((1000 * dbCpu) / all).toFixed(1)} ms; ` +
        `machine load average ${load0.toFixed(1)} at the start, ${loadavg()[0].toFixed(1)} at the end (${availableParallelism()} cores)`,
    );
    const directory = groups.find((g) => g.name === 'directory')!;
    const p95 = summary(directory.latencies).p95;
    const errors = groups.reduce((a, g) => a + errorsOf(g), 0);
    const pass = p95 < TARGET_P95_MS && errors === 0;
    console.log(
      `${pass ? 'PASS' : 'FAIL'}: directory p95 ${ms(p95)} (target < ${TARGET_P95_MS} ms) at ${DIRECTORY_CLIENTS} + ${COVERAGE_CLIENTS} concurrent readers ` +
        `and ${EDITOR_CLIENTS} editors; ${errors} errors (target 0)`,
    );
    process.exitCode = pass ? 0 : 1;
  } finally {
    stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
