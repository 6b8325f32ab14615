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

/**
 * Partneratlas profile extensions (see PROFILE.md): extra tables beside the HSDS ones, named `x_…`
 * so they never clash with a future HSDS table. Columns with their Frictionless types.
 */
export const EXTENSION_TABLES = {
  x_relationship: {
    path: 'x_relationships.csv',
    fields: {
      id: 'string',
      type: 'string',
      source_organization_id: 'string',
      target_organization_id: 'string',
      valid_from: 'date',
      valid_to: 'date',
      field_of_action_code: 'string',
      note: 'string',
    },
  },
  x_network_membership: {
    path: 'x_network_memberships.csv',
    fields: {
      id: 'string',
      organization_id: 'string',
      network_id: 'string',
      network_name: 'string',
      role: 'string',
      since: 'date',
      until: 'date',
    },
  },
  x_district: {
    path: 'x_districts.csv',
    fields: { id: 'string', kind: 'string', code: 'string', name: 'string', source: 'string', attribution: 'string' },
  },
  x_district_statistic: {
    path: 'x_district_statistics.csv',
    fields: {
      district_id: 'string',
      year: 'integer',
      reference_date: 'date',
      population: 'integer',
      foreign_nationals: 'integer',
      migration_background: 'integer',
      definition: 'string',
      source: 'string',
    },
  },
} as const;
export type ExtensionTable = keyof typeof EXTENSION_TABLES;
export const EXTENSION_TABLE_NAMES = Object.keys(EXTENSION_TABLES) as ExtensionTable[];
export const extensionColumns = (table: ExtensionTable): string[] => Object.keys(EXTENSION_TABLES[table].fields);

function extensionRow(table: ExtensionTable, obj: HsdsObject): HsdsObject {
  return Object.fromEntries(extensionColumns(table).flatMap((c) => (obj[c] === undefined || obj[c] === null ? [] : [[c, obj[c]]])));
}

function scalarRow(table: HsdsTable, obj: HsdsObject, extra: HsdsObject = {}): HsdsObject {
  const cols = columnsOf(table);
  const merged = { ...obj, ...extra };
  return Object.fromEntries(cols.filter((c) => merged[c] !== undefined && merged[c] !== null).map((c) => [c, merged[c]]));
}

const arr = (v: unknown): HsdsObject[] => (Array.isArray(v) ? (v as HsdsObject[]) : []);

/** Flattens full (nested) HSDS organizations into the rows of the HSDS tables. */
export class TabularCollector {
  readonly tables: Tables = Object.fromEntries(EXPORTED_TABLES.map((t) => [t, []])) as unknown as Tables;
  readonly extensions: Record<ExtensionTable, HsdsObject[]> = Object.fromEntries(
    EXTENSION_TABLE_NAMES.map((t) => [t, []]),
  ) as unknown as Record<ExtensionTable, HsdsObject[]>;
  private readonly seenTerms = new Set<string>();
  private readonly seenExtensions = new Set<string>();

  /** Extension rows once each (a relationship appears under both organisations, a district under many locations). */
  private addExtension(table: ExtensionTable, key: string, row: HsdsObject): boolean {
    if (this.seenExtensions.has(`${table}:${key}`)) return false;
    this.seenExtensions.add(`${table}:${key}`);
    this.extensions[table].push(extensionRow(table, row));
    return true;
  }

  add(org: HsdsObject): void {
    const t = this.tables;
    t.organization.push(scalarRow('organization', org));
    for (const p of arr(org.phones)) t.phone.push(scalarRow('phone', p));
    for (const a of arr(org.attributes)) t.attribute.push(scalarRow('attribute', a));
    for (const r of arr(org.x_relationships)) this.addExtension('x_relationship', String(r.id), r);
    for (const m of arr(org.x_memberships)) this.addExtension('x_network_membership', String(m.id), m);
    for (const l of arr(org.locations)) {
      t.location.push(scalarRow('location', l));
      const district = l.x_district as HsdsObject | undefined;
      if (district && this.addExtension('x_district', String(district.id), district))
        for (const st of arr(district.statistics))
          this.addExtension('x_district_statistic', `${String(district.id)}:${String(st.year)}`, { ...st, district_id: district.id });
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
    resources: [
      ...EXPORTED_TABLES.map((table) => ({
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
      ...EXTENSION_TABLE_NAMES.map((table) => ({
        name: table,
        path: EXTENSION_TABLES[table].path,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        description: 'Partneratlas profile extension (not an HSDS table); see PROFILE.md',
        schema: {
          fields: Object.entries(EXTENSION_TABLES[table].fields).map(([name, type]) => ({ name, type })),
          primaryKey: table === 'x_district_statistic' ? ['district_id', 'year'] : 'id',
        },
      })),
    ],
  };
}
