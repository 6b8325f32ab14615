import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OrganisationKind, PublicationStatus, RelationshipType } from '@partneratlas/shared';
import type { Geometry } from '@partneratlas/shared';
import { GeoJSONScalar } from '../../../graphql/scalars/geojson.scalar';
import { CoverageUnitKind } from '../../coverage/dto/coverage.input';
import { CityWideStatus } from '../../coverage/dto/coverage.model';
import { NetworkSummary } from '../../network/dto/network-graph.model';
import { ChangeAssessment, ChangeDirection, ClosedReason, CoverageCellChangeKind } from '../evaluation-compare';
import { IndicatorKind } from '../evaluation.types';
import '../../../common/graphql/enums';

registerEnumType(IndicatorKind, {
  name: 'IndicatorKind',
  description: 'What an indicator of a guiding goal measures (see the field descriptions of GoalIndicator).',
});
registerEnumType(ClosedReason, { name: 'ClosedReason', description: 'ARCHIVED by the later snapshot, or GONE (deleted or unpublished).' });
registerEnumType(ChangeDirection, { name: 'ChangeDirection' });
registerEnumType(ChangeAssessment, { name: 'ChangeAssessment', description: 'Whether the change is good news for the indicator.' });
registerEnumType(CoverageCellChangeKind, { name: 'CoverageCellChangeKind' });

// ------------------------------------------------------------------------------------------ goals and indicators

@ObjectType({ description: 'A field of action as a snapshot recorded it (names frozen with the snapshot).' })
export class EvaluationField {
  @Field()
  code: string;

  @Field()
  nameDe: string;

  @Field()
  nameEn: string;

  @Field({ description: 'false for city-wide fields (no spatial coverage).' })
  spatial: boolean;

  @Field(() => String, { nullable: true })
  parentCode: string | null;

  @Field()
  taxonomyId: string;
}

@ObjectType({
  description:
    'One indicator of a guiding goal. Shares are 0…1; counts are whole numbers. POPULATION_IN_REACH_SHARE: known population in reach ' +
    '(basis: districts, else grid cells with population; null when no population is known); GRID_IN_REACH_SHARE: grid cells in reach; ' +
    'PROVIDERS / SERVICES / LANGUAGES: per field; NETWORK_DENSITY, ISOLATED_ORGANISATIONS, CONFIRMED_LAST_12_MONTHS_SHARE: over the ' +
    'organisations working in any linked field (all organisations when none is linked).',
})
export class GoalIndicator {
  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Field(() => EvaluationField, { nullable: true, description: 'The field the value is about; null for goal-wide indicators.' })
  field: EvaluationField | null;

  @Field(() => Float, { nullable: true, description: 'null = unknown.' })
  value: number | null;

  @Field(() => Float, { nullable: true, description: 'Counted part of a share (e.g. inhabitants in reach, confirmed entries).' })
  numerator: number | null;

  @Field(() => Float, { nullable: true, description: 'Whole of a share (e.g. known inhabitants, entries, possible pairs).' })
  denominator: number | null;

  @Field(() => CoverageUnitKind, { nullable: true, description: 'Units a coverage share was computed over.' })
  basis: CoverageUnitKind | null;

  @Field(() => [String], { description: 'LANGUAGES: the ISO 639-1 codes.' })
  languages: string[];

  @Field({ description: 'false when a falling value is good news (isolated organisations).' })
  higherIsBetter: boolean;
}

@ObjectType({ description: 'A guiding goal (Leitziel) of the integration concept, with indicators computed from the current data.' })
export class GuidingGoal {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true, description: 'null: no wording known yet.' })
  description: string | null;

  @Field(() => String, { nullable: true, description: 'Free text, e.g. "2024–2026".' })
  period: string | null;

  @Field(() => String, { nullable: true, description: 'Where the goal comes from (attribution).' })
  source: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl: string | null;

  @Field(() => Int)
  sortOrder: number;

  @Field(() => Int, { description: 'For updateGuidingGoal(expectedVersion).' })
  version: number;

  @Field()
  updatedAt: Date;

  /** Codes of the linked fields (resolved to terms by the field resolver). */
  fieldCodes: string[];
}

