import * as fs from 'node:fs';
import * as path from 'node:path';
import { Injectable } from '@nestjs/common';
import type { FeatureCollection, Geometry, Point } from '@partneratlas/shared';
import { AreasService } from '../areas/areas.service';
import { NotSpatialFieldException } from '../coverage/coverage.exception';
import { CoverageService } from '../coverage/coverage.service';
import { CoverageUnitKind } from '../coverage/dto/coverage.input';
import { ANONYMOUS, OrganisationsService } from '../organisations/organisations.service';
import { HsdsService } from './hsds/hsds.service';
import { HsdsObject } from './hsds/hsds.mapper';
import {
  columnsOf,
  dataPackageDescriptor,
  EXPORTED_TABLES,
  EXTENSION_TABLE_NAMES,
  EXTENSION_TABLES,
  extensionColumns,
  pathOf,
  TabularCollector,
  toCsv,
} from './hsds/hsds-tabular';

const BATCH = 200;

type Attr = { link_type?: string; value?: string; taxonomy_term?: { code?: string; name?: string } };
const attrs = (o: HsdsObject): Attr[] => (o.attributes as Attr[] | undefined) ?? [];
const attrValue = (o: HsdsObject, type: string) => attrs(o).find((a) => a.link_type === type)?.value ?? '';
const list = (v: unknown): HsdsObject[] => (Array.isArray(v) ? (v as HsdsObject[]) : []);

/** German column headers of the people-facing CSV exports (Excel: UTF-8 with BOM, `;`, CRLF). */
export const ORGANISATION_CSV_COLUMNS = [
  'ID',
  'Name',
  'Alternativer Name',
  'Art',
  'Beschreibung',
  'Website',
  'E-Mail',
  'Telefon',
  'Sprachen',
  'Handlungsfelder',
  'Zielgruppen',
  'Straße',
  'PLZ',
  'Ort',
  'Breitengrad',
  'Längengrad',
  'Prüfstatus',
  'Beispieleintrag (fiktiv)',
] as const;
export const SERVICE_CSV_COLUMNS = [
  'Angebots-ID',
  'Angebot',
  'Beschreibung',
  'Organisation',
  'Organisations-ID',
  'Handlungsfelder',
  'Zielgruppen',
  'Sprachen',
  'Kosten',
  'Voraussetzungen',
  'Zuletzt bestätigt',
] as const;

/** Exports of all published entries: HSDS (nested JSON, tabular package), CSV for people, GeoJSON. */
@Injectable()
export class ExportService {
  constructor(
    private readonly organisations: OrganisationsService,
    private readonly hsds: HsdsService,
    private readonly coverage: CoverageService,
    private readonly areas: AreasService,
  ) {}

  /** Full HSDS organizations, in batches (constant memory per batch, a constant number of queries each). */
  async *organisationBatches(): AsyncGenerator<HsdsObject[]> {
    const ids = await this.organisations.allIdsByName();
    for (let i = 0; i < ids.length; i += BATCH) {
      const slice = ids.slice(i, i + BATCH);
      const orgs = await this.organisations.byIds(slice);
      const order = new Map(slice.map((id, k) => [id, k]));
      orgs.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      yield await this.hsds.fullOrganisations(orgs);
    }
  }

  /** HSDS nested JSON: an array of full organizations. */
  async hsdsJson(): Promise<string> {
    const all: HsdsObject[] = [];
    for await (const batch of this.organisationBatches()) all.push(...batch);
    return JSON.stringify(all, null, 2) + '\n';
  }

