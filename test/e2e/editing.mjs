// Browser checks of accounts, self-maintenance and moderation (issue #5), run by run.mjs.
//
// Runs its own server: the first coordinator has to exist before the server starts (the users CLI and
// the server cannot share the embedded database), so this file creates a fresh DATA_DIR, adds the
// coordinator with `node server/dist/cli/users.js create …` (password on stdin), then starts
// `node server/dist/main.js` on it (migrations and the fictional seed as usual). Without SMTP_URL the
// server writes the invitation mail, link included, to its log: the editor is invited through the web
// page and the link is read from that log.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blockExternal, createUserOn, sleep, startServerOn } from './lib.mjs';

const COORDINATOR = { email: 'koordination@example.org', password: 'Herbstlaub-und-Brueckenbau-26', name: 'Kim Koordination' };
const EDITOR = { email: 'redaktion@example.org', password: 'Lindenblatt-Wiesenweg-2026', name: 'Rana Redaktion' };
const SCRIPT_NAME = '<script>alert(1)</script> Testverein';

async function graphql(base, query, variables = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Starts the server with a coordinator, runs the checks, stops it. */
export async function editingChecks(t) {
  const { check } = t;
  const dataDir = mkdtempSync(join(tmpdir(), 'pa-e2e-editing-'));
  let server = null;
  try {
    await check('editing: the users CLI creates the first coordinator and the server starts on that database', async () => {
      await createUserOn(dataDir, COORDINATOR, 'COORDINATOR');
      server = await startServerOn(dataDir);
    });
    if (server) await runEditingChecks({ ...t, base: server.baseUrl, serverOutput: server.output });
  } finally {
    await server?.stop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The checks themselves, against a running server whose log `serverOutput()` returns.
 * @param {{ browser: import('playwright-core').Browser, base: string, serverOutput: () => string, check: Function, assert: Function, shot: Function, seriousViolations: Function, describeViolations: Function, timeout: number }} t
 */
export async function runEditingChecks({
  browser,
  base,
  serverOutput,
  check,
  assert,
  shot,
  seriousViolations,
  describeViolations,
  timeout,
}) {
  const dialogs = [];
  const pageErrors = [];
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'de-DE', timezoneId: 'Europe/Berlin' });
    await blockExternal(context);
    await context.addInitScript(() => localStorage.setItem('partneratlas.language', 'de'));
    return context;
  };
  const watch = (page) => {
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    return page;
  };
  const coordinatorContext = await newContext();
  const editorContext = await newContext();
  const publicContext = await newContext();
  const coordinator = watch(await coordinatorContext.newPage());
  const editor = watch(await editorContext.newPage());
  const visitor = watch(await publicContext.newPage());

  const login = async (page, { email, password }) => {
    await page.goto(`${base}/anmelden`);
    await page.getByLabel(/^E-Mail-Adresse/).fill(email);
    await page.getByLabel(/^Passwort/).fill(password);
    await page.getByRole('button', { name: 'Anmelden', exact: true }).click();
  };
  const axe = async (page) => {
    const violations = await seriousViolations(page);
    assert(violations.length === 0, describeViolations(violations));
  };

  // A published organisation for the editor (the fictional seed, first by name).
  const { organisations } = await graphql(
    base,
    `
      {
        organisations(first: 20, orderBy: NAME, filter: { includeDemo: true }) {
          nodes {
            id
            name
            stale
            locations {
              latitude
            }
          }
        }
      }
    `,
  );
  const target = organisations.nodes[0];
  const oldName = target.name;
  const newName = `${oldName.replace(/\s*\(fiktiv\)\s*$/, '')} – neu geprüft (fiktiv)`;
  let invitationPath = '';

  try {
    await check('editing: a wrong password shows the server message next to the form', async () => {
      await login(coordinator, { email: COORDINATOR.email, password: 'falsches-Passwort-123' });
      const alert = coordinator.getByRole('alert');
      await alert.waitFor({ timeout });
      assert(/falsch/i.test(await alert.innerText()), `unexpected message: ${await alert.innerText()}`);
      await shot(coordinator, '40-login-error');
      await axe(coordinator);
    });

    await check('editing: the coordinator signs in and sees the organisations with status, freshness and actions', async () => {
      await login(coordinator, COORDINATOR);
      await coordinator.waitForURL(/\/meine-organisationen$/, { timeout });
      await coordinator.getByRole('heading', { name: 'Meine Organisationen', level: 1 }).waitFor({ timeout });
      await coordinator.locator('.org-card').first().waitFor({ timeout });
      const menu = coordinator.getByRole('button', { name: /Kim Koordination/ });
      assert((await menu.innerText()).includes('Koordination'), 'user menu without name and role');
      await menu.click();
      for (const item of ['Meine Organisationen', 'Prüfung', 'Benutzer und Einladungen', 'Meine Sitzungen und Passwort']) {
        await coordinator.locator('.user-menu__list').getByRole('link', { name: item }).waitFor({ timeout });
      }
      await shot(coordinator, '41-my-organisations-coordinator');
      await coordinator.keyboard.press('Escape');
      await axe(coordinator);
    });

    await check('editing: the coordinator invites an editor for one organisation and sees that the invitation was sent', async () => {
      await coordinator.goto(`${base}/benutzer`);
      const form = coordinator.getByRole('form', { name: 'Person einladen' });
      await form.waitFor({ timeout });
      await form.getByLabel(/^E-Mail/).fill(EDITOR.email);
      const words = oldName
        .replace(/\(fiktiv\)/, '')
        .split(/[\s:]+/)
        .filter((w) => w.length > 4);
      await form.getByLabel('Organisation hinzufügen').fill(words.slice(0, 2).join(' '));
      await form.locator('.org-search__results').getByRole('button', { name: oldName }).click();
      await form.getByRole('button', { name: `${oldName} entfernen` }).waitFor({ timeout });
      await form.getByRole('button', { name: 'Einladung senden' }).click();
      await coordinator.getByText(`Einladung an ${EDITOR.email} wurde verschickt`).waitFor({ timeout });
      await coordinator.locator('.card', { hasText: EDITOR.email }).getByRole('button', { name: 'Zurückziehen' }).waitFor({ timeout });
      await coordinator.getByRole('rowheader', { name: new RegExp(COORDINATOR.email) }).waitFor({ timeout });
      await shot(coordinator, '42-users-and-invitations');
      await axe(coordinator);
      const started = Date.now();
      while (!invitationPath && Date.now() - started < timeout) {
        const match = /\/einladung\/[A-Za-z0-9_\-.~%]+/.exec(serverOutput());
        if (match) invitationPath = match[0];
        else await sleep(200);
      }
      assert(invitationPath, 'no invitation link in the server log');
    });

    await check('editing: an unknown invitation link says clearly that it is invalid', async () => {
      await visitor.goto(`${base}/einladung/kein-gueltiger-token`);
      await visitor.getByText('Dieser Einladungslink ist ungültig, abgelaufen oder wurde schon verwendet.').waitFor({ timeout });
    });

    await check(
      'editing: the invitee sees the invitation, sets a password (min. 12 characters) and lands on their organisation',
      async () => {
        await editor.goto(`${base}${invitationPath}`);
        await editor.getByText(EDITOR.email).waitFor({ timeout });
        await editor.getByText('Redaktion', { exact: true }).waitFor({ timeout });
        await editor.getByText(oldName).waitFor({ timeout });
        await editor.getByLabel(/Ihr Name/).fill(EDITOR.name);
        await editor.getByLabel(/^Neues Passwort \*?$/).fill('zu-kurz');
        await editor.getByLabel(/^Neues Passwort wiederholen/).fill('zu-kurz');
        await editor.getByRole('button', { name: 'Zugang aktivieren' }).click();
        await editor.getByText('Das Passwort muss mindestens 12 Zeichen lang sein.').waitFor({ timeout });
        await shot(editor, '43-accept-invitation');
        await editor.getByLabel(/^Neues Passwort \*?$/).fill(EDITOR.password);
        await editor.getByLabel(/^Neues Passwort wiederholen/).fill(EDITOR.password);
        await editor.getByRole('button', { name: 'Zugang aktivieren' }).click();
        await editor.waitForURL(/\/meine-organisationen$/, { timeout });
        await editor.locator('.org-card').first().waitFor({ timeout });
        const cards = await editor.locator('.org-card').count();
        assert(cards === 1, `editor sees ${cards} organisations, expected 1`);
        assert(
          (await editor.locator('.org-card').innerText()).includes(oldName.replace(/\s*\(fiktiv\)$/, '')),
          'not the invited organisation',
        );
        await shot(editor, '44-my-organisations-editor');
      },
    );

    await check('editing: the editor changes the name of the published organisation and sees "zur Prüfung eingereicht"', async () => {
      await editor.getByRole('link', { name: `${oldName} bearbeiten` }).click();
      await editor.waitForURL(/\/bearbeiten$/, { timeout });
      const form = editor.getByRole('form', { name: 'Stammdaten' });
      await form.waitFor({ timeout });
      await form.getByLabel(/^Name \*?$/).fill(newName);
      await form.getByRole('button', { name: 'Speichern' }).click();
      await editor.getByText('Zur Prüfung eingereicht – wird nach Freigabe sichtbar.').waitFor({ timeout });
      await editor.locator('.proposals').getByText('wartet auf Prüfung').first().waitFor({ timeout });
      await editor.locator('.badge--pending').first().waitFor({ timeout });
      await shot(editor, '45-edit-submitted-for-review');
      await axe(editor);
    });

    await check('editing: while the change waits, the public detail still shows the old name', async () => {
      await visitor.goto(`${base}/organisationen/${target.id}`);
      const heading = visitor.locator('h1.detail__name');
      await heading.waitFor({ timeout });
      const text = await heading.innerText();
      assert(!text.includes('neu geprüft'), `pending change already public: ${text}`);
      assert((await visitor.getByRole('link', { name: /Bearbeiten/ }).count()) === 0, 'visitor sees an edit link');
    });

    await check('editing: the coordinator sees the change with its field diff in the review queue and approves it', async () => {
      await coordinator.goto(`${base}/pruefung`);
      const card = coordinator.locator('.review-card', { hasText: newName });
      await card.waitFor({ timeout });
      assert((await card.locator('del').innerText()).includes(oldName), 'old value not struck through');
      assert((await card.locator('ins').innerText()) === newName, 'new value not marked');
      assert((await card.innerText()).includes(EDITOR.name), 'proposer not shown');
      await shot(coordinator, '46-review-queue');
      await axe(coordinator);
      await card.getByRole('button', { name: 'Freigeben' }).click();
      await coordinator.getByText(/freigegeben und veröffentlicht/).waitFor({ timeout });
      await coordinator.getByText('Keine Änderungen warten auf Prüfung.').waitFor({ timeout });
    });

    await check('editing: after approval the public (signed-out) detail and map show the new name', async () => {
      await visitor.goto(`${base}/organisationen/${target.id}`);
      await visitor.locator('h1.detail__name', { hasText: 'neu geprüft' }).waitFor({ timeout });
      await visitor.goto(`${base}/?org=${target.id}`);
      await visitor.locator('.detail__name', { hasText: 'neu geprüft' }).waitFor({ timeout });
      await visitor.waitForTimeout(500);
      await shot(visitor, '47-public-new-name');
      await editor.goto(`${base}/meine-organisationen`);
      await editor.locator('.proposals').getByText('freigegeben').first().waitFor({ timeout });
    });

    await check('editing: a conflicting save opens a per-field merge of "Ihre Version" and "Aktuelle Version"', async () => {
      const first = watch(await coordinatorContext.newPage());
      const second = coordinator;
      await first.goto(`${base}/organisationen/${target.id}/bearbeiten`);
      await second.goto(`${base}/organisationen/${target.id}/bearbeiten`);
      for (const p of [first, second]) await p.getByRole('form', { name: 'Stammdaten' }).waitFor({ timeout });
      const f1 = first.getByRole('form', { name: 'Stammdaten' });
      await f1.getByLabel('Website').fill('https://eins.example.org');
      await f1.getByRole('button', { name: 'Speichern' }).click();
      await first.getByText('Gespeichert.').waitFor({ timeout });
      const f2 = second.getByRole('form', { name: 'Stammdaten' });
      await f2.getByLabel('Website').fill('https://zwei.example.org');
      await f2.getByLabel('Weiterer Name / Abkürzung').fill('ZW');
      await f2.getByRole('button', { name: 'Speichern' }).click();
      const dialog = second.getByRole('dialog', { name: 'Der Eintrag wurde inzwischen geändert' });
      await dialog.waitFor({ timeout });
      const website = dialog.getByRole('group', { name: 'Website' });
      assert((await website.innerText()).includes('https://eins.example.org'), 'current version not shown');
      assert((await website.innerText()).includes('https://zwei.example.org'), 'own version not shown');
      await second.waitForTimeout(200);
      await shot(second, '48-conflict-merge');
      await axe(second);
      await dialog.getByRole('button', { name: 'Auswahl speichern' }).click();
      await second.getByText('Gespeichert.').waitFor({ timeout });
      await second.waitForFunction(() => document.querySelector('#org-website')?.value === 'https://zwei.example.org', undefined, {
        timeout,
      });
      await first.close();
    });

    await check('editing: a name containing <script> is stored and shown as literal text everywhere', async () => {
      const form = coordinator.getByRole('form', { name: 'Stammdaten' });
      await form.getByLabel(/^Name \*?$/).fill(SCRIPT_NAME);
      await form.getByRole('button', { name: 'Speichern' }).click();
      await coordinator.getByText('Gespeichert.').waitFor({ timeout });
      await visitor.goto(`${base}/organisationen/${target.id}`);
      const heading = visitor.locator('h1.detail__name');
      await heading.waitFor({ timeout });
      await visitor.waitForTimeout(300);
      assert((await heading.innerText()).includes(SCRIPT_NAME), `heading is "${await heading.innerText()}"`);
      assert((await visitor.locator('main script').count()) === 0, 'a script element was created from the name');
      await shot(visitor, '49-script-name-as-text');
      await coordinator.goto(`${base}/meine-organisationen`);
      await coordinator.getByRole('link', { name: SCRIPT_NAME, exact: true }).waitFor({ timeout });
      assert(dialogs.length === 0, `alert dialog opened: ${dialogs.join(', ')}`);
    });

    await check('editing: the history lists actions, actors and field changes and restores a state after confirming', async () => {
      await coordinator.goto(`${base}/organisationen/${target.id}/verlauf`);
      await coordinator.locator('.history-entry').first().waitFor({ timeout });
      const text = await coordinator.locator('.history-list').innerText();
      assert(text.includes(SCRIPT_NAME), 'latest name change missing');
      assert(text.includes(COORDINATOR.name) || text.includes(COORDINATOR.email), 'actor missing');
      await shot(coordinator, '50-history');
      await axe(coordinator);
      // The entry that set the script name: restoring the state right after the one before it brings the approved name back.
      const entries = coordinator.locator('.history-entry');
      const count = await entries.count();
      let restored = false;
      for (let i = 0; i < count && !restored; i += 1) {
        const entry = entries.nth(i);
        if (!(await entry.locator('ins').allInnerTexts()).some((v) => v.includes('neu geprüft'))) continue;
        await entry.getByRole('button', { name: 'Diesen Stand wiederherstellen' }).click();
        await entry.getByText(/wiederherstellen\?/).waitFor({ timeout });
        await entry.getByRole('button', { name: 'Ja, wiederherstellen' }).click();
        restored = true;
      }
      assert(restored, 'no history entry with the approved name');
      await coordinator.getByText('Der Stand wurde wiederhergestellt.').waitFor({ timeout });
      await visitor.goto(`${base}/organisationen/${target.id}`);
      await visitor.locator('h1.detail__name', { hasText: 'neu geprüft' }).waitFor({ timeout });
    });

    await check('editing: the review page lists stale entries in its second view', async () => {
      await coordinator.goto(`${base}/pruefung?ansicht=veraltet`);
      await coordinator.getByRole('heading', { name: 'Veraltete Einträge', level: 2 }).waitFor({ timeout });
      await coordinator.locator('.data-table tbody tr, .page-section .muted').first().waitFor({ timeout });
      await shot(coordinator, '51-stale-entries');
    });

    await check('editing: stale entries are faded on the public map and say why', async () => {
      const { organisations: all } = await graphql(
        base,
        `
          {
            organisations(first: 100) {
              nodes {
                id
                stale
                locations {
                  latitude
                }
              }
            }
          }
        `,
      );
      const stale = all.nodes.find((o) => o.stale && o.locations.some((l) => l.latitude !== null));
      assert(stale, 'no stale organisation with a location in the seed');
      await visitor.goto(`${base}/?org=${stale.id}`);
      await visitor.waitForSelector('.pa-map[data-markers="ready"]', { timeout });
      await visitor.locator('.detail .verification--stale').waitFor({ timeout });
      await visitor.waitForFunction(() => document.querySelectorAll('.pa-point--stale').length > 0, undefined, { timeout });
      const title = await visitor.locator('.pa-point--stale').first().getAttribute('title');
      assert(/nicht bestätigt|nie bestätigt/.test(title ?? ''), `stale marker title without the reason: ${title}`);
      await visitor.waitForTimeout(400);
      await shot(visitor, '52-stale-on-map');
    });

    await check('editing: my sessions lists this device; the password form checks its input; logout shows "Anmelden" again', async () => {
      await editor.goto(`${base}/konto`);
      await editor.getByText('dieses Gerät').waitFor({ timeout });
      await editor.getByRole('button', { name: 'Passwort ändern' }).click();
      await editor.getByText('Bitte geben Sie Ihr aktuelles Passwort ein.').waitFor({ timeout });
      await shot(editor, '53-account');
      await axe(editor);
      await editor.getByRole('button', { name: /Rana Redaktion/ }).click();
      await editor.getByRole('button', { name: 'Abmelden' }).click();
      await editor.getByRole('link', { name: 'Anmelden' }).waitFor({ timeout });
      await editor.goto(`${base}/meine-organisationen`);
      await editor.waitForURL(/\/anmelden\?weiter=/, { timeout });
    });

    await check('editing: no uncaught error in the editing pages', async () => {
      assert(pageErrors.length === 0, pageErrors.join('\n'));
    });
  } finally {
    await coordinatorContext.close();
    await editorContext.close();
    await publicContext.close();
  }
}