@ObjectType({ description: 'A guiding goal as frozen in a snapshot, with the indicator values of that moment.' })
export class SnapshotGoal {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  period: string | null;

  @Field(() => String, { nullable: true })
  source: string | null;

  @Field(() => String, { nullable: true })
  sourceUrl: string | null;

  @Field(() => [EvaluationField])
  fieldsOfAction: EvaluationField[];

  @Field(() => [GoalIndicator])
  indicators: GoalIndicator[];
}

// ------------------------------------------------------------------------------------------ directory

@ObjectType()
export class SnapshotKindCount {
  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field(() => Int)
  organisations: number;
}

@ObjectType()
export class SnapshotFieldCount {
  @Field(() => EvaluationField)
  field: EvaluationField;

  @Field(() => Int, { description: 'Organisations with a published service in the field (or a narrower one).' })
  organisations: number;

  @Field(() => Int)
  services: number;

  @Field(() => [String], { description: 'Languages (ISO 639-1) of those services.' })
  languages: string[];
}

@ObjectType()
export class SnapshotOrganisation {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field({ description: 'Fictional example entry.' })
  isDemo: boolean;
}

@ObjectType()
export class SnapshotService {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ID)
  organisationId: string;

  @Field()
  organisationName: string;
}

@ObjectType({ description: 'Published organisations and services at the time of the snapshot.' })
export class SnapshotDirectory {
  @Field(() => Int)
  organisationCount: number;

  @Field(() => Int, { description: 'Fictional example entries among them.' })
  demoOrganisationCount: number;

  @Field(() => Int)
  serviceCount: number;

  @Field(() => [String], { description: 'Languages (ISO 639-1) of all published services.' })
  languages: string[];

  @Field(() => [SnapshotKindCount])
  byKind: SnapshotKindCount[];

  @Field(() => [SnapshotFieldCount], { description: 'Every field of action (a parent counts the services of its narrower fields).' })
  byField: SnapshotFieldCount[];

  @Field(() => Int, { description: 'Organisations confirmed as correct within the 12 months before the snapshot.' })
  confirmedLast12Months: number;

  @Field(() => [SnapshotOrganisation])
  organisations: SnapshotOrganisation[];

  @Field(() => [SnapshotService])
  services: SnapshotService[];
}

// ------------------------------------------------------------------------------------------ coverage

@ObjectType({ description: 'One field of action of a coverage matrix, summarised over all units.' })
export class SnapshotCoverageColumn {
  @Field(() => EvaluationField)
  field: EvaluationField;

  @Field(() => Int, { description: 'Located providers (service × place).' })
  providerCount: number;

  @Field(() => Int)
  unitCount: number;

  @Field(() => Int)
  gapUnitCount: number;

  @Field(() => Float, { nullable: true, description: 'Units with a provider in reach / all units.' })
  reachedUnitShare: number | null;

  @Field(() => Int)
  knownPopulation: number;

  @Field(() => Int)
  populationWithoutReach: number;

  @Field(() => Float, { nullable: true, description: 'Known population in reach / known population; null when none is known.' })
  populationReachedShare: number | null;
}

@ObjectType()
export class SnapshotCoverageCell {
  @Field(() => Int)
  providersInReach: number;

  @Field()
  gap: boolean;
}

@ObjectType()
export class SnapshotCoverageRow {
  @Field(() => ID)
  unitId: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Int, { nullable: true })
  population: number | null;

  @Field(() => [SnapshotCoverageCell], { description: 'One cell per column, in the order of `columns`.' })
  cells: SnapshotCoverageCell[];
}

@ObjectType()
export class SnapshotCoverageMatrix {
  @Field(() => CoverageUnitKind)
  unit: CoverageUnitKind;

  @Field(() => Int)
  unitCount: number;