  /** HSDS tabular data package: `datapackage.json` plus one CSV per table, written into `dir`. */
  async writeHsdsPackage(dir: string): Promise<{ files: string[]; rows: Record<string, number> }> {
    const collector = new TabularCollector();
    for await (const batch of this.organisationBatches()) for (const org of batch) collector.add(org);
    collector.addTaxonomies(await this.hsds.taxonomies());
    fs.mkdirSync(dir, { recursive: true });
    const files: string[] = [];
    const rows: Record<string, number> = {};
    for (const table of EXPORTED_TABLES) {
      const file = pathOf(table);
      fs.writeFileSync(path.join(dir, file), toCsv(columnsOf(table), collector.tables[table]));
      files.push(file);
      rows[table] = collector.tables[table].length;
    }
    for (const table of EXTENSION_TABLE_NAMES) {
      const file = EXTENSION_TABLES[table].path;
      fs.writeFileSync(path.join(dir, file), toCsv(extensionColumns(table), collector.extensions[table]));
      files.push(file);
      rows[table] = collector.extensions[table].length;
    }
    fs.writeFileSync(path.join(dir, 'datapackage.json'), JSON.stringify(dataPackageDescriptor(new Date().toISOString()), null, 2) + '\n');
    files.push('datapackage.json');
    return { files, rows };
  }

  /** One row per organisation (first located place as address). */
  async organisationsCsv(): Promise<string> {
    const rows: HsdsObject[] = [];
    for await (const batch of this.organisationBatches()) {
      for (const o of batch) {
        const services = list(o.services);
        const loc = list(o.locations)[0];
        const addr = loc ? list(loc.addresses)[0] : undefined;
        rows.push({
          ID: o.id,
          Name: o.name,
          'Alternativer Name': o.alternate_name,
          Art: attrValue(o, 'organisation_kind'),
          Beschreibung: o.description,
          Website: o.website,
          'E-Mail': o.email,
          Telefon: list(o.phones)
            .map((p) => p.number)
            .join(', '),
          Sprachen: [...new Set(services.flatMap((s) => list(s.languages).map((l) => l.code)))].join(', '),
          Handlungsfelder: termNames(services, 'field_of_action'),
          Zielgruppen: termNames(services, 'target_group'),
          Straße: addr?.address_1,
          PLZ: addr?.postal_code,
          Ort: addr?.city,
          Breitengrad: loc?.latitude,
          Längengrad: loc?.longitude,
          Prüfstatus: attrValue(o, 'verification_status'),
          'Beispieleintrag (fiktiv)': attrValue(o, 'is_demo') === 'true' ? 'ja' : 'nein',
        });
      }
    }
    return toCsv([...ORGANISATION_CSV_COLUMNS], rows, { separator: ';', bom: true });
  }

  /** One row per service. */
  async servicesCsv(): Promise<string> {
    const rows: HsdsObject[] = [];
    for await (const batch of this.organisationBatches()) {
      for (const o of batch) {
        for (const s of list(o.services)) {
          rows.push({
            'Angebots-ID': s.id,
            Angebot: s.name,
            Beschreibung: s.description,
            Organisation: o.name,
            'Organisations-ID': o.id,
            Handlungsfelder: termNames([s], 'field_of_action'),
            Zielgruppen: termNames([s], 'target_group'),
            Sprachen: list(s.languages)
              .map((l) => l.code)
              .join(', '),
            Kosten: s.fees_description,
            Voraussetzungen: s.eligibility_description,
            'Zuletzt bestätigt': s.assured_date,
          });
        }
      }
    }
    return toCsv([...SERVICE_CSV_COLUMNS], rows, { separator: ';', bom: true });
  }

