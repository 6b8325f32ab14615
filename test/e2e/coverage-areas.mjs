// Browser check of the area import page (issue "Coverage gaps"), run by run.mjs: an administrator created with the
// users CLI on a fresh embedded database signs in, opens "Gebiete importieren" from the user menu, checks a GeoJSON
// file (dry run: the feature with a broken geometry is named, the unknown code reported, "Übernehmen" stays off),
// then applies a clean file and sees the import in the history. The files are made up in the test and match no real
// district (code "e2e-…"), so nothing about Göttingen is written or claimed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blockExternal, createUserOn, startServerOn } from './lib.mjs';

const ADMIN = { email: 'admin-gebiete@example.org', password: 'Flussufer-Gaensemarkt-2026', name: 'Alex Admin' };

const square = (lng, lat, d) => [
  [
    [lng - d, lat - d],
    [lng + d, lat - d],
    [lng + d, lat + d],
    [lng - d, lat + d],
    [lng - d, lat - d],
  ],
];

/** @param {{ browser: import('playwright-core').Browser, check: Function, assert: Function, shot: Function, seriousViolations: Function, describeViolations: Function, timeout: number }} t */
export async function areaImportChecks({ browser, check, assert, shot, seriousViolations, describeViolations, timeout }) {
  const dataDir = mkdtempSync(join(tmpdir(), 'pa-e2e-areas-'));
  let server = null;
  try {
    await check('area import: the users CLI creates an administrator and the server starts on that database', async () => {
      await createUserOn(dataDir, ADMIN, 'ADMIN');
      server = await startServerOn(dataDir);
    });
    if (server)
      await runAreaImportChecks({
        browser,
        base: server.baseUrl,
        admin: ADMIN,
        dir: dataDir,
        check,
        assert,
        shot,
        seriousViolations,
        describeViolations,
        timeout,
      });
  } finally {
    await server?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The checks against a running server with an administrator `admin`; fixture files are written to `dir`.
 * @param {{ browser: import('playwright-core').Browser, base: string, admin: { email: string, password: string, name: string }, dir: string, check: Function, assert: Function, shot: Function, seriousViolations: Function, describeViolations: Function, timeout: number }} t
 */
export async function runAreaImportChecks({
  browser,
  base,
  admin,
  dir,
  check,
  assert,
  shot,
  seriousViolations,
  describeViolations,
  timeout,
}) {
  const bad = join(dir, 'e2e-bezirke-fehler.geojson');
  const clean = join(dir, 'e2e-bezirke.geojson');
  writeFileSync(
    bad,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'e2e-unbekannt' }, geometry: { type: 'Polygon', coordinates: square(9.93, 51.53, 0.002) } },
        {
          type: 'Feature',
          properties: { code: 'e2e-kaputt' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [9.9, 51.5],
                [9.91, 51.5],
                [9.9, 51.5],
                [9.9, 51.5],
              ],
            ],
          },
        },
      ],
    }),
  );
  writeFileSync(
    clean,
    JSON.stringify({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { code: 'e2e-unbekannt' }, geometry: { type: 'Polygon', coordinates: square(9.93, 51.53, 0.002) } },
      ],
    }),
  );
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
  });
  await blockExternal(context);
  await context.addInitScript(() => localStorage.setItem('partneratlas.language', 'de'));
  const page = await context.newPage();

  await check(
    'area import: an administrator reaches "Gebiete importieren" from the user menu; the dry run names the broken feature and the unknown code',
    async () => {
      await page.goto(`${base}/anmelden`);
      await page.getByLabel(/E-Mail-Adresse/).fill(admin.email);
      await page.getByLabel(/Passwort/).fill(admin.password);
      await page.getByRole('button', { name: 'Anmelden' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/anmelden'), { timeout });
      await page.getByRole('button', { name: new RegExp(admin.name) }).click();
      await page.getByRole('link', { name: 'Gebiete importieren' }).click();
      await page.getByRole('heading', { name: 'Gebiete importieren', level: 1 }).waitFor({ timeout });
      await page.getByLabel('Bezirksumrisse (GeoJSON)').setInputFiles(bad);
      await page.getByRole('button', { name: 'Prüfen (Probelauf)' }).click();
      const report = page.getByTestId('area-import-report');
      await report.waitFor({ timeout });
      const text = await report.innerText();
      assert(/feature 2 \(code e2e-kaputt\)/.test(text), `broken feature not named: ${text}`);
      assert((await page.getByTestId('area-import-unknown').innerText()).includes('e2e-unbekannt'), 'unknown code not reported');
      assert(await page.getByRole('button', { name: 'Übernehmen' }).isDisabled(), '"Übernehmen" enabled despite errors');
      await page.waitForTimeout(300);
      await shot(page, '36-area-import-dry-run');
      const violations = await seriousViolations(page);
      assert(violations.length === 0, describeViolations(violations));
    },
  );

  await check('area import: after a clean dry run "Übernehmen" applies and the history says who imported which file', async () => {
    await page.getByLabel('Bezirksumrisse (GeoJSON)').setInputFiles(clean);
    await page.getByRole('button', { name: 'Prüfen (Probelauf)' }).click();
    await page.getByText('Probelauf abgeschlossen – es wurde nichts gespeichert.').waitFor({ timeout });
    await page.getByRole('button', { name: 'Übernehmen' }).click();
    await page.getByText('Import übernommen.').waitFor({ timeout });
    // newest first: the first row is this import, by this administrator
    const row = page.locator('tbody tr', { hasText: 'e2e-bezirke.geojson' }).first();
    await row.waitFor({ timeout });
    assert((await row.innerText()).includes(admin.email), `importer not in the history: ${await row.innerText()}`);
    await shot(page, '37-area-import-applied');
  });
  await context.close();
}
