import { foldForSearch, LIMITS, OrganisationKind } from '@partneratlas/shared';
import { CsvRecord, CsvSyntaxError, parseCsvTable } from '../../../../database/seed/csv';
import { CATEGORY_KIND, NETWORK_CATEGORY, parseStreet, realOrganisationId } from '../../../../database/seed/real-organisations';
import { stableUuid } from '../../../../database/seed/prng';
import { stableId } from '../../hsds/stable-id';
import { detectSeparator } from '../decode';
import { cellText, FieldReader, kindOf, splitCell, verificationOf } from '../import-fields';
import type { Locate, OrganisationDraft, ServiceDraft, Token } from '../import-model';
import type { SourceRef } from '../import.types';
import type { TextFile } from './hsds-package.reader';

/**
 * Column mapping of the spreadsheet CSV (documented in IMPORT.md): the German headers of our CSV export and
 * English equivalents, compared folded (case, umlauts, spaces and punctuation ignored).
 */
export const ORGANISATION_COLUMNS = {
  id: ['ID', 'id', 'uuid', 'organisation_id', 'organization_id'],
  name: ['Name', 'name', 'organisation', 'organization'],
  alternateName: ['Alternativer Name', 'alternate_name', 'Kurzname'],
  kind: ['Art', 'kind', 'Kategorie', 'category', 'type'],
  description: ['Beschreibung', 'description', 'services_as_described_in_source'],
  website: ['Website', 'Webseite', 'Internet', 'website', 'url'],
  email: ['E-Mail', 'Mail', 'email'],
  phone: ['Telefon', 'Tel', 'phone', 'telephone'],
  languages: ['Sprachen', 'languages'],
  fieldsOfAction: ['Handlungsfelder', 'fields_of_action'],
  targetGroups: ['Zielgruppen', 'target_groups'],
  street: ['Straße', 'Strasse', 'Adresse', 'street', 'address'],
  postcode: ['PLZ', 'Postleitzahl', 'postcode', 'postal_code', 'zip'],
  city: ['Ort', 'Stadt', 'city'],
  latitude: ['Breitengrad', 'Breite', 'latitude', 'lat'],
  longitude: ['Längengrad', 'Länge', 'longitude', 'lon', 'lng'],
  verification: ['Prüfstatus', 'verification_status'],
  isDemo: ['Beispieleintrag (fiktiv)', 'Beispieleintrag', 'is_demo', 'demo'],
  notes: ['Hinweise', 'Quelle', 'Quellen', 'Stand', 'notes', 'source', 'source_urls', 'address_as_of'],
} as const;

export const SERVICE_COLUMNS = {
  id: ['Angebots-ID', 'service_id'],
  name: ['Angebot', 'service', 'service_name'],
  description: ['Beschreibung', 'description'],
  organisationName: ['Organisation', 'organisation', 'organization'],
  organisationId: ['Organisations-ID', 'organisation_id', 'organization_id'],
  fieldsOfAction: ['Handlungsfelder', 'fields_of_action'],
  targetGroups: ['Zielgruppen', 'target_groups'],
  languages: ['Sprachen', 'languages'],
  fees: ['Kosten', 'fees', 'fees_description'],
  eligibility: ['Voraussetzungen', 'eligibility', 'eligibility_description'],
  assuredDate: ['Zuletzt bestätigt', 'assured_date', 'last_confirmed'],
} as const;

type ColumnMap<K extends string> = { [k in K]?: number } & { notes?: number[] };

function mapHeader<K extends string>(
  header: string[],
  spec: Record<K, readonly string[]>,
  file: string,
  problems: FieldReader['problems'],
): ColumnMap<K> {
  const map: ColumnMap<K> = {};
  const folded = header.map((h) => foldForSearch(h));
  folded.forEach((h, i) => {
    const key = (Object.keys(spec) as K[]).find((k) => spec[k].some((alias) => foldForSearch(alias) === h));
    if (!key) {
      if (h)
        problems.warn({ file, row: 1, column: header[i] }, 'UNKNOWN_COLUMN', 'column not in the mapping (see IMPORT.md); not imported');
      return;
    }
    if (key === ('notes' as K)) {
      map.notes = [...(map.notes ?? []), i];
      return;
    }
    if (map[key] !== undefined) {
      problems.warn({ file, row: 1, column: header[i] }, 'DUPLICATE_COLUMN', 'a second column for the same field; not imported');
      return;
    }
    (map as Record<K, number>)[key] = i;
  });
  return map;
}

