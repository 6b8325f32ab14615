/**
 * Helpers of the load benchmark (load.bench.ts): the client's own GraphQL documents, the request mixes and a
 * small keep-alive client loop for signed-in editors.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type DefinitionNode, type DocumentNode, Kind, parse, print, visit } from 'graphql';
import { OrganisationKind } from '@partneratlas/shared';

const CLIENT_FEATURES = path.resolve(__dirname, '..', '..', 'client', 'src', 'features');

/**
 * One operation of a client feature's .graphql file with the fragments it uses, printed as the client's
 * generated documents send it: the bench measures the real client queries, not simplified ones.
 */
export function clientOperation(feature: string, file: string, operationName: string): string {
  const doc = parse(readFileSync(path.join(CLIENT_FEATURES, feature, 'api', file), 'utf8'));
  const byName = new Map<string, DefinitionNode>();
  for (const d of doc.definitions) {
    if ((d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) && d.name) byName.set(d.name.value, d);
  }
  const op = byName.get(operationName);
  if (!op || op.kind !== Kind.OPERATION_DEFINITION) throw new Error(`${feature}/api/${file}: no operation ${operationName}`);
  const picked: DefinitionNode[] = [op];
  const seen = new Set<string>();
  const collect = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const name = spread.name.value;
        if (seen.has(name)) return;
        seen.add(name);
        const fragment = byName.get(name);
        if (!fragment) throw new Error(`${feature}/api/${file}: fragment ${name} is not defined in the same file`);
        picked.push(fragment);
        collect(fragment);
      },
    });
  collect(op);
  return print({ kind: Kind.DOCUMENT, definitions: picked } as DocumentNode);
}

/** `after` cursor of the page that starts at `offset` (server/src/common/pagination.ts). */
const cursorAt = (offset: number) => Buffer.from(`offset:${offset}`, 'utf8').toString('base64url');

/** Deterministic pseudo-random number in [0, 1) for index i and salt s. */
const rand = (i: number, s: number) => {
  const x = Math.sin(i * 12.9898 + s * 78.233) * 43758.5453;
  return x - Math.floor(x);
};

const TEXTS = [
  'Beratung',
  'Sprachkurs',
  'Familienzentrum',
  'Kulturverein',
  'Migrationsberatung',
  'Jugendtreff',
  'Frauencafé',
  'Integrationskurs',
  'Hausaufgabenhilfe',
  'Elterninitiative',
  'Bildungswerk Grone',
  'Nachbarschaftshilfe Weststadt',
];
/** Misspelt words: nothing matches them exactly, so the server falls back to the typo-tolerant search. */
const TYPOS = ['Migrationsberatng', 'Sprachkurz', 'Familenzentrum', 'Kulturverien'];
const FIELDS = ['sprache', 'beratung', 'frauen-familie', 'arbeit', 'beratung-migration', 'fruehkindlich', 'sozialpaedagogik'];
const LANGUAGES = ['ar', 'tr', 'uk', 'fa', 'ru'];
const KINDS = Object.values(OrganisationKind);
const RADII = [500, 1000, 2000, 5000];

export interface DirectoryVariables {
  filter: Record<string, unknown>;
  first: number;
  after?: string;
  orderBy?: string;
}

/**
 * The directory searches people run, as the client's DirectoryList sends them (20 per page): the empty
 * landing page, words, fields of action, languages, kinds, the "near me" radius with distance order,
 * combinations, typos, and later pages. `count` distinct variable sets, rotated per request.
 */
export function directorySearches(count: number): DirectoryVariables[] {
  const out: DirectoryVariables[] = [];
  for (let i = 0; i < count; i++) {
    const near = {
      lat: Number((51.5 + rand(i, 1) * 0.07).toFixed(5)),
      lng: Number((9.85 + rand(i, 2) * 0.16).toFixed(5)),
      radiusMeters: RADII[Math.floor(rand(i, 3) * RADII.length)],
    };
    const text = TEXTS[Math.floor(rand(i, 4) * TEXTS.length)];
    const field = FIELDS[Math.floor(rand(i, 5) * FIELDS.length)];
    const language = LANGUAGES[Math.floor(rand(i, 6) * LANGUAGES.length)];
    const kind = KINDS[Math.floor(rand(i, 7) * KINDS.length)];
    let filter: Record<string, unknown>;
    let orderBy: string | undefined;
    switch (i % 10) {
      case 0:
        filter = {}; // the landing page: everything, by name
        break;
      case 1:
        filter = { text };
        break;
      case 2:
        filter = { text, fieldsOfAction: [field] };
        break;
      case 3:
        filter = { fieldsOfAction: [field], near };
        break;
      case 4:
        filter = { text, fieldsOfAction: [field], near };
        break;
      case 5:
        filter = { near };
        orderBy = 'DISTANCE';
        break;
      case 6:
        filter = { fieldsOfAction: [field], languages: [language] };
        break;
      case 7:
        filter = { kinds: [kind], fieldsOfAction: [field] };
        break;
      case 8:
        filter = { text, near };
        orderBy = 'DISTANCE';
        break;
      default:
        filter = { text: TYPOS[Math.floor(i / 10) % TYPOS.length] };
    }
    // one search in four is "load more": the second or third page
    const page = rand(i, 8) < 0.75 ? 0 : rand(i, 9) < 0.6 ? 1 : 2;
    const v: DirectoryVariables = { filter, first: 20 };
    if (page) v.after = cursorAt(page * 20);
    if (orderBy) v.orderBy = orderBy;
    out.push(v);
  }
  return out;
}

