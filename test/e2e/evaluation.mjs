// Browser checks of guiding goals, evaluation snapshots and the printed comparison report (issue #8), run by run.mjs.
//
// Runs its own server (like editing.mjs): an admin must exist before the server starts, so this file creates a fresh
// DATA_DIR, adds the admin with `node server/dist/cli/users.js create …` (password on stdin) and starts
// `node server/dist/main.js` on it (migrations and the fictional seed as usual, with the three seeded guiding goals).
// Then, as a person would: sign in, create snapshot "Evaluation 2026" of the seed, add example services in places
// without reach, create "Evaluation 2028", open the comparison, print it to PDF with Chromium and read the PDF's text.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { blockExternal, createUserOn, ROOT, startServerOn } from './lib.mjs';

const ADMIN = { email: 'integrationsbuero@example.org', password: 'Auswertung-Rathaus-Hiroshimaplatz-26', name: 'Ira Integrationsbüro' };
const OUT = join(ROOT, 'test-output', 'e2e');

/**
 * Example services (fictional), each placed in the white spot of its field that lies nearest to the city centre: the
 * gap cells are read from the coverage API before they are added, so the later snapshot must show them reached.
 */
const EXAMPLE_SERVICES = [
  { name: 'Sprachcafé am Stadtrand (Beispiel)', field: 'sprache', languages: ['de', 'uk', 'ar'] },
  { name: 'Familientreff im Quartier (Beispiel)', field: 'frauen-familie', languages: ['de', 'tr'] },
  { name: 'Beratung vor Ort (Beispiel)', field: 'beratung', languages: ['de', 'fa', 'ti'] },
];
const CITY_CENTRE = { lat: 51.5339, lng: 9.9356 };

// ------------------------------------------------------------------------------------------ PDF text

/**
 * The text of a PDF as Chromium (Skia) writes it: objects with /Length-delimited Flate streams, fonts with ToUnicode
 * CMaps, text shown with Tj / TJ. Returns one string per page, in page order. Enough for checking headings; not a
 * general PDF parser.
 */
