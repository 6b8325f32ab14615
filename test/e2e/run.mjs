#!/usr/bin/env node
// Browser tests of the production build: Debian's Chromium driven by playwright-core.
//
//   npm run build && node test/e2e/run.mjs
//
// Starts `node server/dist/main.js` with a fresh temporary DATA_DIR, a free PORT and no DATABASE_URL
// (embedded PGlite + PostGIS with the fictional seed), waits for /health, runs the checks below and
// stops the server. Requests that leave 127.0.0.1 (map tiles) fail at once: the machine is offline, and
// the page must work without tiles. Screenshots go to test-output/e2e/. Prints `ok - …` / `not ok - …`
// per check and, last, exactly one line `E2E: N passed, N failed`; exits 1 on any failure.
//
// Environment: E2E_VERBOSE=1 streams the server's output; E2E_CHROMIUM overrides /usr/bin/chromium.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { blockExternal, CHROMIUM, chromiumAvailable, launchBrowser, ROOT, startServer } from './lib.mjs';
import { networkAndPartnerChecks } from './network-partners.mjs';
import { coverageChecks } from './coverage.mjs';
import { areaImportChecks } from './coverage-areas.mjs';
import { editingChecks } from './editing.mjs';
import { evaluationChecks } from './evaluation.mjs';

const OUT = join(ROOT, 'test-output', 'e2e');
const TIMEOUT = 20_000;
let passed = 0;
let failed = 0;

if (!chromiumAvailable()) {
  console.log(`E2E: 0 passed, 0 failed (skipped: no Chromium at ${CHROMIUM})`);
  process.exit(0);
}

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed += 1;
    console.log(`ok - ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    console.log(`not ok - ${name}`);
    console.log(
      String(error?.stack ?? error)
        .split('\n')
        .slice(0, 8)
        .map((l) => `#   ${l}`)
        .join('\n'),
    );
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