interface ParsedFile {
  name: string;
  header: string[];
  body: CsvRecord[];
  separator: string;
}

const isServiceHeader = (header: string[]) =>
  header.some((h) => SERVICE_COLUMNS.id.some((a) => foldForSearch(a) === foldForSearch(h)) || foldForSearch(h) === 'angebot');

/** Reads spreadsheet CSV files: one organisations file, optionally one services file (told apart by their headers). */
export function readSpreadsheetCsv(
  files: (TextFile & { encoding: string })[],
  fields: FieldReader,
): { organisations: OrganisationDraft[]; rows: number; detected: string[] } {
  const problems = fields.problems;
  const detected: string[] = [];
  const parsed: ParsedFile[] = [];
  for (const f of files) {
    const separator = detectSeparator(f.text);
    detected.push(`${f.name}: ${f.encoding}, separator '${separator === '\t' ? 'tab' : separator}'`);
    try {
      const [header, ...body] = parseCsvTable(f.text, { separator, strict: true });
      if (!header) {
        problems.error({ file: f.name, row: null }, 'EMPTY_FILE', 'the file is empty');
        continue;
      }
      parsed.push({ name: f.name, header: header.cells.map((h) => h.trim()), body, separator });
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      problems.error(
        { file: f.name, row: error.row, column: String(error.column) },
        'CSV_QUOTING',
        `${error.problem} (line ${error.line}); nothing of this file can be read reliably`,
      );
    }
  }
  const serviceFiles = parsed.filter((p) => isServiceHeader(p.header));
  const orgFiles = parsed.filter((p) => !isServiceHeader(p.header));
  if (orgFiles.length > 1 || serviceFiles.length > 1) {
    problems.error({ row: null }, 'TOO_MANY_FILES', 'give at most one organisations file and one services file');
    return { organisations: [], rows: 0, detected };
  }
  const organisations: OrganisationDraft[] = [];
  let rows = 0;
  const orgFile = orgFiles[0];
  if (orgFile) {
    rows += orgFile.body.length;
    organisations.push(...readOrganisations(orgFile, fields));
  }
  const svcFile = serviceFiles[0];
  if (svcFile) {
    rows += svcFile.body.length;
    readServices(svcFile, organisations, fields);
  }
  if (!orgFile && !svcFile && !problems.errors) problems.error({ row: null }, 'EMPTY_FILE', 'no CSV file given');
  // Organisation-level lists (fields of action …) of organisations without a service row: one service carries them.
  for (const o of organisations) {
    const seed = orgServiceSeed.get(o);
    if (!seed || o.services.length) continue;
    if (!seed.fieldTokens.length && !seed.groupTokens.length && !seed.languageTokens.length) continue;
    o.services.push({
      at: o.at,
      id: stableId('import-service', o.id, 'organisation-row'),
      idGiven: false,
      values: { name: o.values.name },
      fieldTokens: seed.fieldTokens,
      groupTokens: seed.groupTokens,
      languageTokens: seed.languageTokens,
      atAllLocations: true,
      schedules: [],
    });
  }
  return { organisations, rows, detected };
}

const orgServiceSeed = new WeakMap<OrganisationDraft, { fieldTokens: Token[]; groupTokens: Token[]; languageTokens: Token[] }>();

function cellsOf(
  file: ParsedFile,
  r: CsvRecord,
): { at: (i: number | undefined) => SourceRef; get: (i: number | undefined) => string | undefined } {
  return {
    at: (i) => ({ file: file.name, row: r.row, column: i === undefined ? null : file.header[i] }),
    get: (i) => (i === undefined ? undefined : cellText(r.cells[i])),
  };
}