  @Field(() => Int, { description: 'Units without a polygon (not analysed), e.g. districts before the import.' })
  unitsWithoutGeometry: number;

  @Field(() => [SnapshotCoverageColumn])
  columns: SnapshotCoverageColumn[];

  @Field(() => [SnapshotCoverageRow], { description: 'Districts only; empty for the grid.' })
  rows: SnapshotCoverageRow[];
}

@ObjectType()
export class SnapshotGap {
  @Field()
  unitCode: string;

  @Field()
  unitName: string;

  @Field(() => EvaluationField)
  field: EvaluationField;

  @Field(() => Int, { nullable: true })
  population: number | null;

  @Field(() => Float)
  areaSquareMeters: number;
}

@ObjectType()
export class SnapshotGapMapCell {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Int, { description: 'Headline fields without a provider in reach.' })
  gapFields: number;

  @Field(() => Int, { nullable: true })
  population: number | null;

  @Field(() => GeoJSONScalar)
  geometry: Geometry;
}

@ObjectType({ description: 'Per unit, how many of the headline fields have no provider in reach (frozen with its polygons).' })
export class SnapshotGapMap {
  @Field(() => CoverageUnitKind, { nullable: true, description: 'GRID when the city grid exists, else DISTRICT; null without units.' })
  unit: CoverageUnitKind | null;

  @Field(() => [EvaluationField])
  fields: EvaluationField[];

  @Field(() => [SnapshotGapMapCell])
  cells: SnapshotGapMapCell[];
}

@ObjectType()
export class SnapshotCityWide {
  @Field(() => EvaluationField)
  field: EvaluationField;

  @Field(() => Int)
  providerCount: number;

  @Field(() => CityWideStatus)
  status: CityWideStatus;
}

@ObjectType({ description: 'Coverage (E2SFCA, default catchment) per district × field and over the grid, gaps and the gap map.' })
export class SnapshotCoverage {
  @Field(() => Int)
  catchmentMeters: number;

  @Field(() => SnapshotCoverageMatrix)
  districts: SnapshotCoverageMatrix;

  @Field(() => SnapshotCoverageMatrix)
  grid: SnapshotCoverageMatrix;

  @Field(() => [SnapshotGap], { description: 'District gaps, by affected known population, then by area.' })
  gaps: SnapshotGap[];

  @Field(() => SnapshotGapMap)
  gapMap: SnapshotGapMap;

  @Field(() => [SnapshotCityWide], { description: 'Fields that are not place-bound.' })
  cityWide: SnapshotCityWide[];
}

// ------------------------------------------------------------------------------------------ network

@ObjectType()
export class SnapshotNetworkNode {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int)
  degree: number;

  @Field()
  isolated: boolean;

  @Field()
  bridge: boolean;
}

@ObjectType()
export class SnapshotNetworkEdge {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  source: string;

  @Field(() => ID)
  target: string;

  @Field(() => RelationshipType)
  type: RelationshipType;
}

@ObjectType({ description: 'The network of published organisations at the reference date.' })
export class SnapshotNetwork {
  @Field()
  date: string;

  @Field(() => NetworkSummary)
  summary: NetworkSummary;

  @Field(() => [SnapshotNetworkNode])
  nodes: SnapshotNetworkNode[];

  @Field(() => [SnapshotNetworkEdge])
  edges: SnapshotNetworkEdge[];
}

// ------------------------------------------------------------------------------------------ snapshot

@ObjectType({ description: 'A dated, frozen picture of the landscape; later edits never change it.' })
export class EvaluationSnapshot {
  @Field(() => ID)
  id: string;

  @Field()
  title: string;

  @Field({ description: 'Reference date (ISO); relationships count when valid at this date.' })
  date: string;

  @Field({ description: 'When the data was frozen.' })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: 'Who created it (name or email at the time).' })
  createdBy: string | null;

  @Field(() => Int)
  organisationCount: number;

  @Field(() => Int)
  serviceCount: number;
}

// ------------------------------------------------------------------------------------------ comparison

