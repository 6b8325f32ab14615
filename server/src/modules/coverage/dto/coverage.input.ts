import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsLatitude,
  IsLongitude,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ISO_639_1_CODES, LIMITS } from '@partneratlas/shared';
import { COVERAGE_LIMITS } from '../coverage.constants';

export enum CoverageUnitKind {
  GRID = 'GRID',
  DISTRICT = 'DISTRICT',
}
registerEnumType(CoverageUnitKind, {
  name: 'CoverageUnitKind',
  description: 'Analysis unit: the hexagonal grid clipped to the city (always there) or the districts with an official polygon.',
});

const L = COVERAGE_LIMITS;

@InputType({ description: 'What to analyse and how (E2SFCA).' })
export class CoverageInput {
  @Field(() => String, { description: 'Field-of-action code; services of narrower fields count too.' })
  @IsString()
  @MaxLength(100)
  fieldOfAction: string;

  @Field(() => CoverageUnitKind, { defaultValue: CoverageUnitKind.GRID })
  @IsOptional()
  @IsEnum(CoverageUnitKind)
  unit: CoverageUnitKind = CoverageUnitKind.GRID;

  @Field(() => Int, {
    nullable: true,
    description: `Catchment radius in metres, ${L.catchmentMin} to ${L.catchmentMax} (default ${L.catchmentDefault}); three equal distance zones.`,
  })
  @IsOptional()
  @IsInt({ message: 'catchmentMeters must be a whole number of metres' })
  @Min(L.catchmentMin, { message: `catchmentMeters must be at least ${L.catchmentMin}` })
  @Max(L.catchmentMax, { message: `catchmentMeters must be at most ${L.catchmentMax}` })
  catchmentMeters?: number;

  @Field(() => [Float], {
    nullable: true,
    description: 'Weights of the three distance zones (inner to outer): three values in (0, 1], not increasing. Default 1.0, 0.68, 0.22.',
  })
  @IsOptional()
  @ArrayMinSize(3, { message: 'zoneWeights must have exactly 3 values' })
  @ArrayMaxSize(3, { message: 'zoneWeights must have exactly 3 values' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true, message: 'zoneWeights must be numbers' })
  zoneWeights?: number[];

  @Field(() => String, { nullable: true, description: 'Only services for this target group (or a narrower one).' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  targetGroup?: string;

  @Field(() => String, { nullable: true, description: 'Only services offered in this language (ISO 639-1).' })
  @IsOptional()
  @IsIn(ISO_639_1_CODES as string[], { message: 'language must be an ISO 639-1 code such as "de" or "ar"' })
  language?: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Weight each provider by its service capacity where known (providers without a known capacity count as 1).',
  })
  @IsOptional()
  @IsBoolean()
  weightByCapacity: boolean = false;
}

@ArgsType()
export class CoverageArgs {
  @Field(() => CoverageInput)
  @ValidateNested()
  @Type(() => CoverageInput)
  input: CoverageInput;
}

@InputType({ description: 'Where a hypothetical provider stands (what-if; not saved).' })
export class CoverageHypotheticalPoint {
  @Field(() => Float)
  @IsLatitude({ message: 'lat must be a latitude between -90 and 90' })
  lat: number;

  @Field(() => Float)
  @IsLongitude({ message: 'lng must be a longitude between -180 and 180' })
  lng: number;
}

@ArgsType()
export class CoverageProvidersArgs extends CoverageArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'unitId must be an area id (UUID)' })
  unitId: string;

  @Field(() => CoverageHypotheticalPoint, {
    nullable: true,
    description: 'What-if: also list this hypothetical provider when it is within the catchment (as coverageWhatIf counts it).',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => CoverageHypotheticalPoint)
  whatIf?: CoverageHypotheticalPoint | null;
}

@InputType({ description: 'Coverage with one hypothetical provider added (not saved).' })
export class CoverageWhatIfInput extends CoverageInput {
  @Field(() => Float)
  @IsLatitude({ message: 'lat must be a latitude between -90 and 90' })
  lat: number;

  @Field(() => Float)
  @IsLongitude({ message: 'lng must be a longitude between -180 and 180' })
  lng: number;

  @Field(() => Int, { nullable: true, description: 'Capacity of the hypothetical provider (only used with weightByCapacity).' })
  @IsOptional()
  @IsInt()
  @Min(1, { message: 'capacity must be at least 1' })
  @Max(100_000, { message: 'capacity must be at most 100000' })
  capacity?: number;
}

@ArgsType()
export class CoverageWhatIfArgs {
  @Field(() => CoverageWhatIfInput)
  @ValidateNested()
  @Type(() => CoverageWhatIfInput)
  input: CoverageWhatIfInput;
}

@ArgsType()
export class CoverageMatrixArgs {
  @Field(() => CoverageUnitKind, { defaultValue: CoverageUnitKind.GRID })
  @IsOptional()
  @IsEnum(CoverageUnitKind)
  unit: CoverageUnitKind = CoverageUnitKind.GRID;

  @Field(() => Int, { nullable: true, description: `Catchment radius in metres (default ${L.catchmentDefault}).` })
  @IsOptional()
  @IsInt({ message: 'catchmentMeters must be a whole number of metres' })
  @Min(L.catchmentMin, { message: `catchmentMeters must be at least ${L.catchmentMin}` })
  @Max(L.catchmentMax, { message: `catchmentMeters must be at most ${L.catchmentMax}` })
  catchmentMeters?: number;
}

@ArgsType()
export class CoverageGapsArgs extends CoverageMatrixArgs {
  @Field(() => Int, { defaultValue: LIMITS.pageSizeDefault, description: `Number of gaps, 1 to ${LIMITS.pageSizeMax}.` })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(LIMITS.pageSizeMax, { message: `first must be at most ${LIMITS.pageSizeMax}` })
  first: number = LIMITS.pageSizeDefault;

  @Field(() => String, { nullable: true, description: 'Only gaps of this field of action.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  fieldOfAction?: string;
}

@ArgsType()
export class UncoveredFieldsArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Also list the fields that are covered (more than one provider).' })
  @IsOptional()
  @IsBoolean()
  includeCovered: boolean = false;
}