function tokens(value: string | undefined, at: SourceRef): Token[] {
  return splitCell(value).map((raw) => ({ raw, at }));
}

function readOrganisations(file: ParsedFile, f: FieldReader): OrganisationDraft[] {
  const problems = f.problems;
  const c = mapHeader(file.header, ORGANISATION_COLUMNS, file.name, problems);
  const missing = [c.name === undefined ? 'Name (name)' : null, c.kind === undefined ? 'Art (kind)' : null].filter(Boolean);
  if (missing.length) {
    problems.error(
      { file: file.name, row: 1, column: null },
      'MISSING_COLUMN',
      `required column(s) missing: ${missing.join(', ')}; found: ${file.header.join(', ')}`,
    );
    return [];
  }
  const out: OrganisationDraft[] = [];
  for (const r of file.body) {
    const { at, get } = cellsOf(file, r);
    if (r.cells.length !== file.header.length) {
      problems.error(
        at(undefined),
        'ROW_WIDTH',
        `has ${r.cells.length} fields, the header has ${file.header.length} (a separator inside an unquoted cell?)`,
      );
      continue;
    }
    const locate: Locate = (field) => ({ file: file.name, row: r.row, column: field ?? null });
    const name = f.text(at(c.name), get(c.name), LIMITS.nameMaxLength, true, file.header[c.name!]);
    const id = f.uuid(at(c.id), get(c.id));
    const draft: OrganisationDraft = {
      at: locate,
      id: id ?? realOrganisationId(name ?? `#${file.name}/${r.row}`),
      idGiven: id !== undefined,
      values: {
        name,
        alternateName: f.text(at(c.alternateName), get(c.alternateName), LIMITS.nameMaxLength),
        description: f.text(at(c.description), get(c.description), LIMITS.longTextMaxLength),
        website: f.url(at(c.website), get(c.website)),
        email: f.email(at(c.email), get(c.email)),
      },
      locations: [],
      services: [],
    };
    const kindRaw = get(c.kind);
    if (kindRaw === undefined) problems.error(at(c.kind), 'REQUIRED', `${file.header[c.kind!]} (organisation kind) is required`);
    else {
      const category = CATEGORY_KIND[kindRaw];
      if (category === NETWORK_CATEGORY) draft.skipReason = 'a network, not an organisation (networks are kept as network records)';
      const kind: OrganisationKind | undefined = category && category !== NETWORK_CATEGORY ? category : kindOf(kindRaw);
      if (!kind && !draft.skipReason)
        problems.error(at(c.kind), 'UNKNOWN_KIND', 'unknown organisation kind (see IMPORT.md for the values)', kindRaw);
      draft.values.kind = kind;
    }
    const phones = splitCell(get(c.phone)?.replace(/\s*\/\s*(?=0|\+)/g, ', '))
      .map((p) => f.phone(at(c.phone), p))
      .filter((p): p is string => !!p);
    if (phones.length) draft.values.phones = phones.slice(0, 10).map((number) => ({ number, description: null }));
    const verification = get(c.verification);
    const notes: string[] = [];
    if (verification !== undefined) {
      const v = verificationOf(verification);
      if (v) draft.verification = v;
      else notes.push(`Prüfstatus laut Quelle: ${verification}`);
    }
    const demo = f.bool(at(c.isDemo), get(c.isDemo));
    if (demo !== undefined) draft.isDemo = demo;

    // Address: "Neustadt 18 (Forum Kirche und Diakonie)" → street + place name, as the seed of the real list reads it.
    const streetRaw = get(c.street);
    const parsedStreet = streetRaw ? parseStreet(streetRaw) : null;
    if (streetRaw && !parsedStreet) notes.push(`Ortsangabe ohne Straße: ${streetRaw}`);
    const street = parsedStreet ? f.text(at(c.street), parsedStreet.street, LIMITS.nameMaxLength) : undefined;
    const postcode = f.postcode(at(c.postcode), get(c.postcode));
    const city = f.text(at(c.city), get(c.city), 100);
    const coordinates = f.coordinates(at(c.latitude), at(c.longitude), get(c.latitude), get(c.longitude));
    if (street || coordinates) {
      draft.locations.push({
        at: locate,
        id: id ? stableId('import-location', draft.id, 'organisation-row') : stableUuid(`real-org:${name ?? ''}/location-1`),
        idGiven: false,
        matchFirstLocation: true,
        values: { name: parsedStreet?.name ?? undefined, street, postcode, city, coordinates },
        schedules: [],
      });
    }
    for (const i of c.notes ?? []) {
      const v = cellText(r.cells[i]);
      if (v) notes.push(`${file.header[i]}: ${v}`);
    }
    if (notes.length) draft.sourceNote = notes.join(' · ');
    orgServiceSeed.set(draft, {
      fieldTokens: tokens(get(c.fieldsOfAction), at(c.fieldsOfAction)),
      groupTokens: tokens(get(c.targetGroups), at(c.targetGroups)),
      languageTokens: tokens(get(c.languages), at(c.languages)),
    });
    out.push(draft);
  }
  return out;
}

