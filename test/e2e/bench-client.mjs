#!/usr/bin/env node
// Client benchmark: the production build with 10,000 markers.
//
//   npm run build && node test/e2e/bench-client.mjs
//
// Serves client/dist with the real server (fresh embedded database), opens the start page in Debian's
// Chromium and answers the DirectoryMarkers GraphQL request (page.route) with 10,000 synthetic markers
// spread over the Göttingen bounding box (9.80–10.05 E, 51.48–51.59 N). Every other request goes to the
// real server; requests that leave 127.0.0.1 (tiles) fail at once.
//
// "Interactive" is measured from navigation start (performance.timeOrigin) to the moment the clustered
// layer with all 10,000 points has been drawn (the `pa:markers-rendered` performance mark, which the map
// sets after adding the layer to the map). Right then the benchmark clicks "+" and waits for the layer to
// be re-clustered and drawn at the new zoom: that proves the map responds, and its latency (including
// Leaflet's 250 ms zoom animation) is printed as "zoom response". Cold cache, median of BENCH_RUNS (3).
//
// Also prints the gzip size of the initial JavaScript: the JS files referenced by client/dist/index.html
// (entry script and modulepreloads), gzipped with zlib; and, for information, all JS the start page loads.
// Targets: interactive < 1500 ms, initial JS ≤ 300 KB gzip. Exit 1 when a target is missed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { blockExternal, CHROMIUM, chromiumAvailable, launchBrowser, ROOT, startServer } from './lib.mjs';

const MARKERS = Number(process.env.BENCH_MARKERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const TARGET_INTERACTIVE_MS = 1500;
const TARGET_INITIAL_JS_KB = 300;
const BBOX = { west: 9.8, east: 10.05, south: 51.48, north: 51.59 };
const KINDS = [
  'MIGRANT_SELF_ORGANISATION',
  'EDUCATION_PROVIDER',
  'COUNSELLING_SERVICE',
  'WELFARE_ASSOCIATION',
  'PUBLIC_AUTHORITY',
  'INITIATIVE_OTHER',
];

/** mulberry32: deterministic synthetic data. */
function prng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticMarkers(count) {
  const random = prng(20240601);
  const markers = [];
  for (let i = 0; i < count; i += 1) {
    markers.push({
      __typename: 'OrganisationMarker',
      locationId: `bench-loc-${i}`,
      organisationId: `bench-org-${Math.floor(i / 2)}`,
      name: `Synthetische Organisation ${i + 1}`,
      kind: KINDS[i % KINDS.length],
      lat: BBOX.south + random() * (BBOX.north - BBOX.south),
      lng: BBOX.west + random() * (BBOX.east - BBOX.west),
      isDemo: random() < 0.5,
      verified: random() < 0.5,
    });
  }
  return {
    data: {
      organisationMarkers: {
        __typename: 'OrganisationMarkers',
        organisationCount: Math.ceil(count / 2),
        unmappedCount: 0,
        truncated: false,
        markers,
      },
    },
  };
}

function initialJs() {
  const dist = join(ROOT, 'client', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = new Set();
  for (const m of html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)) files.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*href="([^"]+\.js)"[^>]*rel="modulepreload"/g)) files.add(m[1]);
  let raw = 0;
  let gzip = 0;
  const list = [];
  for (const file of files) {
    const content = readFileSync(join(dist, file.replace(/^\//, '')));
    const size = gzipSync(content, { level: 9 }).length;
    raw += content.length;
    gzip += size;
    list.push(`${file} ${(size / 1024).toFixed(1)} KB`);
  }
  return { raw, gzip, list };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const js = initialJs();
console.log(
  `initial JS (referenced by client/dist/index.html): ${(js.gzip / 1024).toFixed(1)} KB gzip (${(js.raw / 1024).toFixed(1)} KB raw): ${js.list.join(', ')}`,
);

if (!chromiumAvailable()) {
  console.log(`bench-client: skipped timing (no Chromium at ${CHROMIUM})`);
  process.exit(js.gzip / 1024 <= TARGET_INITIAL_JS_KB ? 0 : 1);
}

const body = JSON.stringify(syntheticMarkers(MARKERS));
let server;
let browser;
let exitCode = 0;
try {
  server = await startServer();
  browser = await launchBrowser();
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'de-DE' });
    await blockExternal(context);
    await context.route('**/graphql', async (route) => {
      const request = route.request();
      let operation = null;
      try {
        operation = request.postDataJSON()?.operationName ?? null;
      } catch {
        operation = null;
      }
      if (operation === 'DirectoryMarkers') await route.fulfill({ status: 200, contentType: 'application/json', body });
      else await route.continue();
    });
    const page = await context.newPage();
    let startPageJs = 0;
    page.on('response', async (response) => {
      if (response.url().endsWith('.js')) {
        try {
          startPageJs += gzipSync(await response.body(), { level: 9 }).length;
        } catch {
          // ignore bodies that are gone
        }
      }
    });
    await page.goto(`${server.baseUrl}/`, { waitUntil: 'commit' });
    await page.waitForSelector(`.pa-map[data-markers="ready"][data-marker-count="${MARKERS}"]`, { timeout: 30_000 });
    const ready = await page.evaluate(
      (count) => performance.getEntriesByName('pa:markers-rendered').find((m) => m.detail?.points === count)?.startTime ?? NaN,
      MARKERS,
    );
    const zoomBefore = Number(await page.locator('.pa-map').getAttribute('data-rendered-zoom'));
    const clickAt = await page.evaluate(() => performance.now());
    await page.locator('.leaflet-control-zoom-in').click();
    await page.waitForFunction((before) => Number(document.querySelector('.pa-map')?.dataset.renderedZoom) > before, zoomBefore, {
      timeout: 10_000,
    });
    const zoomed = await page.evaluate(
      (before) => performance.getEntriesByName('pa:markers-rendered').find((m) => m.detail?.zoom > before)?.startTime ?? NaN,
      zoomBefore,
    );
    const drawn = await page.locator('.leaflet-marker-icon').count();
    runs.push({ ready, zoomResponse: zoomed - clickAt, drawn, startPageJs });
    console.log(
      `run ${run + 1}: markers layer drawn ${ready.toFixed(0)} ms after navigation start; zoom response ${(zoomed - clickAt).toFixed(0)} ms; ${drawn} icons in the DOM`,
    );
    await context.close();
  }
  const interactive = median(runs.map((r) => r.ready));
  const zoomResponse = median(runs.map((r) => r.zoomResponse));
  console.log(`all JS loaded by the start page: ${(median(runs.map((r) => r.startPageJs)) / 1024).toFixed(1)} KB gzip`);
  console.log(
    `interactive with ${MARKERS.toLocaleString('en')} markers: ${interactive.toFixed(0)} ms (median of ${RUNS}; target < ${TARGET_INTERACTIVE_MS} ms)`,
  );
  console.log(`zoom response: ${zoomResponse.toFixed(0)} ms (median, incl. 250 ms zoom animation)`);
  console.log(`initial JS: ${(js.gzip / 1024).toFixed(1)} KB gzip (target ≤ ${TARGET_INITIAL_JS_KB} KB)`);
  if (!(interactive < TARGET_INTERACTIVE_MS) || js.gzip / 1024 > TARGET_INITIAL_JS_KB) exitCode = 1;
} catch (error) {
  console.log(`bench-client failed: ${error?.stack ?? error}`);
  exitCode = 1;
} finally {
  await browser?.close().catch(() => undefined);
  await server?.stop().catch(() => undefined);
}
process.exit(exitCode);