const axeSource = readFileSync(createRequire(join(ROOT, 'client', 'package.json')).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core on the current page; returns the serious and critical WCAG 2.1 A/AA violations. */
async function seriousViolations(page) {
  // Evaluated through the DevTools protocol, not as an inline <script>: the page's Content-Security-Policy
  // (script-src 'self') stays on while the browser tests run.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const describeViolations = (violations) => violations.map((v) => `${v.id} (${v.impact}): ${v.help} → ${v.nodes.join(' | ')}`).join('\n');

async function markersReady(page) {
  await page.waitForSelector('.pa-map[data-markers="ready"]', { timeout: TIMEOUT });
}

async function resultCount(page) {
  const text = await page.locator('.results__title').innerText();
  const digits = text.replace(/\D/g, '');
  return digits ? Number(digits) : NaN;
}

async function shot(page, name) {
  await page.screenshot({ path: join(OUT, `${name}.png`) });
}

mkdirSync(OUT, { recursive: true });
let server;
let browser;
try {
  server = await startServer();
  browser = await launchBrowser();
  // Every page of every check runs under the server's Content-Security-Policy; a violation fails the last check.
  const cspViolations = [];
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const created = await newContext(options);
    created.on('page', (p) =>
      p.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${p.url()}: ${message.text()}`);
      }),
    );
    return created;
  };
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
  await blockExternal(context);
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const base = server.baseUrl;
  let totalBefore = 0;
  let markersBefore = 0;

  await check('map page loads with the city boundary, clustered markers, the list and the demo banner', async () => {
    await page.goto(`${base}/`);
    await markersReady(page);
    await page.locator('.results__title').filter({ hasText: /\d/ }).waitFor({ timeout: TIMEOUT });
    const icons = await page.locator('.leaflet-marker-icon').count();
    assert(icons > 0, 'no marker or cluster drawn');
    markersBefore = Number(await page.locator('.pa-map').getAttribute('data-marker-count'));
    assert(markersBefore > 0, 'marker layer has no points');
    // The boundary is drawn on canvas (preferCanvas) in its own pane.
    assert((await page.locator('.leaflet-pa-areas-pane canvas, .leaflet-pa-areas-pane path').count()) > 0, 'no boundary drawn');
    totalBefore = await resultCount(page);
    assert(totalBefore > 0, 'result count missing');
    assert((await page.locator('.results__list > li').count()) === Math.min(20, totalBefore), 'list does not show the first page');
    await page.getByText('Die mit (fiktiv) markierten Einträge sind erfundene Beispieldaten.').waitFor({ timeout: TIMEOUT });
    await page.locator('.leaflet-control-attribution').getByText('GeoBasis-DE / BKG', { exact: false }).waitFor({ timeout: TIMEOUT });
    assert(/karte=/.test(page.url()), `viewport not in the URL: ${page.url()}`);
    await page.waitForTimeout(400);
    await shot(page, '01-map-de');
  });

  await check('filtering by a field of action changes markers, list and counts', async () => {
    const kindCount = async () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.filter-section')]
          .find((s) => s.querySelector('summary')?.textContent?.includes('Art der Organisation'))
          ?.querySelectorAll('.facet__count [aria-hidden]')
          .values()
          .reduce((sum, el) => sum + Number(el.textContent.replace(/\D/g, '') || 0), 0),
      );
    const kindsBefore = await kindCount();
    await page.locator('summary', { hasText: 'Handlungsfelder' }).click();
    await page.getByRole('checkbox', { name: /^Sprache und Sprachkurse/ }).click();
    await page.waitForURL(/hf=sprache/, { timeout: TIMEOUT });
    await page.waitForFunction(
      (before) => {
        const text = document.querySelector('.results__title')?.textContent ?? '';
        const n = Number(text.replace(/\D/g, ''));
        return n > 0 && n !== before;
      },
      totalBefore,
      { timeout: TIMEOUT },
    );
    const totalAfter = await resultCount(page);
    assert(totalAfter < totalBefore, `result count did not shrink: ${totalBefore} → ${totalAfter}`);
    await page.waitForFunction((before) => Number(document.querySelector('.pa-map')?.dataset.markerCount) !== before, markersBefore, {
      timeout: TIMEOUT,
    });
    const markersAfter = Number(await page.locator('.pa-map').getAttribute('data-marker-count'));
    assert(markersAfter < markersBefore, `markers did not change: ${markersBefore} → ${markersAfter}`);
    await page.waitForFunction(
      (before) => {
        const section = [...document.querySelectorAll('.filter-section')].find((s) =>
          s.querySelector('summary')?.textContent?.includes('Art der Organisation'),
        );
        let sum = 0;
        section?.querySelectorAll('.facet__count [aria-hidden]').forEach((el) => (sum += Number(el.textContent.replace(/\D/g, '') || 0)));
        return sum !== before;
      },
      kindsBefore,
      { timeout: TIMEOUT },
    );
    assert(
      (await page.getByRole('button', { name: 'Filter entfernen: Sprache und Sprachkurse' }).count()) === 1,
      'no chip for the active filter',
    );
    await shot(page, '02-filtered');
  });

  let selectedName = '';
  let urlWithSelection = '';
  await check('selecting an organisation opens its detail and marks it on the map', async () => {
    const link = page.locator('.results__list > li').first().locator('h3 a');
    selectedName = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL(/org=/, { timeout: TIMEOUT });
    const heading = page.locator('.detail__name');
    await heading.waitFor({ timeout: TIMEOUT });
    assert((await heading.innerText()).includes(selectedName), `detail shows "${await heading.innerText()}", expected "${selectedName}"`);
    await page.getByRole('heading', { name: 'Angebote' }).waitFor({ timeout: TIMEOUT });
    await page.getByRole('heading', { name: 'Standorte' }).waitFor({ timeout: TIMEOUT });
    assert((await page.locator('.detail .verification').count()) > 0, 'no verification mark');
    await page.waitForTimeout(600);
    urlWithSelection = page.url();
    await shot(page, '03-detail');
  });

  await check('reload restores filters, selection and viewport from the URL; back closes the detail', async () => {
    const zoomBefore = await page.locator('.pa-map').getAttribute('data-zoom');
    await page.reload();
    await markersReady(page);
    await page.locator('.detail__name').waitFor({ timeout: TIMEOUT });
    assert((await page.locator('.detail__name').innerText()).includes(selectedName), 'selection not restored');
    assert(page.url() === urlWithSelection, `URL changed on reload: ${urlWithSelection} → ${page.url()}`);
    assert((await page.locator('.pa-map').getAttribute('data-zoom')) === zoomBefore, 'zoom not restored');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('org='), { timeout: TIMEOUT });
    await page.locator('.results__list').waitFor({ state: 'visible', timeout: TIMEOUT });
    assert((await page.getByRole('checkbox', { name: /^Sprache und Sprachkurse/ }).isChecked()) === true, 'filter lost after back');
    await page.goForward();
    await page.locator('.detail__name').waitFor({ timeout: TIMEOUT });
  });

  await check('the detail view has no serious or critical axe-core violation', async () => {
    const violations = await seriousViolations(page);
    assert(violations.length === 0, describeViolations(violations));
  });

  await check('the map page has no serious or critical axe-core violation', async () => {
    await page.goto(`${base}/`);
    await markersReady(page);
    await page.locator('.results__title').filter({ hasText: /\d/ }).waitFor({ timeout: TIMEOUT });
    await page.locator('summary', { hasText: 'Handlungsfelder' }).click();
    const violations = await seriousViolations(page);
    assert(violations.length === 0, describeViolations(violations));
  });

  await check('the list, filters and detail work with the keyboard alone', async () => {
    await page.goto(`${base}/`);
    await markersReady(page);
    await page.locator('.results__list > li').first().waitFor({ timeout: TIMEOUT });
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => document.activeElement?.textContent);
    assert(skip === 'Zur Ergebnisliste springen', `first Tab stop is "${skip}"`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      () => document.activeElement?.closest('.results__list') !== null && document.activeElement?.tagName,
    );
    assert(focused === 'A', 'Tab after the skip link does not reach the first result');
    await page.keyboard.press('Enter');
    await page.locator('.detail__name').waitFor({ timeout: TIMEOUT });
    assert(await page.evaluate(() => document.activeElement?.classList.contains('detail__name')), 'focus did not move to the detail');
  });

  await check('switching to English changes the UI and is remembered', async () => {
    await page.goto(`${base}/`);
    await markersReady(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText('Entries marked (fictional) are invented example data.').waitFor({ timeout: TIMEOUT });
    await page.locator('summary', { hasText: 'Fields of action' }).waitFor({ timeout: TIMEOUT });
    assert((await page.locator('html').getAttribute('lang')) === 'en', 'html lang is not en');
    assert(/organisations?$/.test((await page.locator('.results__title').innerText()).trim()), 'result count not in English');
    await page.reload();
    await page.locator('summary', { hasText: 'Fields of action' }).waitFor({ timeout: TIMEOUT });
    await markersReady(page);
    await page.waitForTimeout(300);
    await shot(page, '04-map-en');
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.locator('summary', { hasText: 'Handlungsfelder' }).waitFor({ timeout: TIMEOUT });
  });

  await check('the phone layout (390×844) has a list/map toggle, a filter drawer and the detail', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      locale: 'de-DE',
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await blockExternal(phone);
    const p = await phone.newPage();
    try {
      await p.goto(`${base}/`);
      await markersReady(p);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 0, `page is ${overflow}px wider than the phone`);
      await p.getByRole('button', { name: 'Karte', exact: true }).waitFor({ timeout: TIMEOUT });
      await shot(p, '05-phone-map');
      await p.getByRole('button', { name: 'Liste', exact: true }).click();
      await p.locator('.results__list > li').first().waitFor({ state: 'visible', timeout: TIMEOUT });
      await shot(p, '06-phone-list');
      await p.getByRole('button', { name: /^Filter/ }).click();
      const dialog = p.getByRole('dialog', { name: 'Filter' });
      await dialog.waitFor({ state: 'visible', timeout: TIMEOUT });
      await dialog.locator('summary', { hasText: 'Handlungsfelder' }).click();
      await dialog.getByRole('checkbox', { name: /^Arbeit und Ausbildung/ }).click();
      await p.waitForURL(/hf=arbeit/, { timeout: TIMEOUT });
      await p.waitForTimeout(500);
      await shot(p, '07-phone-filters');
      await dialog.getByRole('button', { name: /anzeigen$/ }).click();
      await dialog.waitFor({ state: 'hidden', timeout: TIMEOUT });
      await p.locator('.results__list > li').first().locator('h3 a').click();
      await p.locator('.detail__name').waitFor({ state: 'visible', timeout: TIMEOUT });
      await p.waitForTimeout(300);
      await shot(p, '08-phone-detail');
      const violations = await seriousViolations(p);
      assert(violations.length === 0, describeViolations(violations));
    } finally {
      await phone.close();
    }
  });

  await coverageChecks({ page, base, check, assert, shot, seriousViolations, describeViolations, timeout: TIMEOUT });

  await networkAndPartnerChecks({ page, base, check, assert, shot, seriousViolations, describeViolations, timeout: TIMEOUT });

  await editingChecks({ browser, check, assert, shot, seriousViolations, describeViolations, timeout: TIMEOUT });
  await areaImportChecks({ browser, check, assert, shot, seriousViolations, describeViolations, timeout: TIMEOUT });

  await evaluationChecks({ browser, check, assert, shot, seriousViolations, describeViolations, timeout: TIMEOUT });

  await check('no uncaught error in the page', async () => {
    assert(pageErrors.length === 0, pageErrors.join('\n'));
  });

  await check(
    'no page broke the Content-Security-Policy (map, detail, gap view, matrix, network, partner finder, editing, import, evaluation)',
    async () => {
      assert(cspViolations.length === 0, cspViolations.slice(0, 5).join('\n'));
    },
  );
} catch (error) {
  failed += 1;
  console.log(
    `not ok - set-up: ${String(error?.stack ?? error)
      .split('\n')
      .slice(0, 12)
      .join('\n#   ')}`,
  );
} finally {
  await browser?.close().catch(() => undefined);
  await server?.stop().catch(() => undefined);
}

console.log(`E2E: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
