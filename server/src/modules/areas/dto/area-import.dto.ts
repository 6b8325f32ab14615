import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import GraphQLJSON from 'graphql-type-json';

export enum AreaImportMatch {
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(AreaImportMatch, { name: 'AreaImportMatch', description: 'How a feature was matched to a district.' });

@InputType({
  description:
    'Official areas data as text: district polygons (GeoJSON FeatureCollection), statistics (CSV) and group statistics (CSV). ' +
    'Sizes together at most IMPORT_MAX_MB. A dry run reports without writing; an import is all or nothing.',
})
export class ImportAreasInput {
  @Field(() => String, { nullable: true, description: 'GeoJSON FeatureCollection of (Multi)Polygons with a "code" or "name" property.' })
  @IsOptional()
  @IsString()
  districtsGeoJson?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  districtsFileName?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Coordinates of the GeoJSON when it has no "crs" member: 4326 (default) or 25832 (reprojected).',
  })
  @IsOptional()
  @IsIn([4326, 25832], { message: 'srid must be 4326 or 25832' })
  srid?: 4326 | 25832 | null;

  @Field(() => String, {
    nullable: true,
    description: 'CSV: area_code, year, population, foreign_nationals, migration_background [, reference_date, source, definition].',
  })
  @IsOptional()
  @IsString()
  statisticsCsv?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  statisticsFileName?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'CSV: area_code, year, group_kind (language|nationality), group_code, group_label, language (ISO 639-1; required for nationality groups), persons [, source].',
  })
  @IsOptional()
  @IsString()
  groupStatisticsCsv?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  groupStatisticsFileName?: string | null;

  @Field(() => Boolean, { description: 'Only check and report; write nothing.' })
  @IsBoolean()
  dryRun: boolean;
}

@ArgsType()
export class AreaImportRecordsArgs {
  @Field(() => Int, { defaultValue: 20 })
  @IsInt()
  @Min(1)
  @Max(100)
  first: number = 20;
}

@ObjectType()
export class AreaImportMessage {
  @Field({ description: 'Which part: "feature 3 (code …)", "statistics line 5", "group statistics line 2" …' })
  item: string;

  @Field()
  message: string;
}

@ObjectType()
export class AreaImportDistrict {
  @Field()
  code: string;

  @Field()
  name: string;

  @Field(() => AreaImportMatch)
  matchedBy: AreaImportMatch;

  @Field({ description: 'The polygon was invalid and repaired with ST_MakeValid.' })
  repaired: boolean;
}

@ObjectType()
export class AreaImportCounts {
  @Field(() => Int)
  inserted: number;

  @Field(() => Int)
  updated: number;
}

@ObjectType({ description: 'What an area import did (or, as a dry run, would do).' })
export class AreaImportReportModel {
  @Field()
  dryRun: boolean;

  @Field({ description: 'The changes were written (false for dry runs and for imports stopped by errors).' })
  committed: boolean;

  @Field(() => Int)
  srid: number;

  @Field(() => [AreaImportDistrict])
  districtsUpdated: AreaImportDistrict[];

  @Field(() => AreaImportCounts)
  statistics: AreaImportCounts;

  @Field(() => AreaImportCounts)
  groupStatistics: AreaImportCounts;

  @Field(() => [String], { description: 'Codes (or names) in the files that match no area; their rows were skipped.' })
  unknownCodes: string[];

  @Field(() => [AreaImportMessage])
  warnings: AreaImportMessage[];

  @Field(() => [AreaImportMessage], { description: 'Any error stops the whole import (nothing is written).' })
  errors: AreaImportMessage[];
}

@ObjectType({ description: 'One applied area import: who imported what when.' })
export class AreaImportRecord {
  @Field(() => ID)
  id: string;

  @Field(() => GraphQLISODateTime)
  at: Date;

  @Field()
  actorLabel: string;

  @Field(() => [String])
  fileNames: string[];

  @Field(() => Int)
  srid: number;

  @Field(() => GraphQLJSON, { description: 'Districts updated, statistics and group rows written, unknown codes, number of warnings.' })
  summary: Record<string, unknown>;
}
