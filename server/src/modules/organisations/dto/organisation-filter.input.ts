import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
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
import { LIMITS, OrganisationKind, OrganisationOrder, VerificationStatus } from '@partneratlas/shared';
import '../../../common/graphql/enums';
import { CodeListField, EnumListField, IdListField, LanguageListField } from '../../../common/list-fields';

@InputType({ description: 'A circle around a point (WGS84).' })
export class NearInput {
  @Field(() => Float)
  @IsLatitude({ message: 'near.lat must be a latitude between -90 and 90' })
  lat: number;

  @Field(() => Float)
  @IsLongitude({ message: 'near.lng must be a longitude between -180 and 180' })
  lng: number;

  @Field(() => Float, { description: `Radius in metres, greater than 0 and at most ${LIMITS.radiusMetersMax}.` })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.001, { message: 'near.radiusMeters must be greater than 0' })
  @Max(LIMITS.radiusMetersMax, { message: `near.radiusMeters must be at most ${LIMITS.radiusMetersMax} (50 km)` })
  radiusMeters: number;
}

@InputType({ description: 'A bounding box in WGS84 degrees.' })
export class BBoxInput {
  @Field(() => Float)
  @IsLongitude({ message: 'bbox.west must be a longitude between -180 and 180' })
  west: number;

  @Field(() => Float)
  @IsLatitude({ message: 'bbox.south must be a latitude between -90 and 90' })
  south: number;

  @Field(() => Float)
  @IsLongitude({ message: 'bbox.east must be a longitude between -180 and 180' })
  east: number;

  @Field(() => Float)
  @IsLatitude({ message: 'bbox.north must be a latitude between -90 and 90' })
  north: number;
}

@InputType({ description: 'Directory filter. Values within one list are alternatives (OR); different filters all apply (AND).' })
export class OrganisationFilter {
  @Field(() => String, {
    nullable: true,
    description: 'German-aware full text and fuzzy name match (case, hyphens, umlauts and ß folded).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.textMaxLength, { message: `text must be at most ${LIMITS.textMaxLength} characters` })
  text?: string;

  @EnumListField('kinds', OrganisationKind)
  kinds?: OrganisationKind[];

  @CodeListField('fieldsOfAction', 'Field-of-action codes; a parent code matches its descendants.')
  fieldsOfAction?: string[];

  @CodeListField('targetGroups', 'Target-group codes; a parent code matches its descendants.')
  targetGroups?: string[];

  @LanguageListField('languages', 'ISO 639-1 language codes, e.g. "ar".')
  languages?: string[];

  @IdListField('areaIds', 'area', 'Districts (or other areas) one of whose locations lies in.')
  areaIds?: string[];

  @Field(() => NearInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearInput)
  near?: NearInput;

  @Field(() => BBoxInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => BBoxInput)
  bbox?: BBoxInput;

  @IdListField('networkIds', 'network', 'Current members of one of these networks.')
  networkIds?: string[];

  @Field(() => VerificationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(VerificationStatus)
  verificationStatus?: VerificationStatus;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Include fictional example entries.' })
  @IsOptional()
  @IsBoolean()
  includeDemo?: boolean;

  /** Internal (never from the API; stripped by validation): the text also matches similar words (typos). */
  fuzzyText?: boolean;
}

@ArgsType()
export class OrganisationsArgs {
  @Field(() => OrganisationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganisationFilter)
  filter?: OrganisationFilter;

  @Field(() => Int, { defaultValue: LIMITS.pageSizeDefault, description: `Page size, 1 to ${LIMITS.pageSizeMax}.` })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(LIMITS.pageSizeMax, { message: `first must be at most ${LIMITS.pageSizeMax}` })
  first: number = LIMITS.pageSizeDefault;

  @Field(() => String, { nullable: true, description: 'endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  after?: string;

  @Field(() => OrganisationOrder, {
    nullable: true,
    description: 'Default: RELEVANCE with text, else DISTANCE with near, else NAME. DISTANCE needs near; RELEVANCE needs text.',
  })
  @IsOptional()
  @IsEnum(OrganisationOrder)
  orderBy?: OrganisationOrder;
}

@ArgsType()
export class OrganisationArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an organisation id (UUID)' })
  id: string;
}

@ArgsType()
export class OrganisationMarkersArgs {
  @Field(() => OrganisationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganisationFilter)
  filter?: OrganisationFilter;
}
