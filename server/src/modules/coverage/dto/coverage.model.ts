import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { Geometry } from '@partneratlas/shared';
import { GeoJSONScalar } from '../../../graphql/scalars/geojson.scalar';
import { CoverageUnitKind } from './coverage.input';

export enum CityWideStatus {
  COVERED = 'COVERED',
  THIN = 'THIN',
  UNCOVERED = 'UNCOVERED',
}
registerEnumType(CityWideStatus, {
  name: 'CityWideStatus',
  description: 'City-wide: more than one provider (COVERED), exactly one (THIN) or none (UNCOVERED).',
});

@ObjectType({ description: 'A field of action as the analysis used it.' })
export class CoverageField {
  @Field()
  code: string;

  @Field()
  nameDe: string;

  @Field()
  nameEn: string;

  @Field({ description: 'false for city-wide fields, which are not mapped as spatial gaps.' })
  spatial: boolean;
}

@ObjectType({ description: 'City-wide coverage of a field of action (counts published organisations with a published service).' })
export class CityWideCoverage {
  @Field(() => CoverageField)
  fieldOfAction: CoverageField;

  @Field(() => CityWideStatus)
  status: CityWideStatus;

  @Field(() => Int, { description: 'Organisations offering the field (or a narrower one).' })
  providerCount: number;

  @Field(() => Int, { description: 'Located providers (service × place) used by the spatial analysis.' })
  locatedProviderCount: number;
}

export enum CoverageGroupKind {
  LANGUAGE = 'LANGUAGE',
  NATIONALITY = 'NATIONALITY',
}
registerEnumType(CoverageGroupKind, {
  name: 'CoverageGroupKind',
  description: 'An imported population group by language or by nationality.',
});

@ObjectType({ description: 'An imported population group of a unit without an offer in its language within reach.' })
export class CoverageLanguageGap {
  @Field(() => CoverageGroupKind)
  groupKind: CoverageGroupKind;

  @Field({ description: 'Language (ISO 639-1) or nationality code as imported.' })
  groupCode: string;

  @Field()
  label: string;

  @Field({ description: 'The group’s language (ISO 639-1) as stated by the imported data.' })
  language: string;

  @Field(() => Int)
  persons: number;

  @Field(() => Int)
  year: number;
}

@ObjectType({ description: 'One analysis unit (grid cell or district) for one field of action.' })
export class CoverageUnit {
  @Field(() => ID)
  id: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => GeoJSONScalar, { nullable: true, description: 'The unit polygon (WGS84).' })
  geometry?: Geometry | null;

  @Field(() => Float, {
    nullable: true,
    description: 'E2SFCA accessibility (provider supply per inhabitant, distance-weighted). 0 for a gap; null when population is unknown.',
  })
  score: number | null;

  @Field(() => Int)
  providersInReach: number;

  @Field(() => Float, { description: 'Distance-weighted number of providers in reach (the plain reach; no population needed).' })
  weightedReach: number;

  @Field(() => Float, { nullable: true, description: 'Distance from the unit centre to the nearest provider, also beyond the catchment.' })
  nearestMeters: number | null;

  @Field(() => Int, { nullable: true, description: 'Newest known population; null = unknown (never estimated).' })
  population: number | null;

  @Field(() => Int, { nullable: true })
  populationYear: number | null;

  @Field({ description: 'No provider within the catchment.' })
  gap: boolean;

  @Field(() => Float)
  areaSquareMeters: number;

  @Field(() => [String], { description: 'Languages (ISO 639-1) of the services in reach.' })
  languagesInReach: string[];

  @Field(() => [CoverageLanguageGap], {
    nullable: true,
    description:
      'Imported population groups (newest year) whose language is offered by no provider in reach, most persons first. ' +
      'Null when no group statistics are imported for the unit, and always for grid cells: group figures are per district ' +
      'and are never spread over cells. Not computed in the matrix.',
  })
  languageGaps?: CoverageLanguageGap[] | null;
}

@ObjectType({ description: 'Shares of units and of known population without reach.' })
export class CoverageSummary {
  @Field(() => Int)
  unitCount: number;

  @Field(() => Int)
  gapUnitCount: number;

  @Field(() => Float, { description: 'gapUnitCount / unitCount (0 when there are no units).' })
  gapUnitShare: number;

  @Field(() => Float)
  gapAreaSquareMeters: number;

  @Field(() => Int)
  unitsWithPopulation: number;

  @Field(() => Int, { description: 'Sum of the known populations.' })
  knownPopulation: number;

  @Field(() => Int, { description: 'Known population living in gap units.' })
  populationWithoutReach: number;

  @Field(() => Float, { nullable: true, description: 'populationWithoutReach / knownPopulation; null when no population is known.' })
  populationShareWithoutReach: number | null;

  @Field(() => Int, { description: 'Gap units whose population is unknown.' })
  gapUnitsWithUnknownPopulation: number;

  @Field(() => Int, { description: 'Units of the chosen kind without a polygon (not analysed), e.g. districts before the import.' })
  unitsWithoutGeometry: number;

  @Field(() => Float, { nullable: true })
  maxScore: number | null;

  @Field(() => Float)
  maxWeightedReach: number;

  @Field(() => Int, { description: 'Units with imported group statistics (districts only; 0 in the matrix, where they are not computed).' })
  unitsWithGroupStatistics: number;

  @Field(() => Int, {
    nullable: true,
    description: '(unit, group) pairs without an offer in the group’s language in reach; null without group statistics.',
  })
  languageGapGroups: number | null;

  @Field(() => Int, { nullable: true, description: 'Persons of those groups; null without group statistics.' })
  languageGapPersons: number | null;
}