/** The gap view: each spatial field on the hexagon grid or the districts, sometimes narrowed by language or catchment. */
export function coverageInputs(spatialFields: string[]): { input: Record<string, unknown> }[] {
  const out: { input: Record<string, unknown> }[] = [];
  spatialFields.forEach((fieldOfAction, i) => {
    out.push({ input: { fieldOfAction, unit: 'GRID' } });
    out.push({ input: { fieldOfAction, unit: 'DISTRICT' } });
    out.push({ input: { fieldOfAction, unit: 'GRID', language: LANGUAGES[i % LANGUAGES.length] } });
    out.push({ input: { fieldOfAction, unit: 'GRID', catchmentMeters: i % 2 ? 1000 : 2500 } });
  });
  return out;
}

/** True when a GraphQL response body carries data and no errors. */
export function graphqlOk(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown[] };
    return !parsed.errors?.length && parsed.data !== null && parsed.data !== undefined;
  } catch {
    return false;
  }
}

export interface LoopResult {
  latencies: number[];
  requests: number;
  non2xx: number;
  graphqlErrors: number;
  failures: number;
  samples: string[];
}

export interface EditorSession {
  cookie: string;
  csrfToken: string;
}

/** Signs in through the client's Login mutation; returns the cookies and the CSRF token. */
export async function signIn(endpoint: string, loginDocument: string, email: string, password: string): Promise<EditorSession> {
  const res = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: loginDocument, variables: { email, password } }),
  });
  const body = await res.text();
  if (!res.ok || !graphqlOk(body)) throw new Error(`sign-in of ${email} failed: HTTP ${res.status} ${body.slice(0, 300)}`);
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  const csrf = cookies.find((c) => c.startsWith('pa_csrf='));
  if (!csrf) throw new Error(`sign-in of ${email}: no pa_csrf cookie`);
  return { cookie: cookies.join('; '), csrfToken: decodeURIComponent(csrf.slice('pa_csrf='.length)) };
}

/**
 * One signed-in editor: edits its own organisations one after the other (the client's UpdateOrganisation with
 * the version it got back last time) until `until`. Every edit is expected to be APPLIED: a CONFLICT would mean
 * two editors touched the same entry, which the bench rules out, so it counts as an error.
 */
export async function editorLoop(
  endpoint: string,
  session: EditorSession,
  updateDocument: string,
  organisations: { id: string; version: number }[],
  until: number,
  label: string,
): Promise<LoopResult> {
  const r: LoopResult = { latencies: [], requests: 0, non2xx: 0, graphqlErrors: 0, failures: 0, samples: [] };
  let n = 0;
  while (performance.now() < until) {
    const org = organisations[n % organisations.length];
    n++;
    const t0 = performance.now();
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({
          query: updateDocument,
          variables: {
            id: org.id,
            expectedVersion: org.version,
            input: { description: `Synthetische Benchmark-Organisation, bearbeitet von ${label} (Änderung ${n}).` },
          },
        }),
      });
      const body = await res.text();
      r.latencies.push(performance.now() - t0);
      r.requests++;
      if (res.status < 200 || res.status > 299) {
        r.non2xx++;
        if (r.samples.length < 3) r.samples.push(`HTTP ${res.status}: ${body.slice(0, 300)}`);
        continue;
      }
      const parsed = JSON.parse(body) as {
        data?: { updateOrganisation?: { outcome: string; version: number | null } };
        errors?: unknown[];
      };
      const result = parsed.data?.updateOrganisation;
      if (parsed.errors?.length || !result || result.outcome !== 'APPLIED' || typeof result.version !== 'number') {
        r.graphqlErrors++;
        if (r.samples.length < 3) r.samples.push(body.slice(0, 300));
        continue;
      }
      org.version = result.version;
    } catch (e) {
      r.latencies.push(performance.now() - t0);
      r.requests++;
      r.failures++;
      if (r.samples.length < 3) r.samples.push(String(e));
    }
  }
  return r;
}
