import * as path from 'node:path';
import { CsvSyntaxError, parseCsvTable } from '../../../../database/seed/csv';
import { EXPORTED_TABLES, EXTENSION_TABLE_NAMES, EXTENSION_TABLES, ExtensionTable, HsdsTable, pathOf } from '../../hsds/hsds-tabular';
import { assertJsonDepth } from '../decode';
import type { Problems } from '../import-fields';
import { SOURCE, TableSource } from './hsds-objects';

type Obj = Record<string | symbol, unknown>;

export interface TextFile {
  name: string;
  text: string;
}

const NUMERIC = new Set(['latitude', 'longitude', 'year_incorporated']);

/**
 * Rebuilds nested HSDS organizations from a tabular data package (datapackage.json optional; without it the
 * standard file names are used). Every object remembers its file and row for the report.
 */
export function readHsdsPackage(files: TextFile[], problems: Problems): { organisations: Obj[]; rows: number } {
  const byName = new Map(files.map((f) => [path.basename(f.name), f]));
  const paths = new Map<HsdsTable, string>(EXPORTED_TABLES.map((t) => [t, pathOf(t)]));
  const descriptor = byName.get('datapackage.json');
  if (descriptor) {
    try {
      assertJsonDepth(descriptor.text, 32);
      const pkg = JSON.parse(descriptor.text) as { resources?: { name?: string; path?: string }[] };
      for (const r of pkg.resources ?? []) {
        if (r.name && r.path && (EXPORTED_TABLES as readonly string[]).includes(r.name))
          paths.set(r.name as HsdsTable, path.basename(r.path));
      }
    } catch (error) {
      problems.error(
        { file: 'datapackage.json', row: null },
        'INVALID_JSON',
        `datapackage.json is not valid JSON: ${(error as Error).message}`,
      );
    }
  }
  const known = new Set([...paths.values(), 'datapackage.json', ...EXTENSION_TABLE_NAMES.map((t) => EXTENSION_TABLES[t].path)]);
  for (const f of files) {
    if (!known.has(path.basename(f.name))) {
      problems.warn({ file: f.name, row: null }, 'UNKNOWN_FILE', 'not a table of the HSDS data package; not imported');
    }
  }
  const tables = new Map<HsdsTable, Obj[]>();
  let rows = 0;
  for (const table of EXPORTED_TABLES) {
    const file = byName.get(paths.get(table)!);
    if (!file) continue;
    const parsed = readTable(file, problems);
    rows += parsed.length;
    tables.set(table, parsed);
  }
  if (!tables.has('organization')) {
    problems.error({ file: paths.get('organization'), row: null }, 'MISSING_FILE', `the package has no ${paths.get('organization')}`);
    return { organisations: [], rows };
  }
  const get = (t: HsdsTable) => tables.get(t) ?? [];
  const by = (t: HsdsTable, key: string) => {
    const m = new Map<string, Obj[]>();
    for (const r of get(t)) {
      const k = r[key];
      if (typeof k !== 'string') continue;
      const l = m.get(k);
      if (l) l.push(r);
      else m.set(k, [r]);
    }
    return m;
  };
  const terms = new Map(get('taxonomy_term').map((t) => [String(t.id), t]));
  const attributes = new Map<string, Obj[]>();
  for (const a of get('attribute')) {
    const term = terms.get(String(a.taxonomy_term_id));
    if (term) a.taxonomy_term = term;
    const k = `${String(a.link_entity)}:${String(a.link_id)}`;
    attributes.set(k, [...(attributes.get(k) ?? []), a]);
  }
  const phones = by('phone', 'organization_id');
  const locations = by('location', 'organization_id');
  const addresses = by('address', 'location_id');
  const accessibility = by('accessibility', 'location_id');
  const schedulesByLocation = by('schedule', 'location_id');
  const schedulesByService = new Map<string, Obj[]>();
  for (const s of get('schedule')) {
    if (typeof s.location_id === 'string' || typeof s.service_id !== 'string') continue;
    schedulesByService.set(s.service_id, [...(schedulesByService.get(s.service_id) ?? []), s]);
  }
  const services = by('service', 'organization_id');
  const languages = by('language', 'service_id');
  const sal = by('service_at_location', 'service_id');

  const orgIds = new Set(get('organization').map((o) => String(o.id)));
  for (const [table, key] of [
    ['location', 'organization_id'],
    ['service', 'organization_id'],
    ['phone', 'organization_id'],
  ] as const) {
    for (const r of get(table)) {
      if (typeof r[key] === 'string' && !orgIds.has(r[key])) {
        const src = r[SOURCE] as TableSource;
        problems.error({ ...src, column: key }, 'UNKNOWN_REFERENCE', `refers to no organization in ${paths.get('organization')}`, r[key]);
      }
    }
  }

  // Profile extensions (PROFILE.md): read back onto the objects as the nested JSON carries them.
  const ext = (t: ExtensionTable): Obj[] => {
    const file = byName.get(EXTENSION_TABLES[t].path);
    if (!file) return [];
    const parsed = readTable(file, problems);
    rows += parsed.length;
    return parsed;
  };
  const relationshipsByOrg = new Map<string, Obj[]>();
  for (const r of ext('x_relationship')) {
    for (const k of new Set([r.source_organization_id, r.target_organization_id])) {
      if (typeof k === 'string') relationshipsByOrg.set(k, [...(relationshipsByOrg.get(k) ?? []), r]);
    }
  }
  const membershipsByOrg = new Map<string, Obj[]>();
  for (const m of ext('x_network_membership')) {
    if (typeof m.organization_id === 'string')
      membershipsByOrg.set(m.organization_id, [...(membershipsByOrg.get(m.organization_id) ?? []), m]);
  }
  const districts = new Map<string, Obj>();
  for (const d of ext('x_district')) if (typeof d.id === 'string') districts.set(d.id, { ...d, statistics: [] });
  for (const st of ext('x_district_statistic')) {
    const d = typeof st.district_id === 'string' ? districts.get(st.district_id) : undefined;
    if (d) (d.statistics as Obj[]).push(st);
  }

  const organisations = get('organization').map((o) => {
    const id = String(o.id);
    o.phones = phones.get(id) ?? [];
    o.attributes = attributes.get(`organization:${id}`) ?? [];
    o.locations = (locations.get(id) ?? []).map((l) => {
      const lid = String(l.id);
      l.addresses = addresses.get(lid) ?? [];
      l.accessibility = accessibility.get(lid) ?? [];
      l.schedules = schedulesByLocation.get(lid) ?? [];
      l.attributes = attributes.get(`location:${lid}`) ?? [];
      const area = (l.attributes as Obj[]).find((a) => a.link_type === 'area')?.value;
      if (typeof area === 'string' && districts.has(area)) l.x_district = districts.get(area);
      return l;
    });
    o.services = (services.get(id) ?? []).map((s) => {
      const sid = String(s.id);
      s.languages = languages.get(sid) ?? [];
      s.attributes = attributes.get(`service:${sid}`) ?? [];
      s.service_at_locations = sal.get(sid) ?? [];
      s.schedules = schedulesByService.get(sid) ?? [];
      return s;
    });
    o.x_relationships = relationshipsByOrg.get(id) ?? [];
    o.x_memberships = membershipsByOrg.get(id) ?? [];
    return o;
  });
  return { organisations, rows };
}

function readTable(file: TextFile, problems: Problems): Obj[] {
  let records;
  try {
    records = parseCsvTable(file.text, { separator: ',', strict: true });
  } catch (error) {
    if (error instanceof CsvSyntaxError) {
      problems.error({ file: file.name, row: error.row, column: String(error.column) }, 'CSV_QUOTING', error.problem);
      return [];
    }
    throw error;
  }
  const [header, ...body] = records;
  if (!header) return [];
  const names = header.cells.map((h) => h.trim());
  const out: Obj[] = [];
  for (const r of body) {
    if (r.cells.length !== names.length) {
      problems.error(
        { file: file.name, row: r.row, column: null },
        'ROW_WIDTH',
        `has ${r.cells.length} fields, the header has ${names.length}`,
      );
      continue;
    }
    const obj: Obj = {};
    names.forEach((n, i) => {
      const v = r.cells[i];
      if (v === '') return;
      obj[n] = NUMERIC.has(n) && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
    });
    obj[SOURCE] = { file: file.name, row: r.row } satisfies TableSource;
    out.push(obj);
  }
  return out;
}
