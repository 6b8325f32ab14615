// Browser checks of the network page and the partner finder (issue "Stakeholder network and partner finder").
// Called from run.mjs with its helpers; asserts on what a person sees and saves screenshots.

/**
 * @param {{ page: import('playwright-core').Page, base: string, check: Function, assert: Function, shot: Function,
 *           seriousViolations: Function, describeViolations: Function, timeout: number }} h
 */
export async function networkAndPartnerChecks({ page, base, check, assert, shot, seriousViolations, describeViolations, timeout }) {
  let someOrganisation = null;

  await check('network page draws the graph with a legend, figures and the same data as a sortable table', async () => {
    await page.goto(`${base}/netzwerk`);
    await page.waitForSelector('[data-testid="network-graph"] canvas', { timeout });
    await page.waitForSelector('.network-table tbody tr', { timeout });
    const rows = await page.locator('.network-table tbody tr').count();
    assert(rows >= 100, `expected the seeded organisations in the table, got ${rows}`);
    const summary = await page.locator('.network-summary').innerText();
    assert(/Gruppen/.test(summary) && /Brücken/.test(summary), `summary: ${summary}`);
    const legend = await page.locator('.network-legend').innerText();
    assert(/Gruppe 1/.test(legend), `legend: ${legend}`);
    // sort by connections with the keyboard: the first row then has the most connections
    await page.getByRole('button', { name: /^Verbindungen/ }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('.network-table th[aria-sort="descending"]:has-text("Verbindungen")', { timeout });
    const degrees = await page.locator('.network-table tbody tr td:nth-child(2)').allInnerTexts();
    const numbers = degrees.slice(0, 20).map((d) => Number(d.replace(/\D/g, '')));
    assert(
      numbers.every((n, i) => i === 0 || numbers[i - 1] >= n),
      `not sorted by connections: ${numbers.join(',')}`,
    );
    await shot(page, '20-network');
  });

  await check(
    'selecting an organisation in the table shows its metrics, ego network and links to the map and the partner finder',
    async () => {
      await page.locator('.network-table tbody tr th button').first().click();
      await page.waitForSelector('#network-node-title', { timeout });
      const href = await page.getByRole('link', { name: 'Auf der Karte zeigen' }).getAttribute('href');
      assert(href?.startsWith('/?org='), `show on map: ${href}`);
      someOrganisation = decodeURIComponent(href.slice('/?org='.length));
      await page.getByRole('button', { name: 'Direkte Partner' }).click();
      await page.waitForFunction(() => document.querySelector('h1')?.textContent?.startsWith('Netzwerk um'), null, { timeout });
      await page.waitForSelector('.network-table th:has-text("Schritte")', { timeout });
      assert(new URL(page.url()).searchParams.get('ego') === '1', `ego in URL: ${page.url()}`);
      await shot(page, '21-network-ego');
      const violations = await seriousViolations(page);
      assert(violations.length === 0, describeViolations(violations));
    },
  );

  await check('the partner finder ranks partners for a need with score bars, reasons and numbered markers', async () => {
    await page.goto(`${base}/partnersuche?fuer=bedarf&felder=beratung&sprachen=ar`);
    await page.waitForSelector('.suggestion', { timeout });
    const count = await page.locator('.suggestion').count();
    assert(count > 0, 'no suggestions');
    const label = await page.locator('.suggestion .score__bar').first().getAttribute('aria-label');
    assert(/^Punktzahl \d+ von 100$/.test(label ?? ''), `score label: ${label}`);
    const reasons = await page.locator('.suggestion').first().locator('.suggestion__reasons li').allInnerTexts();
    assert(
      reasons.some((r) => r.startsWith('bietet ')),
      `reasons: ${reasons.join(' | ')}`,
    );
    assert((await page.locator('.suggestion .badge--demo').count()) > 0, 'demo entries are marked');
    const scores = await page.locator('.score__value').allInnerTexts();
    const s = scores.map(Number);
    assert(
      s.every((x, i) => i === 0 || s[i - 1] >= x),
      `not ranked: ${s.join(',')}`,
    );
    await page.waitForSelector('.leaflet-tooltip.rank-tooltip', { timeout });
    await shot(page, '22-partners-need');
    const violations = await seriousViolations(page);
    assert(violations.length === 0, describeViolations(violations));
  });

  await check('"find partners" from an organisation opens the finder for that organisation, without its current partners', async () => {
    assert(someOrganisation, 'an organisation from the network page');
    await page.goto(`${base}/?org=${encodeURIComponent(someOrganisation)}`);
    // let the map finish moving to the organisation (leaving during Leaflet's animation throws in Leaflet)
    await page.waitForSelector('.pa-map[data-markers="ready"]', { timeout });
    await page.waitForTimeout(800);
    await page.getByRole('link', { name: 'Partner finden' }).first().click();
    await page.waitForSelector('.finder-form__chosen:has-text("Vorschläge für")', { timeout });
    await page.waitForSelector('.suggestion', { timeout });
    assert(new URL(page.url()).searchParams.get('org') === someOrganisation, page.url());
    const names = await page.locator('.suggestion h3').allInnerTexts();
    assert(names.length > 0, 'no suggestions for the organisation');
    assert((await page.locator('.suggestion .badge:has-text("schon verbunden")').count()) === 0, 'connected shown');
    await shot(page, '23-partners-organisation');
  });
}
