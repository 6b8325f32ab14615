import tabularSchema from './schema/tabular.json';
import type { HsdsObject } from './hsds.mapper';

interface TableSchema {
  path: string;
  required?: string[];
  properties: Record<string, { type?: string; format?: string }>;
}

const TABLES = (tabularSchema as unknown as { properties: Record<string, { items: TableSchema }> }).properties;

/** The HSDS tables Partneratlas fills, in data-package order. */
export const EXPORTED_TABLES = [
  'organization',
  'service',
  'location',
  'address',
  'phone',
  'schedule',
  'service_at_location',
  'language',
  'accessibility',
  'attribute',
  'taxonomy',
  'taxonomy_term',
] as const;
export type HsdsTable = (typeof EXPORTED_TABLES)[number];

/** The flat (scalar) columns of an HSDS table, in the order of the official schema. */
export function columnsOf(table: HsdsTable): string[] {
  return Object.entries(TABLES[table].items.properties)
    .filter(([, p]) => p.type !== 'array' && p.type !== 'object')
    .map(([name]) => name);
}

export function pathOf(table: HsdsTable): string {
  return TABLES[table].items.path;
}

export type Tables = Record<HsdsTable, HsdsObject[]>;

function scalarRow(table: HsdsTable, obj: HsdsObject, extra: HsdsObject = {}): HsdsObject {
  const cols = columnsOf(table);
  const merged = { ...obj, ...extra };
  return Object.fromEntries(cols.filter((c) => merged[c] !== undefined && merged[c] !== null).map((c) => [c, merged[c]]));
}

const arr = (v: unknown): HsdsObject[] => (Array.isArray(v) ? (v as HsdsObject[]) : []);

/** Flattens full (nested) HSDS organizations into the rows of the HSDS tables. */
export class TabularCollector {
  readonly tables: Tables = Object.fromEntries(EXPORTED_TABLES.map((t) => [t, []])) as unknown as Tables;
  private readonly seenTerms = new Set<string>();

  add(org: HsdsObject): void {
    const t = this.tables;
    t.organization.push(scalarRow('organization', org));
    for (const p of arr(org.phones)) t.phone.push(scalarRow('phone', p));
    for (const a of arr(org.attributes)) t.attribute.push(scalarRow('attribute', a));
    for (const l of arr(org.locations)) {
      t.location.push(scalarRow('location', l));
      for (const a of arr(l.addresses)) t.address.push(scalarRow('address', a));
      for (const a of arr(l.accessibility)) t.accessibility.push(scalarRow('accessibility', a));
      for (const s of arr(l.schedules)) t.schedule.push(scalarRow('schedule', s));
      for (const a of arr(l.attributes)) t.attribute.push(scalarRow('attribute', a));
    }
    for (const s of arr(org.services)) {
      t.service.push(scalarRow('service', s));
      for (const x of arr(s.languages)) t.language.push(scalarRow('language', x));
      for (const x of arr(s.service_at_locations)) t.service_at_location.push(scalarRow('service_at_location', x));
      for (const x of arr(s.schedules)) t.schedule.push(scalarRow('schedule', x));
      for (const a of arr(s.attributes)) {
        t.attribute.push(scalarRow('attribute', a));
        const term = a.taxonomy_term as HsdsObject | undefined;
        if (term && !this.seenTerms.has(String(term.id))) {
          this.seenTerms.add(String(term.id));
          t.taxonomy_term.push(scalarRow('taxonomy_term', term));
        }
      }
    }
  }

  addTaxonomies(taxonomies: HsdsObject[]): void {
    for (const x of taxonomies) this.tables.taxonomy.push(scalarRow('taxonomy', x));
  }
}

/** RFC 4180 CSV (comma, CRLF, quotes doubled), UTF-8; what HSDS tabular packages use. */
export function toCsv(columns: string[], rows: HsdsObject[], options: { separator?: string; bom?: boolean } = {}): string {
  const sep = options.separator ?? ',';
  const cell = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return /["\r\n]/.test(s) || s.includes(sep) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [columns.map(cell).join(sep), ...rows.map((r) => columns.map((c) => cell(r[c])).join(sep))];
  return (options.bom ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

/** `datapackage.json` (Frictionless tabular data package) describing the CSV files. */
export function dataPackageDescriptor(created: string): HsdsObject {
  return {
    profile: 'tabular-data-package',
    name: 'partneratlas-hsds',
    title: 'Partneratlas Göttingen – Open Referral HSDS 3.1',
    created,
    licenses: [],
    resources: EXPORTED_TABLES.map((table) => ({
      name: table,
      path: pathOf(table),
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      schema: {
        fields: columnsOf(table).map((name) => {
          const p = TABLES[table].items.properties[name];
          return { name, type: p.type ?? 'string', ...(p.format ? { format: p.format } : {}) };
        }),
        primaryKey: 'id',
      },
    })),
  };
}
