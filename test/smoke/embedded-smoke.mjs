#!/usr/bin/env node
// Smoke test of the production build on the embedded database (PGlite + PostGIS).
//
//   npm run build && node test/smoke/embedded-smoke.mjs
//
// Starts `node server/dist/main.js` with NODE_ENV=production, a fresh temporary DATA_DIR, a free
// PORT and no DATABASE_URL; checks /health, the seed, input validation and error masking, a clean
// SIGTERM shutdown, then starts again on the same DATA_DIR and checks that the data persisted and
// was not seeded twice. Prints `ok - …` / `not ok - …` per check and `smoke: N passed, N failed`
// last; exits 1 on any failure. Only Node built-ins.
//
// Environment: SMOKE_VERBOSE=1 streams the server's output; SMOKE_KEEP_DATA=1 keeps the DATA_DIR.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = join(ROOT, 'server', 'dist', 'main.js');
const STARTUP_TIMEOUT_MS = 120_000;
const SHUTDOWN_TIMEOUT_MS = 20_000;
const REQUEST_TIMEOUT_MS = 15_000;
const VERBOSE = process.env.SMOKE_VERBOSE === '1';

const ORGANISATIONS_QUERY = '{ organisations(first: 5) { totalCount nodes { id name } } }';
const INVALID_QUERY = '{ organisations(first: 1000) { totalCount } }';

let passed = 0;
let failed = 0;
let dataDir;
/** Every server process started, so that the exit handler can kill whatever is still running. */
const servers = new Set();

function check(ok, description, detail) {
  if (ok) {
    passed += 1;
    console.log(`ok - ${description}`);
  } else {
    failed += 1;
    console.log(`not ok - ${description}`);
    if (detail) console.log(indent(detail));
  }
  return ok;
}

function indent(text) {
  return String(text)
    .split('\n')
    .map((line) => `#   ${line}`)
    .join('\n');
}

function abbreviate(value, max = 600) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Resolves like `promise`, or to `null` after `ms`; the timer never outlives the race. */
function within(promise, ms) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Environment of the server: the caller's, minus anything that would bypass the embedded defaults. */
function serverEnv(dataDir, port) {
  const env = { ...process.env };
  for (const key of ['DATABASE_URL', 'EMBEDDED_DB_PORT', 'MIGRATIONS_RUN', 'SEED_ON_EMPTY', 'CLIENT_DIST']) {
    delete env[key];
  }
  return { ...env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir };
}

async function startServer(label, dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, [ENTRY], {
    cwd: ROOT,
    env: serverEnv(dataDir, port),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const server = {
    label,
    child,
    baseUrl: `http://127.0.0.1:${port}`,
    output: [],
    exit: null,
    exited: null,
  };
  server.exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      server.exit = { code, signal };
      servers.delete(server);
      resolve(server.exit);
    });
    child.on('error', (error) => {
      server.output.push(`spawn error: ${error.message}`);
      server.exit = { code: null, signal: null, error };
      servers.delete(server);
      resolve(server.exit);
    });
  });
  const collect = (chunk) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line === '') continue;
      server.output.push(line);
      if (server.output.length > 200) server.output.shift();
      if (VERBOSE) console.log(`# [${label}] ${line}`);
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  servers.add(server);
  return server;
}

function serverLog(server, lines = 40) {
  return `last output of ${server.label} (pid ${server.child.pid}):\n${server.output.slice(-lines).join('\n') || '(none)'}`;
}

function describeExit(exit) {
  if (!exit) return 'still running';
  if (exit.error) return `failed to start: ${exit.error.message}`;
  return exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`;
}

async function request(server, path, init = {}) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    ...init,
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json };
}

function graphql(server, query) {
  return request(server, '/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ query }),
  });
}

/** Polls GET /health until it answers 200; resolves to the response, or to null with a reason. */
async function waitForHealth(server) {
  const started = Date.now();
  let last = 'no answer yet';
  while (Date.now() - started < STARTUP_TIMEOUT_MS) {
    if (server.exit) return { response: null, reason: `server ended (${describeExit(server.exit)})`, ms: Date.now() - started };
    try {
      const response = await request(server, '/health');
      if (response.status === 200) return { response, ms: Date.now() - started };
      last = `HTTP ${response.status}: ${abbreviate(response.text, 200)}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await within(server.exited, 500);
  }
  return { response: null, reason: `timed out after ${STARTUP_TIMEOUT_MS / 1000} s (last: ${last})`, ms: Date.now() - started };
}

/** Checks that the server came up healthy and reports PostGIS; returns false when it did not come up. */
async function checkHealth(server, when) {
  const { response, reason, ms } = await waitForHealth(server);
  if (
    !check(
      response !== null,
      `${when}: GET /health answers 200 within ${STARTUP_TIMEOUT_MS / 1000} s${response ? ` (${(ms / 1000).toFixed(1)} s)` : ''}`,
      response ? undefined : `${reason}\n${serverLog(server)}`,
    )
  ) {
    return false;
  }
  const body = response.json ?? {};
  check(body.status === 'ok', `${when}: /health reports status ok`, `body: ${abbreviate(response.text)}`);
  check(
    typeof body.postgis === 'string' && /\d+\.\d+/.test(body.postgis),
    `${when}: /health names a PostGIS version (${typeof body.postgis === 'string' ? body.postgis : 'missing'})`,
    `body: ${abbreviate(response.text)}`,
  );
  return true;
}