function readServices(file: ParsedFile, organisations: OrganisationDraft[], f: FieldReader): void {
  const problems = f.problems;
  const c = mapHeader(file.header, SERVICE_COLUMNS, file.name, problems);
  if (c.name === undefined || (c.organisationId === undefined && c.organisationName === undefined)) {
    problems.error(
      { file: file.name, row: 1, column: null },
      'MISSING_COLUMN',
      `a services file needs the columns Angebot (service_name) and Organisations-ID or Organisation; found: ${file.header.join(', ')}`,
    );
    return;
  }
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const byName = new Map(organisations.filter((o) => o.values.name).map((o) => [foldForSearch(o.values.name!), o]));
  for (const r of file.body) {
    const { at, get } = cellsOf(file, r);
    if (r.cells.length !== file.header.length) {
      problems.error(at(undefined), 'ROW_WIDTH', `has ${r.cells.length} fields, the header has ${file.header.length}`);
      continue;
    }
    const orgId = f.uuid(at(c.organisationId), get(c.organisationId));
    const orgName = get(c.organisationName);
    const org = (orgId && byId.get(orgId)) || (orgName ? byName.get(foldForSearch(orgName)) : undefined);
    if (!org) {
      problems.error(
        at(c.organisationId ?? c.organisationName),
        'UNKNOWN_ORGANISATION',
        'the organisation is not in the organisations file of this import',
        orgId ?? orgName,
      );
      continue;
    }
    const id = f.uuid(at(c.id), get(c.id));
    const fees = f.text(at(c.fees), get(c.fees), 1000);
    const free = fees !== undefined && /^(kostenlos|kostenfrei|gratis|free)$/i.test(fees);
    const service: ServiceDraft = {
      at: (field) => ({ file: file.name, row: r.row, column: field ?? null }),
      id: id ?? stableId('import-service', org.id, foldForSearch(get(c.name) ?? String(r.row))),
      idGiven: id !== undefined,
      values: {
        name: f.text(at(c.name), get(c.name), LIMITS.nameMaxLength, true, file.header[c.name]),
        description: f.text(at(c.description), get(c.description), LIMITS.longTextMaxLength),
        fees: free ? undefined : fees,
        free: free ? true : undefined,
        eligibility: f.text(at(c.eligibility), get(c.eligibility), LIMITS.longTextMaxLength),
      },
      fieldTokens: tokens(get(c.fieldsOfAction), at(c.fieldsOfAction)),
      groupTokens: tokens(get(c.targetGroups), at(c.targetGroups)),
      languageTokens: tokens(get(c.languages), at(c.languages)),
      atAllLocations: true,
      schedules: [],
    };
    const assured = f.date(at(c.assuredDate), get(c.assuredDate));
    if (assured && (!org.values.lastConfirmedAt || assured > org.values.lastConfirmedAt)) org.values.lastConfirmedAt = assured;
    org.services.push(service);
  }
}
