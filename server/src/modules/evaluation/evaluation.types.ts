import type { Geometry, OrganisationKind, RelationshipType } from '@partneratlas/shared';

/**
 * The frozen content of an evaluation snapshot (column `evaluation_snapshot.data`). Everything a report or a
 * comparison needs is copied in — names, field labels, geometries of the gap map — so later edits, renamed fields
 * or a rebuilt grid never change what a snapshot says. `format` is bumped when the shape changes.
 */
export const SNAPSHOT_FORMAT = 1;

export enum IndicatorKind {
  /** Share of the known population living within reach of the field (districts, else grid cells, with population). */
  POPULATION_IN_REACH_SHARE = 'POPULATION_IN_REACH_SHARE',
  /** Share of the city's grid cells within reach of the field. */
  GRID_IN_REACH_SHARE = 'GRID_IN_REACH_SHARE',
  /** Organisations with a published service in the field (or a narrower one). */
  PROVIDERS = 'PROVIDERS',
  /** Published services in the field (or a narrower one). */
  SERVICES = 'SERVICES',
  /** Distinct languages those services are offered in. */
  LANGUAGES = 'LANGUAGES',
  /** Density of the network of the organisations working in the goal's fields (all organisations without fields). */
  NETWORK_DENSITY = 'NETWORK_DENSITY',
  /** Organisations of that network without any relationship. */
  ISOLATED_ORGANISATIONS = 'ISOLATED_ORGANISATIONS',
  /** Share of those organisations confirmed as correct in the 12 months before the snapshot. */
  CONFIRMED_LAST_12_MONTHS_SHARE = 'CONFIRMED_LAST_12_MONTHS_SHARE',
}

/** Whether a rising value is good news (used for the arrows of a comparison). */
export const HIGHER_IS_BETTER: Record<IndicatorKind, boolean> = {
  [IndicatorKind.POPULATION_IN_REACH_SHARE]: true,
  [IndicatorKind.GRID_IN_REACH_SHARE]: true,
  [IndicatorKind.PROVIDERS]: true,
  [IndicatorKind.SERVICES]: true,
  [IndicatorKind.LANGUAGES]: true,
  [IndicatorKind.NETWORK_DENSITY]: true,
  [IndicatorKind.ISOLATED_ORGANISATIONS]: false,
  [IndicatorKind.CONFIRMED_LAST_12_MONTHS_SHARE]: true,
};

export type UnitKindName = 'GRID' | 'DISTRICT';

export interface FieldRef {
  code: string;
  nameDe: string;
  nameEn: string;
  spatial: boolean;
  parentCode: string | null;
  taxonomyId: string;
}

export interface FieldCount {
  field: string;
  organisations: number;
  services: number;
  languages: string[];
}

export interface OrganisationRef {
  id: string;
  name: string;
  kind: OrganisationKind;
  isDemo: boolean;
}

export interface ServiceRef {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
}

export interface SnapshotDirectory {
  organisationCount: number;
  /** Fictional example entries among them (the report says so). */
  demoOrganisationCount: number;
  serviceCount: number;
  languages: string[];
  byKind: { kind: OrganisationKind; organisations: number }[];
  byField: FieldCount[];
  /** Published organisations and services: what "added" and "closed" are computed from. */
  organisations: OrganisationRef[];
  services: ServiceRef[];
  /** Archived at the time: tells "archived" from "gone" when an entry disappears. */
  archivedOrganisationIds: string[];
  archivedServiceIds: string[];
  /** Published organisations confirmed within the 12 months before the snapshot. */
  confirmedLast12Months: number;
}

export interface CoverageColumn {
  field: string;
  providerCount: number;
  unitCount: number;
  gapUnitCount: number;
  /** Units with a provider in reach / all units; null without units. */
  reachedUnitShare: number | null;
  knownPopulation: number;
  populationWithoutReach: number;
  /** Known population in reach / known population; null when no population is known. */
  populationReachedShare: number | null;
}

export interface CoverageRowData {
  unitId: string;
  code: string;
  name: string;
  population: number | null;
  /** Aligned with `columns`. */
  cells: { providersInReach: number; gap: boolean }[];
}

export interface CoverageMatrixData {
  unit: UnitKindName;
  unitCount: number;
  unitsWithoutGeometry: number;
  columns: CoverageColumn[];
  /** Districts only (the grid has hundreds of cells; its columns carry the shares). */
  rows: CoverageRowData[];
}

export interface GapData {
  unitCode: string;
  unitName: string;
  field: string;
  population: number | null;
  areaSquareMeters: number;
}

export interface GapMapCell {
  code: string;
  name: string;
  /** Headline fields without a provider in reach of this unit. */
  gapFields: number;
  population: number | null;
  geometry: Geometry;
}

export interface SnapshotCoverage {
  catchmentMeters: number;
  districts: CoverageMatrixData;
  grid: CoverageMatrixData;
  /** District gaps, all of them, ranked like the gap list. */
  gaps: GapData[];
  gapMap: { unit: UnitKindName | null; fields: string[]; cells: GapMapCell[] };
  /** Fields that are not place-bound: city-wide provider counts. */
  cityWide: { field: string; providerCount: number; status: string }[];
}

export interface NetworkSummaryData {
  nodeCount: number;
  edgeCount: number;
  density: number;
  components: number;
  communities: number;
  isolated: number;
  bridges: number;
}

export interface SnapshotNetwork {
  date: string;
  summary: NetworkSummaryData;
  nodes: { id: string; name: string; degree: number; isolated: boolean; bridge: boolean }[];
  edges: { id: string; source: string; target: string; type: RelationshipType }[];
}

export interface IndicatorData {
  kind: IndicatorKind;
  /** The field the value is about; null for goal-wide indicators. */
  field: string | null;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** The unit the population share was computed over. */
  basis: UnitKindName | null;
  languages: string[];
}

export interface SnapshotGoal {
  id: string;
  title: string;
  description: string | null;
  period: string | null;
  source: string | null;
  sourceUrl: string | null;
  fields: string[];
  indicators: IndicatorData[];
}

export interface SnapshotData {
  format: number;
  takenAt: string;
  fields: FieldRef[];
  /** Top-level, place-bound fields of the council motion: the columns of charts and the gap map. */
  headlineFields: string[];
  directory: SnapshotDirectory;
  coverage: SnapshotCoverage;
  network: SnapshotNetwork;
  goals: SnapshotGoal[];
}
