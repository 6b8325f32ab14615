// Shared helpers of the browser tests and the client benchmark: start the production server on a fresh
// embedded database, launch Debian's Chromium through playwright-core. Only Node built-ins + playwright-core.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = process.env.E2E_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
const STARTUP_TIMEOUT_MS = 180_000;

/** playwright-core is a devDependency of the client workspace (hoisted to the root node_modules). */
export function loadPlaywright() {
  const require = createRequire(join(ROOT, 'client', 'package.json'));
  return require('playwright-core');
}

export function chromiumAvailable() {
  return existsSync(CHROMIUM);
}

export function freePort() {
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

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `node server/dist/main.js` with a fresh DATA_DIR, a free PORT and no DATABASE_URL (embedded
 * PGlite + PostGIS, seeded on first start) and waits for /health. Returns { baseUrl, stop }.
 */
export async function startServer({ verbose = process.env.E2E_VERBOSE === '1' } = {}) {
  const entry = join(ROOT, 'server', 'dist', 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run \`npm run build\` first`);
  if (!existsSync(join(ROOT, 'client', 'dist', 'index.html'))) throw new Error('client/dist is missing: run `npm run build` first');
  const dataDir = mkdtempSync(join(tmpdir(), 'pa-e2e-'));
  const port = await freePort();
  const env = { ...process.env };
  for (const key of ['DATABASE_URL', 'EMBEDDED_DB_PORT', 'MIGRATIONS_RUN', 'SEED_ON_EMPTY', 'CLIENT_DIST']) delete env[key];
  Object.assign(env, { NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: dataDir });
  const child = spawn(process.execPath, [entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
    if (verbose) process.stderr.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      for (let i = 0; i < 100 && !exited; i += 1) await sleep(100);
      if (!exited) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  while (Date.now() - started < STARTUP_TIMEOUT_MS) {
    if (exited) {
      await stop();
      throw new Error(`server exited during start-up:\n${output}`);
    }
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { baseUrl, stop, output: () => output };
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  await stop();
  throw new Error(`server did not answer /health within ${STARTUP_TIMEOUT_MS / 1000}s:\n${output}`);
}

/** Launches Chromium; tile requests to the internet are aborted (this machine is offline anyway). */
export async function launchBrowser() {
  const { chromium } = loadPlaywright();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Every request that leaves 127.0.0.1 fails at once instead of waiting for DNS. */
export async function blockExternal(context) {
  await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort('internetdisconnected'));
}

/** Environment of a production server on its own embedded DATA_DIR (nothing inherited that points elsewhere). */
export function embeddedServerEnv(dataDir, extra = {}) {
  const env = { ...process.env };
  for (const key of ['DATABASE_URL', 'EMBEDDED_DB_PORT', 'MIGRATIONS_RUN', 'SEED_ON_EMPTY', 'CLIENT_DIST', 'SMTP_URL', 'PUBLIC_URL'])
    delete env[key];
  return Object.assign(env, { NODE_ENV: 'production', DATA_DIR: dataDir }, extra);
}

/** `users create` on a DATA_DIR (applies the migrations on an empty one), password on stdin. */
export function createUserOn(dataDir, { email, password, name }, role) {
  return new Promise((resolve, reject) => {
    const args = [join(ROOT, 'server', 'dist', 'cli', 'users.js'), 'create', '--email', email, '--role', role, '--name', name];
    const child = spawn(process.execPath, args, { cwd: ROOT, env: embeddedServerEnv(dataDir), stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`users create exited with ${code}:\n${output}`))));
    child.stdin.end(`${password}\n`);
  });
}

/** The server on a prepared DATA_DIR; like startServer, with the whole log kept (an invitation link is in it). */
export async function startServerOn(dataDir) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(ROOT, 'server', 'dist', 'main.js')], {
    cwd: ROOT,
    env: embeddedServerEnv(dataDir, { HOST: '127.0.0.1', PORT: String(port), PUBLIC_URL: `http://127.0.0.1:${port}` }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk) => {
    output += chunk.toString();
    if (process.env.E2E_VERBOSE === '1') process.stderr.write(chunk);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  let exited = false;
  child.on('exit', () => (exited = true));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      for (let i = 0; i < 100 && !exited; i += 1) await sleep(100);
      if (!exited) child.kill('SIGKILL');
    }
  };
  const started = Date.now();
  while (Date.now() - started < STARTUP_TIMEOUT_MS) {
    if (exited) throw new Error(`server exited during start-up:\n${output.slice(-4000)}`);
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return { baseUrl, stop, output: () => output };
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  await stop();
  throw new Error(`server did not answer /health within ${STARTUP_TIMEOUT_MS / 1000}s:\n${output.slice(-4000)}`);
}