/** Runs the organisations query; returns totalCount, or undefined when the answer is unusable. */
async function checkOrganisations(server, when) {
  const response = await graphql(server, ORGANISATIONS_QUERY);
  const connection = response.json?.data?.organisations;
  const totalCount = connection?.totalCount;
  const nodes = connection?.nodes;
  const usable =
    response.status === 200 &&
    !response.json?.errors &&
    Number.isInteger(totalCount) &&
    Array.isArray(nodes) &&
    nodes.every((node) => typeof node?.id === 'string' && typeof node?.name === 'string');
  check(
    usable,
    `${when}: organisations(first: 5) answers with totalCount and nodes { id name }`,
    `HTTP ${response.status}: ${abbreviate(response.text)}`,
  );
  if (!usable) return undefined;
  check(nodes.length === Math.min(5, totalCount), `${when}: organisations(first: 5) returns min(5, totalCount) nodes (${nodes.length})`);
  return totalCount;
}

function findKeys(value, predicate, path = '$', found = []) {
  if (Array.isArray(value)) {
    value.forEach((item, index) => findKeys(item, predicate, `${path}[${index}]`, found));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (predicate(key)) found.push(`${path}.${key}`);
      findKeys(item, predicate, `${path}.${key}`, found);
    }
  }
  return found;
}

async function checkInvalidInput(server) {
  const response = await graphql(server, INVALID_QUERY);
  const code = response.json?.errors?.[0]?.extensions?.code;
  check(
    code === 'BAD_USER_INPUT',
    `organisations(first: 1000) is rejected with BAD_USER_INPUT (got ${code ?? 'none'})`,
    `HTTP ${response.status}: ${abbreviate(response.text)}`,
  );
  const stackKeys =
    response.json === undefined ? ['(response is not JSON)'] : findKeys(response.json, (key) => /^(stacktrace|stack)$/i.test(key));
  check(
    stackKeys.length === 0,
    'the error response carries no stack trace',
    `found: ${stackKeys.join(', ')}\n${abbreviate(response.text)}`,
  );
}

async function checkClient(server) {
  const response = await request(server, '/', { headers: { accept: 'text/html' } });
  check(
    response.status === 200 && /text\/html/.test(response.contentType) && /<html|<!doctype html/i.test(response.text),
    'GET / serves the built client (HTML)',
    `HTTP ${response.status} ${response.contentType}: ${abbreviate(response.text, 200)}`,
  );
}

async function checkShutdown(server, when) {
  const started = Date.now();
  server.child.kill('SIGTERM');
  const exit = await within(server.exited, SHUTDOWN_TIMEOUT_MS);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (
    !check(
      exit !== null,
      `${when}: exits within ${SHUTDOWN_TIMEOUT_MS / 1000} s of SIGTERM${exit ? ` (${seconds} s)` : ''}`,
      serverLog(server),
    )
  ) {
    server.child.kill('SIGKILL');
    await server.exited;
    return;
  }
  // Node re-raising SIGTERM after its shutdown hooks ran is as clean as exit code 0.
  const clean = exit.code === 0 || exit.signal === 'SIGTERM' || exit.code === 143;
  check(clean, `${when}: shutdown is clean (${describeExit(exit)})`, serverLog(server));
}

function killAll() {
  for (const server of servers) {
    try {
      server.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

async function main() {
  if (!check(existsSync(ENTRY), 'server/dist/main.js exists', `not found: ${ENTRY} (run npm run build first)`)) return;
  dataDir = mkdtempSync(join(tmpdir(), 'partneratlas-smoke-'));
  console.log(`# DATA_DIR ${dataDir}`);
  try {
    const first = await startServer('first start', dataDir);
    if (!(await checkHealth(first, 'first start'))) return;
    const totalCount = await checkOrganisations(first, 'first start');
    if (totalCount !== undefined) check(totalCount > 0, `first start: the seed ran (totalCount ${totalCount})`);
    await checkInvalidInput(first);
    await checkClient(first);
    await checkShutdown(first, 'first start');

    const second = await startServer('restart', dataDir);
    if (!(await checkHealth(second, 'restart on the same DATA_DIR'))) return;
    const again = await checkOrganisations(second, 'restart');
    if (again !== undefined && totalCount !== undefined) {
      check(again === totalCount, `restart: data persisted and was not seeded again (totalCount ${again}, before ${totalCount})`);
    }
    await checkShutdown(second, 'restart');
  } finally {
    killAll();
    removeDataDir();
  }
}

function removeDataDir() {
  if (!dataDir) return;
  if (process.env.SMOKE_KEEP_DATA === '1') console.log(`# kept ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
  dataDir = undefined;
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.log(`# interrupted by ${signal}`);
    killAll();
    removeDataDir();
    failed += 1;
    console.log(`smoke: ${passed} passed, ${failed} failed`);
    process.exit(1);
  });
}

try {
  await main();
} catch (error) {
  check(false, `smoke test ran to the end`, error?.stack ?? String(error));
} finally {
  killAll();
}
console.log(`smoke: ${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
