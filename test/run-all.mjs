#!/usr/bin/env node
// `npm test`: every suite runs even when an earlier one fails; the exit code is non-zero if any failed.
// Order: shared (build + unit), server (unit + integration on DATABASE_URL or embedded PGlite),
// client (component tests), then a production build and the browser tests (skipped without Chromium).
import { spawnSync } from 'node:child_process';

const steps = [
  ['build shared', ['run', 'build', '-w', 'shared']],
  ['shared tests', ['test', '-w', 'shared']],
  ['server tests', ['test', '-w', 'server']],
  ['client tests', ['test', '-w', 'client']],
  ['build for browser tests', ['run', 'build']],
  ['browser tests', ['run', 'test:e2e']],
];

const results = [];
let buildFailed = false;
for (const [name, args] of steps) {
  if (buildFailed && name !== 'build shared') {
    results.push([name, 'skipped (build failed)']);
    continue;
  }
  const started = Date.now();
  console.log(`\n=== ${name}: npm ${args.join(' ')}`);
  const r = spawnSync('npm', args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  results.push([name, `${ok ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`]);
  if (!ok && name === 'build shared') buildFailed = true;
}
console.log('\n=== summary');
for (const [name, status] of results) console.log(`${name.padEnd(26)} ${status}`);
process.exit(results.some(([, s]) => !s.startsWith('ok')) ? 1 : 0);
