import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { CodeListField, LanguageListField } from '../../../common/list-fields';
import { IsBoolean, IsInt, IsNumber, IsOptional, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { LIMITS } from '@partneratlas/shared';
import { NearInput } from '../../organisations/dto/organisation-filter.input';

@InputType({ description: 'What is needed: at least one of fields of action, a place with radius, languages or target groups.' })
export class PartnerNeedInput {
  @CodeListField('need.fieldsOfAction', 'Field-of-action codes; a parent code matches its descendants.')
  fieldsOfAction?: string[];

  @Field(() => NearInput, { nullable: true, description: 'Only organisations with a place inside this circle.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => NearInput)
  near?: NearInput;

  @LanguageListField('need.languages', 'ISO 639-1 codes.')
  languages?: string[];

  @CodeListField('need.targetGroups', 'Target-group codes.')
  targetGroups?: string[];
}

@InputType({ description: 'Either an organisation ("who complements us?") or a need — exactly one of the two.' })
export class PartnerSuggestionInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an organisation id (UUID)' })
  organisationId?: string;

  @Field(() => PartnerNeedInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PartnerNeedInput)
  need?: PartnerNeedInput;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Also suggest organisations already related to the organisation.',
  })
  @IsOptional()
  @IsBoolean()
  includeConnected?: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Include fictional example entries (always marked isDemo).' })
  @IsOptional()
  @IsBoolean()
  includeDemo?: boolean;

  @Field(() => Float, {
    nullable: true,
    description: `For an organisation: distance at which the distance component reaches 0 (metres, default 5,000, at most ${LIMITS.radiusMetersMax}).`,
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.001, { message: 'radiusMeters must be greater than 0' })
  @Max(LIMITS.radiusMetersMax, { message: `radiusMeters must be at most ${LIMITS.radiusMetersMax} (50 km)` })
  radiusMeters?: number;
}

@ArgsType()
export class PartnerSuggestionsArgs {
  @Field(() => PartnerSuggestionInput)
  @ValidateNested()
  @Type(() => PartnerSuggestionInput)
  input: PartnerSuggestionInput;

  @Field(() => Int, { defaultValue: 10, description: `Number of suggestions, 1 to ${LIMITS.pageSizeMax}.` })
  @IsInt()
  @Min(1, { message: 'first must be at least 1' })
  @Max(LIMITS.pageSizeMax, { message: `first must be at most ${LIMITS.pageSizeMax}` })
  first: number = 10;
}
