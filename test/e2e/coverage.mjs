// Browser checks of the coverage-gap view and the matrix page (issue "Coverage gaps"), run by run.mjs.

/** @param {{ page: import('playwright-core').Page, base: string, check: Function, assert: Function, shot: Function, seriousViolations: Function, describeViolations: Function, timeout: number }} t */
export async function coverageChecks({ page, base, check, assert, shot, seriousViolations, describeViolations, timeout }) {
  let gapCount = 0;
  let cellCount = 0;

  await check(
    'gap view: "Sprache und Sprachkurse" colours a hexagon grid over the whole city with hatched white spots and a legend with numbers',
    async () => {
      await page.goto(`${base}/luecken`);
      // earlier checks switch the UI to English and it is remembered: these checks read German
      await page.evaluate(() => localStorage.setItem('partneratlas.language', 'de'));
      await page.reload();
      await page.getByRole('heading', { name: 'Versorgungslücken' }).waitFor({ timeout });
      await page.getByTestId('coverage-summary').waitFor({ timeout });
      await page.waitForFunction(() => document.querySelectorAll('.pa-map path.pa-unit').length > 100, undefined, { timeout });
      cellCount = await page.locator('.pa-map path.pa-unit').count();
      gapCount = await page.locator('.pa-map path.pa-unit--gap').count();
      assert(gapCount > 0, 'no gap cells (white spots) drawn');
      assert(gapCount < cellCount, 'every cell is a gap');
      const selected = await page.locator('#coverage-field').inputValue();
      assert(selected === 'sprache', `default field is ${selected}`);
      const legend = await page.getByTestId('coverage-legend').innerText();
      assert(/\d/.test(legend) && /Lücke/.test(legend), `legend without numbers or gap entry: ${legend}`);
      const summary = await page.getByTestId('coverage-summary').innerText();
      assert(
        summary.includes(`${gapCount} / ${cellCount}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.')),
        `summary does not match the map (${gapCount} / ${cellCount}): ${summary}`,
      );
      await page.waitForTimeout(500);
      await shot(page, '30-coverage-sprache');
    },
  );

  await check('gap view: the list and a click on a unit show its providers, distance to the nearest and population', async () => {
    const first = page.getByTestId('gap-unit-list').locator('button').first();
    await first.focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('coverage-unit');
    await detail.waitFor({ timeout });
    const text = await detail.innerText();
    assert(/Lücke/.test(text) && /Nächstes Angebot/.test(text) && /Bevölkerung unbekannt/.test(text), `unit detail incomplete: ${text}`);
    assert(/zelle=/.test(page.url()), 'selection not in the URL');
    // a reached cell from the map: click the centre of a coloured (non-gap) cell
    const box = await page.locator('.pa-map path.pa-unit:not(.pa-unit--gap)').nth(5).boundingBox();
    assert(box, 'no reached cell on screen');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.getByTestId('coverage-unit').getByText('Angebot in Reichweite', { exact: true }).waitFor({ timeout });
    await page.getByTestId('coverage-unit').locator('.coverage-providers li').first().waitFor({ timeout });
    // cells are named by the district they lie in or the nearest district point, with a short number
    const heading = await page.locator('#coverage-unit-title').innerText();
    assert(/^Rasterzelle \d+ (in|bei) \S/.test(heading), `grid cell not named by place: ${heading}`);
    // group figures are per district: a cell says so instead of showing invented numbers
    const groups = await page.getByTestId('coverage-language-groups').innerText();
    assert(/nur je Bezirk/.test(groups), `language groups of a cell: ${groups}`);
    await page.waitForTimeout(300);
    await shot(page, '31-coverage-unit');
  });

  await check('gap view: what-if places a hypothetical provider in a white spot and shows the gap shrinking with numbers', async () => {
    await page.getByRole('button', { name: 'Gedachten Standort setzen' }).click();
    const gapBox = await page.locator('.pa-map path.pa-unit--gap').first().boundingBox();
    assert(gapBox, 'no gap cell on screen');
    await page.mouse.click(gapBox.x + gapBox.width / 2, gapBox.y + gapBox.height / 2);
    const result = page.getByTestId('whatif-result');
    await result.waitFor({ timeout });
    const text = await result.innerText();
    const newly = Number((/(\d+) Einheit/.exec(text) ?? [])[1]);
    assert(newly > 0, `no unit newly in reach: ${text}`);
    await page.waitForFunction((before) => document.querySelectorAll('.pa-map path.pa-unit--gap').length < before, gapCount, { timeout });
    assert(/wasWaere=/.test(page.url()), 'what-if point not in the URL');
    // a newly reached cell lists the hypothetical provider among its providers in reach (no dead end)
    // (the one farthest from the marker, so that the click does not land on the marker)
    const marker = await page.locator('.pa-whatif-marker').first().boundingBox();
    const fresh = (await Promise.all((await page.locator('.pa-map path.pa-unit--new').all()).map((l) => l.boundingBox())))
      .filter((b) => b !== null)
      .map((b) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 }))
      .sort((a, b) => (marker ? Math.hypot(b.x - marker.x, b.y - marker.y) - Math.hypot(a.x - marker.x, a.y - marker.y) : 0))[0];
    assert(fresh, 'no newly reached cell on screen');
    await page.mouse.click(fresh.x, fresh.y);
    await page.getByTestId('coverage-providers').getByText('Hypothetisches Angebot (nicht gespeichert)').waitFor({ timeout });
    await page.waitForTimeout(400);
    await shot(page, '32-coverage-whatif');
    await page.getByRole('button', { name: 'Gedachten Standort entfernen' }).click();
    await page.waitForFunction((before) => document.querySelectorAll('.pa-map path.pa-unit--gap').length === before, gapCount, { timeout });
    const violations = await seriousViolations(page);
    assert(violations.length === 0, describeViolations(violations));
  });

  await check('matrix page: heat table with numbers agrees with the map, sorts, ranks gaps and offers CSV', async () => {
    await page.goto(`${base}/luecken/matrix`);
    const table = page.getByTestId('coverage-matrix');
    await table.waitFor({ timeout });
    const sprache = (await table.locator('thead th').allInnerTexts()).findIndex((h) => h.startsWith('Sprache und Sprachkurse'));
    assert(sprache > 1, 'no column for Sprache und Sprachkurse');
    const totals = await table.locator('.matrix__totals td[data-field="sprache"]').innerText();
    assert(
      totals.replace(/\s/g, '').includes(`${gapCount}/${cellCount}`.replace(/\B(?=(\d{3})+(?!\d))/g, '.')),
      `matrix totals ${totals} disagree with the map (${gapCount} / ${cellCount})`,
    );
    // sort by the "Sprache" column: gaps (0) first
    await table.locator('thead th').nth(sprache).getByRole('button').click();
    const firstCell = await table
      .locator('tbody tr')
      .first()
      .locator('td')
      .nth(sprache - 1)
      .innerText();
    assert(firstCell.trim().startsWith('0'), `sorted column does not start with a gap: ${firstCell}`);
    const gapRows = await page.getByTestId('coverage-gap-table').locator('tbody tr').count();
    assert(gapRows > 0, 'gap list empty');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout }),
      page.getByRole('button', { name: 'Matrix als CSV' }).click(),
    ]);
    assert(download.suggestedFilename().endsWith('.csv'), 'no CSV download');
    await page.waitForTimeout(300);
    await shot(page, '33-coverage-matrix');
    const violations = await seriousViolations(page);
    assert(violations.length === 0, describeViolations(violations));
  });
}
