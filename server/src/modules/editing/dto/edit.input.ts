import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { AttendingAccess, LIMITS, MembershipRole, OrganisationKind, RelationshipType } from '@partneratlas/shared';
import { CodeListField, EnumListField, IdListField, LanguageListField } from '../../../common/list-fields';
import '../../../common/graphql/enums';

const BOX = LIMITS.coordinateBox;

/** Optional text: null clears, absent leaves unchanged; stored as plain text and always rendered escaped. */
const Text = (path: string, max: number = LIMITS.nameMaxLength, description?: string) =>
  applyDecorators(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    IsString({ message: `${path} must be text` }),
    MaxLength(max, { message: `${path} must be at most ${max} characters` }),
  );

const OptionalId = (path: string, description?: string) =>
  applyDecorators(
    Field(() => ID, { nullable: true, description }),
    IsOptional(),
    IsUUID('all', { message: `${path} must be an id (UUID)` }),
  );

const DateField = (path: string) =>
  applyDecorators(
    Field(() => String, { nullable: true, description: 'ISO date YYYY-MM-DD' }),
    IsOptional(),
    IsISO8601({ strict: true }, { message: `${path} must be an ISO date (YYYY-MM-DD)` }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: `${path} must be an ISO date (YYYY-MM-DD)` }),
  );

const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;
const PHONE_PATTERN = /^\+?[0-9][0-9 ()/.-]{2,29}$/;

@InputType()
export class PhoneInput {
  @Field()
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phones.number must be a phone number (digits, spaces, + ( ) / - .; 3–30 characters)' })
  number: string;

  @Text('phones.description', 100)
  description?: string | null;
}

/** Fields of an organisation an editor may set. Status, confirmation and verification have their own mutations. */
@InputType({ description: 'A field left out stays unchanged; null clears it (not allowed for kind and name).' })
export class UpdateOrganisationInput {
  @Field(() => OrganisationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind | null;

  @Text('name')
  name?: string | null;

  @Text('alternateName')
  alternateName?: string | null;

  @Text('description', LIMITS.longTextMaxLength)
  description?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(500, { message: 'website must be at most 500 characters' })
  @Matches(URL_PATTERN, { message: 'website must be an http:// or https:// address' })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(320)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;

  @Field(() => [PhoneInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'phones may list at most 10 numbers' })
  @ValidateNested({ each: true })
  @Type(() => PhoneInput)
  phones?: PhoneInput[] | null;

  @LanguageListField('languages')
  languages?: string[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(1800, { message: 'yearFounded must be 1800 or later' })
  @Max(2100, { message: 'yearFounded must not be in the far future' })
  yearFounded?: number | null;

  @OptionalId('parentOrganisationId', 'The umbrella organisation.')
  parentOrganisationId?: string | null;
}

@InputType()
export class CreateOrganisationInput extends UpdateOrganisationInput {}

@InputType({ description: 'Location fields; latitude and longitude go together (both or neither). Null clears.' })
export class LocationInput {
  @Text('name')
  name?: string | null;

  @Text('street')
  street?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'postcode must be a five-digit German postcode' })
  postcode?: string | null;

  @Text('city', 100)
  city?: string | null;

  @Field(() => Float, { nullable: true, description: `WGS84; between ${BOX.south} and ${BOX.north} (Göttingen region).` })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(BOX.south, { message: `latitude must lie in the Göttingen region (${BOX.south}–${BOX.north})` })
  @Max(BOX.north, { message: `latitude must lie in the Göttingen region (${BOX.south}–${BOX.north})` })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: `WGS84; between ${BOX.west} and ${BOX.east} (Göttingen region).` })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(BOX.west, { message: `longitude must lie in the Göttingen region (${BOX.west}–${BOX.east})` })
  @Max(BOX.east, { message: `longitude must lie in the Göttingen region (${BOX.west}–${BOX.east})` })
  longitude?: number | null;

  @Text('accessibility', LIMITS.longTextMaxLength)
  accessibility?: string | null;

  @OptionalId('areaId', 'The district the location lies in.')
  areaId?: string | null;
}

@InputType({ description: 'Service fields; a field left out stays unchanged, null clears.' })
export class ServiceInput {
  @Text('name')
  name?: string | null;

  @Text('description', LIMITS.longTextMaxLength)
  description?: string | null;

  @CodeListField('fieldsOfAction', 'Field-of-action codes.')
  fieldsOfAction?: string[] | null;

  @CodeListField('targetGroups', 'Target-group codes.')
  targetGroups?: string[] | null;

  @LanguageListField('languages')
  languages?: string[] | null;

  @Text('fees', 1000)
  fees?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  free?: boolean | null;

  @Text('eligibility', LIMITS.longTextMaxLength)
  eligibility?: string | null;

  @EnumListField('attendingAccess', AttendingAccess)
  attendingAccess?: AttendingAccess[] | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt()
  @Min(0, { message: 'capacity must not be negative' })
  @Max(1_000_000)
  capacity?: number | null;

  @IdListField('locationIds', 'location', 'Locations of the same organisation where the service is offered.')
  locationIds?: string[] | null;
}

@InputType({ description: 'HSDS contact. Published only with consent (the consent date is set when it is given).' })
export class ContactPersonInput {
  @Text('name')
  name?: string | null;

  @Text('title')
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(320)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(PHONE_PATTERN, { message: 'phone must be a phone number (digits, spaces, + ( ) / - .; 3–30 characters)' })
  phone?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  consentToPublish?: boolean | null;
}

@InputType()
export class RelationshipInput {
  @OptionalId('sourceOrganisationId')
  sourceOrganisationId?: string | null;

  @OptionalId('targetOrganisationId')
  targetOrganisationId?: string | null;

  @Field(() => RelationshipType, { nullable: true })
  @IsOptional()
  @IsEnum(RelationshipType)
  type?: RelationshipType | null;

  @DateField('validFrom')
  validFrom?: string | null;

  @DateField('validTo')
  validTo?: string | null;

  @Text('fieldOfActionCode', 100)
  fieldOfActionCode?: string | null;

  @Text('note', LIMITS.longTextMaxLength)
  note?: string | null;
}

@InputType()
export class NetworkMembershipInput {
  @OptionalId('networkId')
  networkId?: string | null;

  @OptionalId('organisationId')
  organisationId?: string | null;

  @Field(() => MembershipRole, { nullable: true })
  @IsOptional()
  @IsEnum(MembershipRole)
  role?: MembershipRole | null;

  @DateField('since')
  since?: string | null;

  @DateField('until')
  until?: string | null;
}
