import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import type { MultiPolygon, Position } from '@partneratlas/shared';
import { parseCsvRecords } from './csv';

/**
 * The seed's data files (copies of shared/data/goettingen, see data/ATTRIBUTION.md).
 * tsc does not copy them to dist, so both server/src/database/seed and server/dist/database/seed
 * resolve to the same folder in the sources: three levels up is `server/`.
 */
export const SEED_DATA_DIR = path.resolve(__dirname, '..', '..', '..', 'src', 'database', 'seed', 'data');

export const DATA_FILES = {
  cityBoundary: 'goettingen_city_boundary.geojson',
  districts: 'goettingen_stadtbezirke.csv',
  integrationskonzept: 'goettingen_integrationskonzept.json',
  organisations: 'goettingen_integration_organisations.csv',
} as const;

function readDataFile(file: string, dir: string): string {
  const full = path.join(dir, file);
  try {
    return fs.readFileSync(full, 'utf8');
  } catch (error) {
    throw new Error(`Seed data file not readable: ${full} (${(error as Error).message})`);
  }
}

const emptyToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function parseNumber(value: string, what: string): number | null {
  const v = value.trim();
  if (v === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(v)) throw new Error(`Seed data: ${what} is not a number: "${value}"`);
  return Number(v);
}

function parseDate(value: string, what: string): string | null {
  const v = value.trim();
  if (v === '') return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new Error(`Seed data: ${what} is not a YYYY-MM-DD date: "${value}"`);
  return v;
}

/** "a ; b ; c" or "a; b" → ["a", "b", "c"]. */
export function splitList(value: string, separator: RegExp = /\s*;\s*/): string[] {
  return value
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

// ---------------------------------------------------------------- city boundary

const positionSchema = z.tuple([z.number(), z.number()]);
const ringSchema = z.array(positionSchema).min(4);
const cityBoundarySchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        properties: z.object({
          name: z.string(),
          bez: z.string(),
          ags_in_source: z.string(),
          ags_current: z.string(),
          rs_in_source: z.string(),
          debkg_id: z.string(),
          nuts_in_source: z.string(),
          wsk: z.string(),
          source: z.string(),
          attribution: z.string(),
          note: z.string(),
        }),
        geometry: z.union([
          z.object({ type: z.literal('Polygon'), coordinates: z.array(ringSchema).min(1) }),
          z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ringSchema).min(1)).min(1) }),
        ]),
      }),
    )
    .length(1),
});

export type CityBoundaryProperties = z.infer<typeof cityBoundarySchema>['features'][number]['properties'];

export interface CityBoundary {
  /** The boundary as a MultiPolygon (a single Polygon in the source is wrapped). */
  geometry: MultiPolygon;
  properties: CityBoundaryProperties;
}

export function loadCityBoundary(dir: string = SEED_DATA_DIR): CityBoundary {
  const parsed = cityBoundarySchema.parse(JSON.parse(readDataFile(DATA_FILES.cityBoundary, dir)));
  const feature = parsed.features[0];
  const g = feature.geometry;
  const toPositions = (ring: [number, number][]): Position[] => ring.map(([lon, lat]) => [lon, lat]);
  const polygons: Position[][][] = g.type === 'Polygon' ? [g.coordinates.map(toPositions)] : g.coordinates.map((p) => p.map(toPositions));
  return { geometry: { type: 'MultiPolygon', coordinates: polygons }, properties: feature.properties };
}

// ---------------------------------------------------------------- districts

export interface DistrictRecord {
  name: string;
  slug: string;
  ortschaft: string | null;
  hasOrtsrat: boolean;
  /** Wikipedia infobox representative point (WGS84) where one was found; not a centroid. */
  point: { lat: number; lon: number } | null;
  coordSource: string | null;
  areaKm2: number | null;
  population: number | null;
  populationDate: string | null;
  populationDefinition: string | null;
  populationSource: string | null;
  incorporated: string | null;
  postcodes: string[];
  notes: string | null;
}

const DISTRICT_COLUMNS = [
  'name',
  'slug',
  'kind',
  'ortschaft',
  'has_ortsrat',
  'lat',
  'lon',
  'coord_source',
  'area_km2',
  'population',
  'population_date',
  'population_definition',
  'incorporated',
  'postcodes',
  'population_source',
  'notes',
] as const;

function requireColumns(records: Record<string, string>[], columns: readonly string[], file: string): void {
  const first = records[0];
  if (!first) throw new Error(`Seed data: ${file} has no rows`);
  const missing = columns.filter((c) => !(c in first));
  if (missing.length > 0) throw new Error(`Seed data: ${file} lacks columns ${missing.join(', ')}`);
}