export function pdfPages(buffer) {
  const src = buffer.toString('latin1');
  const objects = new Map();
  const header = /(\d+) 0 obj\s*/g;
  let m;
  while ((m = header.exec(src))) {
    const start = m.index + m[0].length;
    const end = src.indexOf('endobj', start);
    if (end < 0) break;
    let body = src.slice(start, end);
    let stream = null;
    const streamAt = body.search(/>>\s*stream\r?\n/);
    if (streamAt >= 0) {
      const dict = body.slice(0, streamAt + 2);
      const dataStart =
        start + body.indexOf('stream', streamAt) + 'stream'.length + (src[start + body.indexOf('stream', streamAt) + 6] === '\r' ? 2 : 1);
      const length = /\/Length (\d+)(?! \d+ R)/.exec(dict);
      const dataEnd = length ? dataStart + Number(length[1]) : src.indexOf('endstream', dataStart);
      let raw = Buffer.from(src.slice(dataStart, dataEnd), 'latin1');
      if (/\/FlateDecode/.test(dict)) {
        try {
          raw = inflateSync(raw);
        } catch {
          raw = Buffer.alloc(0);
        }
      }
      stream = raw.toString('latin1');
      body = dict;
      header.lastIndex = Math.max(header.lastIndex, dataEnd);
    }
    objects.set(Number(m[1]), { dict: body, stream });
  }
  const ref = (text, key) => {
    const r = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(text);
    return r ? objects.get(Number(r[1])) : null;
  };
  const dictOf = (text, key) => {
    // an inline << … >> after /key (nested dictionaries allowed), or the referenced object's dictionary
    const at = text.search(new RegExp(`/${key}\\s*<<`));
    if (at >= 0) {
      let depth = 0;
      for (let i = text.indexOf('<<', at); i < text.length - 1; i += 1) {
        if (text[i] === '<' && text[i + 1] === '<') {
          depth += 1;
          i += 1;
        } else if (text[i] === '>' && text[i + 1] === '>') {
          depth -= 1;
          i += 1;
          if (depth === 0) return text.slice(text.indexOf('<<', at), i + 1);
        }
      }
    }
    return ref(text, key)?.dict ?? '';
  };
  const cmaps = new Map();
  const cmapOf = (fontObject) => {
    if (cmaps.has(fontObject)) return cmaps.get(fontObject);
    const map = new Map();
    let bytes = 2;
    const cmap = ref(fontObject.dict, 'ToUnicode')?.stream ?? '';
    const hex = (h) => {
      let s = '';
      for (let i = 0; i + 4 <= h.length; i += 4) s += String.fromCharCode(parseInt(h.slice(i, i + 4), 16));
      return s;
    };
    const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(cmap);
    if (space) bytes = space[1].length / 2;
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const p of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(p[1], 16), hex(p[2]));
    }
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const p of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
        const lo = parseInt(p[1], 16);
        const hi = parseInt(p[2], 16);
        if (p[3].startsWith('[')) {
          [...p[3].matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((d, i) => map.set(lo + i, hex(d[1])));
        } else {
          const base = p[3].slice(1, -1);
          const first = parseInt(base.slice(-4), 16);
          for (let c = lo; c <= hi; c += 1) map.set(c, hex(base.slice(0, -4)) + String.fromCharCode(first + (c - lo)));
        }
      }
    }
    const result = { map, bytes };
    cmaps.set(fontObject, result);
    return result;
  };
  const decode = (token, font) => {
    let codes = [];
    if (token.startsWith('<')) {
      const h = token.slice(1, -1).replace(/\s+/g, '');
      for (let i = 0; i < h.length; i += 2) codes.push(parseInt(h.slice(i, i + 2), 16));
    } else {
      const s = token
        .slice(1, -1)
        .replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e) =>
          /^[0-7]+$/.test(e) ? String.fromCharCode(parseInt(e, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' }[e] ?? e),
        );
      codes = [...s].map((c) => c.charCodeAt(0));
    }
    if (!font) return String.fromCharCode(...codes);
    const { map, bytes } = cmapOf(font);
    let out = '';
    for (let i = 0; i < codes.length; i += bytes) {
      const code = bytes === 2 ? (codes[i] << 8) | (codes[i + 1] ?? 0) : codes[i];
      out += map.get(code) ?? '';
    }
    return out;
  };
  // pages in the order of the page tree
  const pages = [];
  const walk = (node) => {
    if (!node) return;
    if (/\/Type\s*\/Page\b(?!s)/.test(node.dict)) pages.push(node);
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict);
    if (kids) for (const k of kids[1].matchAll(/(\d+) 0 R/g)) walk(objects.get(Number(k[1])));
  };
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict));
  walk(catalog ? ref(catalog.dict, 'Pages') : null);
  return pages.map((page) => {
    const resources = dictOf(page.dict, 'Resources');
    const fontDict = dictOf(resources, 'Font');
    const fonts = new Map([...fontDict.matchAll(/\/([^\s/<>[\]]+)\s+(\d+) 0 R/g)].map((f) => [f[1], objects.get(Number(f[2]))]));
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page.dict)?.[1] ?? '';
    const streams = [...contents.matchAll(/(\d+) 0 R/g)].map((c) => objects.get(Number(c[1]))?.stream ?? '');
    let text = '';
    let font = null;
    const ops =
      /\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|\[((?:<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|[-\d.\s])*)\]\s*TJ|(<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\))\s*(?:Tj|'|")|\bET\b/g;
    for (const content of streams) {
      for (const op of content.matchAll(ops)) {
        if (op[1]) font = fonts.get(op[1]) ?? null;
        else if (op[2] !== undefined) {
          for (const part of op[2].matchAll(/<[0-9A-Fa-f\s]*>|\((?:\\.|[^\\)])*\)|(-?\d+(?:\.\d+)?)/g)) {
            if (part[1] !== undefined) {
              if (Number(part[1]) < -200) text += ' ';
            } else text += decode(part[0], font);
          }
        } else if (op[3]) text += decode(op[3], font);
        else text += '\n';
      }
    }
    return text;
  });
}

/** Whitespace-free, lower case, ligatures (ﬀ, ﬁ …) resolved: how headings are looked up in the PDF text. */
const squash = (s) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

// ------------------------------------------------------------------------------------------ checks