@ObjectType({ description: 'A figure in the earlier (before) and the later (after) snapshot.' })
export class ValueChange {
  @Field(() => Float, { nullable: true })
  before: number | null;

  @Field(() => Float, { nullable: true })
  after: number | null;

  @Field(() => Float, { nullable: true, description: 'after − before; null when one side is unknown.' })
  delta: number | null;

  @Field(() => ChangeDirection)
  direction: ChangeDirection;
}

@ObjectType()
export class FieldCountChange {
  @Field(() => EvaluationField)
  field: EvaluationField;

  @Field(() => ValueChange)
  organisations: ValueChange;

  @Field(() => ValueChange)
  services: ValueChange;

  @Field(() => ValueChange)
  languages: ValueChange;
}

@ObjectType()
export class ComparedOrganisation {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field()
  isDemo: boolean;

  @Field(() => ClosedReason, { nullable: true, description: 'For closed entries.' })
  reason: ClosedReason | null;
}

@ObjectType()
export class ComparedService {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => ID)
  organisationId: string;

  @Field()
  organisationName: string;

  @Field(() => ClosedReason, { nullable: true, description: 'For closed entries.' })
  reason: ClosedReason | null;
}

@ObjectType()
export class DirectoryComparison {
  @Field(() => ValueChange)
  organisations: ValueChange;

  @Field(() => ValueChange)
  services: ValueChange;

  @Field(() => ValueChange)
  languages: ValueChange;

  @Field(() => ValueChange)
  demoOrganisations: ValueChange;

  @Field(() => [String])
  addedLanguages: string[];

  @Field(() => [String])
  removedLanguages: string[];

  @Field(() => [FieldCountChange])
  byField: FieldCountChange[];

  @Field(() => [ComparedOrganisation])
  addedOrganisations: ComparedOrganisation[];

  @Field(() => [ComparedOrganisation], { description: 'In the earlier snapshot, not published in the later one.' })
  closedOrganisations: ComparedOrganisation[];

  @Field(() => [ComparedService])
  addedServices: ComparedService[];

  @Field(() => [ComparedService])
  closedServices: ComparedService[];
}

@ObjectType()
export class CoverageCellChange {
  @Field()
  unitCode: string;

  @Field()
  unitName: string;

  @Field(() => EvaluationField)
  field: EvaluationField;

  @Field(() => Int, { nullable: true })
  providersBefore: number | null;

  @Field(() => Int, { nullable: true })
  providersAfter: number | null;

  @Field(() => Boolean, { nullable: true })
  gapBefore: boolean | null;

  @Field(() => Boolean, { nullable: true })
  gapAfter: boolean | null;

  @Field(() => CoverageCellChangeKind)
  change: CoverageCellChangeKind;
}

@ObjectType()
export class CoverageShareChange {
  @Field(() => EvaluationField)
  field: EvaluationField;

  @Field(() => ValueChange)
  reachedUnitShare: ValueChange;

  @Field(() => ValueChange)
  gapUnits: ValueChange;

  @Field(() => ValueChange)
  populationReachedShare: ValueChange;

  @Field(() => ValueChange, { description: 'Located providers (service × place).' })
  providers: ValueChange;
}

@ObjectType()
export class GapMapChangeCell {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Int, { nullable: true })
  gapFieldsBefore: number | null;

  @Field(() => Int, { nullable: true })
  gapFieldsAfter: number | null;

  @Field(() => GeoJSONScalar)
  geometry: Geometry;
}

@ObjectType()
export class GapMapChange {
  @Field(() => CoverageUnitKind, { nullable: true })
  unit: CoverageUnitKind | null;

  @Field(() => [EvaluationField])
  fields: EvaluationField[];

  @Field(() => [GapMapChangeCell])
  cells: GapMapChangeCell[];
}

@ObjectType()
export class CoverageComparison {
  @Field(() => ValueChange)
  catchmentMeters: ValueChange;

  @Field(() => [CoverageCellChange], { description: 'Every district × field of either snapshot.' })
  districtCells: CoverageCellChange[];