  /** GeoJSON FeatureCollection of every located place (entries without coordinates are left out). */
  async locationsGeoJson(): Promise<FeatureCollection<Point>> {
    const features: FeatureCollection<Point>['features'] = [];
    for await (const batch of this.organisationBatches()) {
      for (const o of batch) {
        const services = list(o.services);
        for (const l of list(o.locations)) {
          if (typeof l.latitude !== 'number' || typeof l.longitude !== 'number') continue;
          const addr = list(l.addresses)[0];
          features.push({
            type: 'Feature',
            id: String(l.id),
            geometry: { type: 'Point', coordinates: [l.longitude, l.latitude] },
            properties: {
              locationId: l.id,
              organisationId: o.id,
              name: o.name,
              kind: attrValue(o, 'organisation_kind'),
              street: addr?.address_1 ?? null,
              postcode: addr?.postal_code ?? null,
              city: addr?.city ?? null,
              fieldsOfAction: termCodes(services, 'field_of_action'),
              targetGroups: termCodes(services, 'target_group'),
              languages: [...new Set(services.flatMap((s) => list(s.languages).map((x) => String(x.code))))].sort(),
              verificationStatus: attrValue(o, 'verification_status'),
              isDemo: attrValue(o, 'is_demo') === 'true',
            },
          });
        }
      }
    }
    return { type: 'FeatureCollection', features };
  }

  /** GeoJSON FeatureCollection of the coverage analysis units (polygons) for one field of action. */
  async coverageGeoJson(q: CoverageExportQuery): Promise<FeatureCollection<Geometry, CoverageFeatureProperties>> {
    const c = await this.coverage.coverage(
      { fieldOfAction: q.fieldOfAction, unit: q.unit, catchmentMeters: q.catchmentMeters, weightByCapacity: false },
      ANONYMOUS,
    );
    if (!c.fieldOfAction.spatial) throw new NotSpatialFieldException(c.fieldOfAction.code);
    const geometries = new Map((await this.areas.geometriesByIds(c.units.map((u) => u.id))).map((g) => [g.id, g.geometry]));
    const features: FeatureCollection<Geometry, CoverageFeatureProperties>['features'] = [];
    for (const u of c.units) {
      const geometry = geometries.get(u.id);
      if (!geometry) continue; // the analysis only uses units with a polygon; kept as a guard
      features.push({
        type: 'Feature',
        id: u.id,
        geometry,
        properties: {
          unitId: u.id,
          code: u.code,
          name: u.name,
          unit: c.unit,
          fieldOfAction: c.fieldOfAction.code,
          catchmentMeters: c.catchmentMeters,
          population: u.population,
          populationYear: u.populationYear,
          accessibility: u.score,
          providersInReach: u.providersInReach,
          weightedReach: u.weightedReach,
          nearestMeters: u.nearestMeters === null ? null : Math.round(u.nearestMeters),
          gap: u.gap,
          areaSquareMeters: Math.round(u.areaSquareMeters),
        },
      });
    }
    return { type: 'FeatureCollection', features };
  }
}

/** What the coverage GeoJSON is computed for (validated by the controller). */
export interface CoverageExportQuery {
  fieldOfAction: string;
  unit: CoverageUnitKind;
  catchmentMeters?: number;
}

/** Properties of one analysis unit in the coverage GeoJSON; unknown values are null, never guessed. */
export interface CoverageFeatureProperties {
  unitId: string;
  code: string;
  name: string;
  unit: CoverageUnitKind;
  fieldOfAction: string;
  catchmentMeters: number;
  population: number | null;
  populationYear: number | null;
  /** E2SFCA accessibility; 0 for a gap, null when the population is unknown. */
  accessibility: number | null;
  providersInReach: number;
  weightedReach: number;
  nearestMeters: number | null;
  gap: boolean;
  areaSquareMeters: number;
}

function termsOf(services: HsdsObject[], type: string) {
  return services.flatMap((s) =>
    attrs(s)
      .filter((a) => a.link_type === type)
      .map((a) => a.taxonomy_term ?? {}),
  );
}
function termNames(services: HsdsObject[], type: string): string {
  return [...new Set(termsOf(services, type).map((t) => t.name ?? ''))].filter(Boolean).join(', ');
}
function termCodes(services: HsdsObject[], type: string): string[] {
  return [...new Set(termsOf(services, type).map((t) => t.code ?? ''))].filter(Boolean).sort();
}