/** Starts the server with an admin, runs the checks, stops it. */
export async function evaluationChecks(t) {
  const { check } = t;
  const dataDir = mkdtempSync(join(tmpdir(), 'pa-e2e-evaluation-'));
  let server = null;
  try {
    await check('evaluation: the users CLI creates an admin and the server starts on that database', async () => {
      await createUserOn(dataDir, ADMIN, 'ADMIN');
      server = await startServerOn(dataDir);
    });
    if (server) await runEvaluationChecks({ ...t, base: server.baseUrl });
  } finally {
    await server?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** @param {{ browser: import('playwright-core').Browser, base: string, check: Function, assert: Function, shot: Function, seriousViolations: Function, describeViolations: Function, timeout: number }} t */
export async function runEvaluationChecks({ browser, base, check, assert, shot, seriousViolations, describeViolations, timeout }) {
  mkdirSync(OUT, { recursive: true });
  const context = await browser.newContext({
    viewport: { width: 1366, height: 900 },
    locale: 'de-DE',
    timezoneId: 'Europe/Berlin',
    acceptDownloads: true,
  });
  await blockExternal(context);
  await context.addInitScript(() => localStorage.setItem('partneratlas.language', 'de'));
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const slow = timeout * 6;

  /** A GraphQL call in the signed-in page (session cookie and CSRF header, like the client). */
  const gql = (query, variables = {}) =>
    page.evaluate(
      async ([q, v]) => {
        const token = decodeURIComponent((document.cookie.split('; ').find((c) => c.startsWith('pa_csrf=')) ?? '').slice(8));
        const response = await fetch('/graphql', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', 'x-csrf-token': token },
          body: JSON.stringify({ query: q, variables: v }),
        });
        return response.json();
      },
      [query, variables],
    );

  const createSnapshot = async (title) => {
    await page.goto(`${base}/auswertung`);
    const form = page.getByTestId('snapshot-manager');
    await form.waitFor({ timeout });
    await page
      .getByLabel(/^Titel/)
      .first()
      .fill(title);
    await page.getByRole('button', { name: 'Snapshot erstellen' }).click();
    await page.getByText(`Snapshot „${title}“ wurde erstellt.`).waitFor({ timeout: slow });
    await page.getByTestId('snapshot-list').getByRole('link', { name: title }).waitFor({ timeout });
  };

  try {
    await check(
      'evaluation: an admin signs in and sees the three seeded guiding goals with their source and without invented wording',
      async () => {
        await page.goto(`${base}/anmelden?weiter=%2Fauswertung`);
        await page.getByLabel(/^E-Mail-Adresse/).fill(ADMIN.email);
        await page.getByLabel(/^Passwort/).fill(ADMIN.password);
        await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
        await page.waitForURL(/\/auswertung$/, { timeout });
        await page.getByRole('heading', { name: 'Auswertung und Leitziele', level: 1 }).waitFor({ timeout });
        await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('link', { name: 'Auswertung' }).waitFor({ timeout });
        const goals = page.getByTestId('goal-manager');
        for (const title of ['Toleranz und Weltoffenheit', 'Gleichstellung', 'Chancengleichheit']) {
          await goals.getByRole('heading', { name: title }).waitFor({ timeout });
        }
        const text = await goals.innerText();
        assert((text.match(/Keine Beschreibung hinterlegt/g) ?? []).length === 3, `descriptions not empty: ${text}`);
        assert(text.includes('Vielfalt gemeinsam gestalten'), 'source attribution missing');
        const href = await goals.getByRole('link', { name: 'Quelle öffnen' }).first().getAttribute('href');
        assert(href?.includes('hna.de'), `source link: ${href}`);
        assert((text.match(/Noch keinem Handlungsfeld zugeordnet/g) ?? []).length === 3, 'seeded goals should not be linked');
        await shot(page, '80-evaluation-overview');
      },
    );

    await check('evaluation: an admin links a guiding goal to fields of action', async () => {
      const card = page.getByTestId('goal-manager').locator('li', { has: page.getByRole('heading', { name: 'Chancengleichheit' }) });
      await card.getByRole('button', { name: 'Bearbeiten' }).click();
      const form = page.getByRole('form', { name: 'Leitziel „Chancengleichheit“ bearbeiten' });
      await form.getByRole('checkbox', { name: 'Sprache und Sprachkurse', exact: true }).check();
      await form.getByRole('checkbox', { name: 'Arbeit und Ausbildung', exact: true }).check();
      await form.getByRole('button', { name: 'Speichern' }).click();
      await page.getByText('Leitziel „Chancengleichheit“ wurde gespeichert.').waitFor({ timeout });
      const after = await page
        .getByTestId('goal-manager')
        .locator('li', { has: page.getByRole('heading', { name: 'Chancengleichheit' }) })
        .innerText();
      assert(after.includes('Sprache und Sprachkurse') && after.includes('Arbeit und Ausbildung'), `fields not shown: ${after}`);
    });

    await check('evaluation: snapshot "Evaluation 2026" of the seed is created and listed', async () => {
      await createSnapshot('Evaluation 2026');
    });

    let provider = null;
    await check('evaluation: example services are added in places without reach (through the editing API)', async () => {
      const orgs = await gql(`{ organisations(first: 1, filter: { kinds: [EDUCATION_PROVIDER] }) { nodes { id name } } }`);
      const org = orgs.data.organisations.nodes[0];
      assert(org, `no organisation to add services to: ${JSON.stringify(orgs)}`);
      provider = org;
      for (const s of EXAMPLE_SERVICES) {
        const cov = await gql(`query($f: String!) { coverage(input: { fieldOfAction: $f, unit: GRID }) { units { id gap geometry } } }`, {
          f: s.field,
        });
        const centre = (g) => {
          const ring = g.type === 'MultiPolygon' ? g.coordinates[0][0] : g.coordinates[0];
          const pts = ring.slice(0, -1);
          return { lng: pts.reduce((a, p) => a + p[0], 0) / pts.length, lat: pts.reduce((a, p) => a + p[1], 0) / pts.length };
        };
        const gaps = cov.data.coverage.units.filter((u) => u.gap).map((u) => centre(u.geometry));
        assert(gaps.length > 0, `no white spot for ${s.field}`);
        const dist = (p) => (p.lat - CITY_CENTRE.lat) ** 2 + ((p.lng - CITY_CENTRE.lng) * 0.62) ** 2;
        Object.assign(s, gaps.sort((a, b) => dist(a) - dist(b))[0]);
        const loc = await gql(
          `mutation($o: ID!, $lat: Float!, $lng: Float!) { createLocation(organisationId: $o, input: { street: "Beispielweg 1", city: "Göttingen", latitude: $lat, longitude: $lng }) { outcome entityId } }`,
          { o: org.id, lat: s.lat, lng: s.lng },
        );
        assert(!loc.errors && loc.data.createLocation.outcome === 'APPLIED', `location: ${JSON.stringify(loc)}`);
        const svc = await gql(
          `mutation($o: ID!, $input: ServiceInput!) { createService(organisationId: $o, input: $input) { outcome entityId } }`,
          {
            o: org.id,
            input: { name: s.name, fieldsOfAction: [s.field], languages: s.languages, locationIds: [loc.data.createLocation.entityId] },
          },
        );
        assert(!svc.errors && svc.data.createService.outcome === 'APPLIED', `service: ${JSON.stringify(svc)}`);
      }
    });

    let connected = '';
    await check('evaluation: the provider of the example services starts a cooperation with an organisation that had none', async () => {
      const net = await gql(`{ network { nodes { isolated organisation { id name } } } }`);
      const lonely = net.data.network.nodes.find((n) => n.isolated);
      assert(lonely, 'no isolated organisation in the seed');
      connected = lonely.organisation.name;
      const rel = await gql(
        `mutation($s: ID!, $t: ID!) { createRelationship(input: { sourceOrganisationId: $s, targetOrganisationId: $t, type: COOPERATION }) { outcome } }`,
        { s: provider.id, t: lonely.organisation.id },
      );
      assert(!rel.errors && rel.data.createRelationship.outcome === 'APPLIED', `relationship: ${JSON.stringify(rel)}`);
    });

    await check('evaluation: snapshot "Evaluation 2028" after the change is created', async () => {
      await createSnapshot('Evaluation 2028');
    });

    let pdfFile = '';
    await check(
      'evaluation: the comparison report lists the new services, coverage change, indicators with arrows and a change map',
      async () => {
        await page.goto(`${base}/auswertung`);
        await page.getByRole('form', { name: 'Zwei Snapshots vergleichen' }).waitFor({ timeout });
        await page.getByLabel('Früherer Stand').selectOption({ index: 1 });
        await page.getByLabel('Späterer Stand').selectOption({ index: 0 });
        await page.getByRole('button', { name: 'Vergleich anzeigen' }).click();
        await page.waitForURL(/\/auswertung\/vergleich\?von=.+&bis=.+/, { timeout });
        const report = page.getByTestId('eval-comparison');
        await report.waitFor({ timeout: slow });
        await page.getByRole('heading', { name: 'Vergleich: Evaluation 2026 → Evaluation 2028', level: 1 }).waitFor({ timeout });
        const added = await page.getByTestId('cmp-added-services').innerText();
        for (const s of EXAMPLE_SERVICES) assert(added.includes(s.name), `new service missing: ${s.name}\n${added}`);
        assert(/Neue Angebote \(3\)/.test(added), `count of new services: ${added}`);
        for (const field of ['Sprache und Sprachkurse', 'Frauen und Familie']) {
          const row = await page.getByTestId('cmp-grid-shares').locator('tbody tr', { hasText: field }).first().innerText();
          assert(row.includes('↑'), `the grid share of ${field} did not rise: ${row}`);
        }
        const text = await report.innerText();
        assert(/Sprache und Sprachkurse/.test(text) && /↑/.test(text), 'no indicator arrows');
        assert(/besser/.test(text), 'no assessment of a change');
        await page.waitForFunction(
          () => document.querySelectorAll('[data-testid="eval-map-change"] path.eval-unit').length > 100,
          undefined,
          { timeout },
        );
        const fewer = await page.locator('[data-testid="eval-map-change"] path.eval-unit--fewer').count();
        assert(fewer > 0, 'the change map shows no unit with fewer gaps');
        const legend = await page.getByTestId('eval-map-change').locator('.eval-map__legend').innerText();
        assert(/weniger Lücken/.test(legend) && /\d+ Gebiet/.test(legend), `legend: ${legend}`);
        await page.waitForTimeout(500);
        await shot(page, '81-evaluation-comparison');
        await page.getByRole('heading', { name: 'Erreichbarkeit und Versorgungslücken' }).scrollIntoViewIfNeeded();
        await page.waitForTimeout(300);
        await shot(page, '82-evaluation-comparison-coverage');
        const network = await page.getByTestId('cmp-new-relationships').innerText();
        assert(network.includes(connected) && network.includes(provider.name), `new relationship missing: ${network}`);
        const newly = await page.getByTestId('cmp-newly-connected').innerText();
        assert(newly.includes(connected), `not listed as newly connected: ${connected}\n${newly}`);
        const violations = await seriousViolations(page);
        assert(violations.length === 0, describeViolations(violations));
      },
    );

    await check('evaluation: every table of the comparison offers a CSV (BOM, semicolons)', async () => {
      const section = page.getByTestId('cmp-added-services');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout }),
        section.getByRole('button', { name: 'CSV herunterladen' }).click(),
      ]);
      const file = join(OUT, 'evaluation-new-services.csv');
      await download.saveAs(file);
      const csv = readFileSync(file, 'utf8');
      assert(csv.startsWith('\ufeffAngebot;Organisation\r\n'), `CSV header: ${JSON.stringify(csv.slice(0, 60))}`);
      assert(csv.includes(EXAMPLE_SERVICES[0].name), 'CSV without the new service');
      const tables = await page.locator('.eval-table').count();
      const withRows = await page.locator('.eval-table:has(table)').count();
      const buttons = await page.locator('.eval-table:has(table) button', { hasText: 'CSV herunterladen' }).count();
      assert(tables > 10 && buttons === withRows, `tables ${tables}, with rows ${withRows}, CSV buttons ${buttons}`);
    });

    await check(
      'evaluation: the print layout hides navigation and buttons; Chromium prints a PDF whose pages carry the headings',
      async () => {
        await page.emulateMedia({ media: 'print' });
        assert(await page.locator('.app-header').isHidden(), 'header visible in print');
        assert(await page.getByRole('button', { name: 'Drucken / als PDF speichern' }).isHidden(), 'print button visible in print');
        assert((await page.locator('.eval-table button:visible').count()) === 0, 'CSV buttons visible in print');
        await shot(page, '83-evaluation-print-media');
        // page.pdf() prints with the print stylesheet (media stays 'print' here, as in the browser's print dialog)
        const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
        pdfFile = join(OUT, 'evaluation-comparison.pdf');
        writeFileSync(pdfFile, pdf);
        const declared = (pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
        const pages = pdfPages(pdf);
        assert(pages.length === declared && pages.length >= 5, `pages: ${pages.length} parsed, ${declared} declared`);
        const all = squash(pages.join('\n'));
        const headings = [
          'Vergleich: Evaluation 2026 → Evaluation 2028',
          'Kennzahlen im Überblick',
          'Leitziele und Kennzahlen',
          'Toleranz und Weltoffenheit',
          'Verzeichnis: Anbieter und Angebote',
          'Neue Angebote (3)',
          'Erreichbarkeit und Versorgungslücken',
          'Karte: Veränderung der Versorgungslücken',
          'Netzwerk der Organisationen',
          'Grundlagen und Hinweise',
        ];
        const missing = headings.filter((h) => !all.includes(squash(h)));
        assert(
          missing.length === 0,
          `headings missing in the PDF text: ${missing.join(' | ')}\n${pages.map((p) => p.slice(0, 200)).join('\n---\n')}`,
        );
        // each main section starts a page (print stylesheet page breaks)
        for (const h of [
          'Leitziele und Kennzahlen',
          'Verzeichnis: Anbieter und Angebote',
          'Erreichbarkeit und Versorgungslücken',
          'Netzwerk der Organisationen',
        ]) {
          const at = pages.findIndex((p) => squash(p).startsWith(squash(h)));
          assert(at > 0, `"${h}" does not open a page`);
        }
        assert(!all.includes(squash('CSV herunterladen')) && !all.includes(squash('Partnersuche')), 'buttons or navigation printed');
        assert(all.includes(squash(EXAMPLE_SERVICES[0].name)), 'new service not in the PDF');
        await page.emulateMedia({ media: 'screen' });
      },
    );

    await check('evaluation: the report of one snapshot shows indicators, a bar chart and the gap map', async () => {
      // the later report first, then the earlier one in the same page: frozen copies must not be mixed in the client cache
      const indicators = () =>
        page.locator('section.eval-table', { has: page.getByRole('heading', { name: 'Kennzahlen: Chancengleichheit' }) }).innerText();
      await page.goto(`${base}/auswertung`);
      await page.getByTestId('snapshot-list').getByRole('link', { name: 'Evaluation 2028' }).click();
      await page.getByRole('heading', { name: 'Auswertung: Evaluation 2028', level: 1 }).waitFor({ timeout: slow });
      const later = await indicators();
      await page.getByRole('link', { name: /Zur Übersicht der Auswertung/ }).click();
      await page.getByTestId('snapshot-list').getByRole('link', { name: 'Evaluation 2026' }).click();
      await page.getByTestId('eval-report').waitFor({ timeout: slow });
      await page.getByRole('heading', { name: 'Auswertung: Evaluation 2026', level: 1 }).waitFor({ timeout });
      const earlier = await indicators();
      assert(earlier !== later, `the two reports show the same indicators:\n${earlier}`);
      assert((await page.locator('.eval-chart svg[role="img"]').count()) >= 1, 'no bar chart');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="eval-map-state"] path.eval-unit').length > 100, undefined, {
        timeout,
      });
      const text = await page.getByTestId('eval-report').innerText();
      assert(/Keine Beschreibung hinterlegt/.test(text), 'empty description not said');
      assert(/Stadtbezirke liegen keine Umrisse vor|Bevölkerung mit Angebot/.test(text), 'district coverage neither shown nor explained');
      await page.waitForTimeout(400);
      await shot(page, '84-evaluation-snapshot-report');
      await page.getByRole('heading', { name: 'Erreichbarkeit und Versorgungslücken' }).scrollIntoViewIfNeeded();
      await page.waitForTimeout(300);
      await shot(page, '85-evaluation-snapshot-coverage');
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      await page.emulateMedia({ media: 'screen' });
      writeFileSync(join(OUT, 'evaluation-snapshot.pdf'), pdf);
      const all = squash(pdfPages(pdf).join('\n'));
      for (const h of ['Auswertung: Evaluation 2026', 'Leitziele und Kennzahlen', 'Karte der Versorgungslücken']) {
        assert(all.includes(squash(h)), `"${h}" not in the snapshot PDF`);
      }
    });

    await check('evaluation: no uncaught error in the evaluation pages', async () => {
      assert(pageErrors.length === 0, pageErrors.join('\n'));
    });
  } finally {
    await context.close();
  }
}