/** When a coverage result was computed, and whether it still is the current one (coverage-cache.ts). */
@ObjectType({ isAbstract: true })
abstract class KeptCoverageResult {
  @Field(() => GraphQLISODateTime, {
    description: 'When these figures were computed. Results are kept until the data they depend on changes.',
  })
  computedAt: Date;

  @Field({
    description:
      'False while the data has changed since computedAt and a new computation (too long to wait for) is running: the figures are those of computedAt.',
  })
  upToDate: boolean;
}

@ObjectType({ description: 'E2SFCA accessibility of one field of action over the grid or the districts.' })
export class Coverage extends KeptCoverageResult {
  @Field(() => CoverageField)
  fieldOfAction: CoverageField;

  @Field(() => CoverageUnitKind)
  unit: CoverageUnitKind;

  @Field(() => Int)
  catchmentMeters: number;

  @Field(() => [Float])
  zoneWeights: number[];

  @Field(() => String, { nullable: true })
  targetGroup: string | null;

  @Field(() => String, { nullable: true })
  language: string | null;

  @Field({ description: 'Every unit has a known population, so every score is an E2SFCA value (else: plain reach).' })
  populationKnown: boolean;

  @Field(() => Int, { description: 'Located providers (service × place) of the field with the filters applied.' })
  providerCount: number;

  @Field(() => [CoverageUnit], { description: 'Empty for city-wide fields.' })
  units: CoverageUnit[];

  @Field(() => CoverageSummary)
  summary: CoverageSummary;

  @Field(() => CityWideCoverage, { nullable: true, description: 'Only for city-wide fields (spatial = false).' })
  cityWide: CityWideCoverage | null;
}

@ObjectType({ description: 'A provider in reach of a unit (or the hypothetical provider of a what-if).' })
export class CoverageProvider {
  @Field({ description: 'The hypothetical provider of a what-if (not saved): it has no organisation, service or place.' })
  hypothetical: boolean;

  @Field(() => ID, { nullable: true })
  organisationId: string | null;

  @Field(() => String, { nullable: true })
  organisationName: string | null;

  @Field(() => ID, { nullable: true })
  serviceId: string | null;

  @Field(() => String, { nullable: true })
  serviceName: string | null;

  @Field(() => ID, { nullable: true })
  locationId: string | null;

  @Field(() => Float)
  distanceMeters: number;

  @Field(() => Float, { description: 'Zone weight of the distance.' })
  weight: number;

  @Field(() => [String])
  languages: string[];
}

@ObjectType()
export class CoverageUnitChange {
  @Field(() => ID)
  unitId: string;

  @Field()
  name: string;

  @Field(() => Float, { nullable: true })
  scoreBefore: number | null;

  @Field(() => Float, { nullable: true })
  scoreAfter: number | null;

  @Field(() => Int)
  providersBefore: number;

  @Field(() => Int)
  providersAfter: number;

  @Field({ description: 'Was a gap before, is reached now.' })
  newlyInReach: boolean;

  @Field(() => Int, { nullable: true })
  population: number | null;
}

@ObjectType({ description: 'The coverage with one hypothetical provider added (nothing is saved) and the change.' })
export class CoverageWhatIf {
  @Field(() => Coverage, { description: 'The coverage with the hypothetical provider.' })
  coverage: Coverage;

  @Field(() => CoverageSummary)
  before: CoverageSummary;

  @Field(() => Int)
  unitsNewlyInReach: number;

  @Field(() => Int, { description: 'Known population of the units newly in reach.' })
  populationNewlyInReach: number;

  @Field(() => Int)
  unitsNewlyInReachWithUnknownPopulation: number;

  @Field(() => [CoverageUnitChange], { description: 'Units whose reach or score changed.' })
  changedUnits: CoverageUnitChange[];
}

@ObjectType()
export class CoverageGap {
  @Field(() => ID)
  unitId: string;

  @Field()
  unitCode: string;

  @Field()
  unitName: string;

  @Field(() => CoverageField)
  fieldOfAction: CoverageField;

  @Field(() => Int, { nullable: true })
  population: number | null;

  @Field(() => Float)
  areaSquareMeters: number;
}

@ObjectType({ description: '(unit, field) pairs without reach, by affected known population, then by area.' })
export class CoverageGapList {
  @Field(() => Int)
  totalCount: number;

  @Field(() => [CoverageGap])
  nodes: CoverageGap[];
}

@ObjectType()
export class CoverageMatrixCell {
  @Field()
  fieldOfAction: string;

  @Field(() => Int)
  providersInReach: number;

  @Field(() => Float)
  weightedReach: number;

  @Field(() => Float, { nullable: true })
  score: number | null;

  @Field()
  gap: boolean;
}

@ObjectType()
export class CoverageMatrixRow {
  @Field(() => ID)
  unitId: string;

  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => Int, { nullable: true })
  population: number | null;

  @Field(() => Float)
  areaSquareMeters: number;

  @Field(() => [CoverageMatrixCell], { description: 'One cell per column, in the order of `fields`.' })
  cells: CoverageMatrixCell[];
}

@ObjectType()
export class CoverageMatrixColumn {
  @Field(() => CoverageField)
  fieldOfAction: CoverageField;

  @Field(() => Int)
  providerCount: number;

  @Field(() => CoverageSummary)
  summary: CoverageSummary;
}

@ObjectType({ description: 'Units × spatial fields of action.' })
export class CoverageMatrix extends KeptCoverageResult {
  @Field(() => CoverageUnitKind)
  unit: CoverageUnitKind;

  @Field(() => Int)
  catchmentMeters: number;

  @Field(() => [CoverageMatrixColumn])
  fields: CoverageMatrixColumn[];

  @Field(() => [CoverageMatrixRow])
  rows: CoverageMatrixRow[];
}