export function loadDistricts(dir: string = SEED_DATA_DIR): DistrictRecord[] {
  const records = parseCsvRecords(readDataFile(DATA_FILES.districts, dir));
  requireColumns(records, DISTRICT_COLUMNS, DATA_FILES.districts);
  return records.map((r) => {
    const what = (column: string) => `${DATA_FILES.districts} ${r.slug}.${column}`;
    const lat = parseNumber(r.lat, what('lat'));
    const lon = parseNumber(r.lon, what('lon'));
    if ((lat === null) !== (lon === null)) throw new Error(`Seed data: ${what('lat/lon')} has only one coordinate`);
    if (!/^[a-z0-9-]+$/.test(r.slug)) throw new Error(`Seed data: ${what('slug')} is not a slug`);
    if (r.has_ortsrat !== 'yes' && r.has_ortsrat !== 'no') throw new Error(`Seed data: ${what('has_ortsrat')}`);
    const population = parseNumber(r.population, what('population'));
    if (population !== null && !Number.isInteger(population)) throw new Error(`Seed data: ${what('population')}`);
    return {
      name: r.name.trim(),
      slug: r.slug,
      ortschaft: emptyToNull(r.ortschaft),
      hasOrtsrat: r.has_ortsrat === 'yes',
      point: lat !== null && lon !== null ? { lat, lon } : null,
      coordSource: emptyToNull(r.coord_source),
      areaKm2: parseNumber(r.area_km2, what('area_km2')),
      population,
      populationDate: parseDate(r.population_date, what('population_date')),
      populationDefinition: emptyToNull(r.population_definition),
      populationSource: emptyToNull(r.population_source),
      incorporated: parseDate(r.incorporated, what('incorporated')),
      postcodes: splitList(r.postcodes, /\s*,\s*/),
      notes: emptyToNull(r.notes),
    };
  });
}

// ---------------------------------------------------------------- Integrationskonzept / Netzwerk Migration

const integrationskonzeptSchema = z.object({
  city: z.string(),
  documents: z.array(
    z.object({
      title: z.string(),
      handlungsfelder: z.array(z.string()).optional(),
      /** Guiding goals a source names for this document's process (the 2022 concept process). */
      leitziele_mentioned: z.array(z.string()).optional(),
      event: z.string().optional(),
      notes: z.string().optional(),
      sources: z.array(z.string()),
    }),
  ),
  netzwerk_migration: z.object({
    name: z.string(),
    members: z.string(),
    contact: z.string(),
    leadership_2018: z.array(z.string()),
    handbook: z.string(),
    sources: z.array(z.string()).min(1),
  }),
  retrieved: z.string(),
});

export type IntegrationskonzeptFacts = z.infer<typeof integrationskonzeptSchema>;

export function loadIntegrationskonzept(dir: string = SEED_DATA_DIR): IntegrationskonzeptFacts {
  return integrationskonzeptSchema.parse(JSON.parse(readDataFile(DATA_FILES.integrationskonzept, dir)));
}

// ---------------------------------------------------------------- real organisations

export interface RealOrganisationRecord {
  name: string;
  category: string;
  /** Short paraphrase from the source ("services_as_described_in_source"). */
  servicesDescribed: string | null;
  street: string | null;
  postcode: string | null;
  city: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  addressAsOf: string | null;
  /** Only when the file gives coordinates (it currently gives none): never geocoded. */
  point: { lat: number; lon: number } | null;
  verificationStatus: string | null;
  sourceUrls: string[];
  notes: string | null;
}

const ORGANISATION_COLUMNS = [
  'name',
  'category',
  'services_as_described_in_source',
  'street',
  'postcode',
  'city',
  'phone',
  'email',
  'website',
  'address_as_of',
  'lat',
  'lon',
  'verification_status',
  'source_urls',
  'notes',
] as const;

export function loadRealOrganisationRecords(dir: string = SEED_DATA_DIR): RealOrganisationRecord[] {
  const records = parseCsvRecords(readDataFile(DATA_FILES.organisations, dir));
  requireColumns(records, ORGANISATION_COLUMNS, DATA_FILES.organisations);
  return records.map((r) => {
    const what = (column: string) => `${DATA_FILES.organisations} "${r.name}".${column}`;
    const lat = parseNumber(r.lat, what('lat'));
    const lon = parseNumber(r.lon, what('lon'));
    if ((lat === null) !== (lon === null)) throw new Error(`Seed data: ${what('lat/lon')} has only one coordinate`);
    if (r.name.trim() === '') throw new Error(`Seed data: ${DATA_FILES.organisations} has a row without a name`);
    return {
      name: r.name.trim(),
      category: r.category.trim(),
      servicesDescribed: emptyToNull(r.services_as_described_in_source),
      street: emptyToNull(r.street),
      postcode: emptyToNull(r.postcode),
      city: emptyToNull(r.city),
      phone: emptyToNull(r.phone),
      email: emptyToNull(r.email),
      website: emptyToNull(r.website),
      addressAsOf: emptyToNull(r.address_as_of),
      point: lat !== null && lon !== null ? { lat, lon } : null,
      verificationStatus: emptyToNull(r.verification_status),
      sourceUrls: splitList(r.source_urls),
      notes: emptyToNull(r.notes),
    };
  });
}