  @Field(() => [CoverageShareChange])
  districtShares: CoverageShareChange[];

  @Field(() => [CoverageShareChange])
  gridShares: CoverageShareChange[];

  @Field(() => GapMapChange)
  gapMap: GapMapChange;
}

@ObjectType()
export class NamedRef {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;
}

@ObjectType()
export class RelationshipChange {
  @Field(() => ID)
  id: string;

  @Field(() => NamedRef)
  source: NamedRef;

  @Field(() => NamedRef)
  target: NamedRef;

  @Field(() => RelationshipType)
  type: RelationshipType;
}

@ObjectType()
export class NetworkComparison {
  @Field(() => NetworkSummary)
  before: NetworkSummary;

  @Field(() => NetworkSummary)
  after: NetworkSummary;

  @Field(() => [RelationshipChange])
  newRelationships: RelationshipChange[];

  @Field(() => [RelationshipChange])
  endedRelationships: RelationshipChange[];

  @Field(() => [NamedRef], { description: 'Isolated before, related to someone after.' })
  newlyConnected: NamedRef[];

  @Field(() => [NamedRef], { description: 'Related before, isolated after.' })
  newlyIsolated: NamedRef[];
}

@ObjectType()
export class IndicatorChange {
  @Field(() => IndicatorKind)
  kind: IndicatorKind;

  @Field(() => EvaluationField, { nullable: true })
  field: EvaluationField | null;

  @Field(() => Float, { nullable: true })
  before: number | null;

  @Field(() => Float, { nullable: true })
  after: number | null;

  @Field(() => Float, { nullable: true })
  delta: number | null;

  @Field(() => ChangeDirection)
  direction: ChangeDirection;

  @Field(() => ChangeAssessment)
  assessment: ChangeAssessment;

  @Field()
  higherIsBetter: boolean;
}

@ObjectType()
export class GoalComparison {
  @Field(() => ID)
  goalId: string;

  @Field()
  title: string;

  @Field()
  inFrom: boolean;

  @Field()
  inTo: boolean;

  @Field(() => [EvaluationField])
  fieldsOfAction: EvaluationField[];

  @Field(() => [IndicatorChange])
  indicators: IndicatorChange[];
}

@ObjectType({ description: 'Two snapshots side by side: `from` the earlier, `to` the later.' })
export class EvaluationComparison {
  @Field(() => EvaluationSnapshot)
  from: EvaluationSnapshot;

  @Field(() => EvaluationSnapshot)
  to: EvaluationSnapshot;

  @Field(() => DirectoryComparison)
  directory: DirectoryComparison;

  @Field(() => CoverageComparison)
  coverage: CoverageComparison;

  @Field(() => NetworkComparison)
  network: NetworkComparison;

  @Field(() => [GoalComparison])
  goals: GoalComparison[];
}

// ------------------------------------------------------------------------------------------ re-confirmation

@ObjectType()
export class PeriodOrganisation {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true, description: 'ISO date' })
  lastConfirmedAt: string | null;

  @Field(() => PublicationStatus)
  status: PublicationStatus;
}

@ObjectType({ description: 'Share of non-archived organisations confirmed since the period started.' })
export class EvaluationProgress {
  @Field(() => Int)
  total: number;

  @Field(() => Int)
  confirmed: number;

  @Field(() => Float, { nullable: true, description: 'confirmed / total; null without organisations.' })
  share: number | null;

  @Field(() => Int)
  outstandingCount: number;

  @Field(() => [PeriodOrganisation], { description: 'Not yet re-confirmed, never confirmed first, then oldest first (at most 500).' })
  outstanding: PeriodOrganisation[];
}

@ObjectType({ description: 'A re-confirmation cycle: every entry not confirmed since `startedAt` is due.' })
export class EvaluationPeriod {
  @Field(() => ID)
  id: string;

  @Field()
  startedAt: Date;

  @Field(() => String, { nullable: true })
  startedBy: string | null;
}
