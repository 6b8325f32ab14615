import { ArgsType, Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { LIMITS } from '@partneratlas/shared';

@ArgsType()
export class GeocodeAddressArgs {
  @Field({ description: 'Street and house number (required: a city alone would only give its centre).' })
  @IsString()
  @MinLength(3, { message: 'street must have at least 3 characters' })
  @MaxLength(LIMITS.nameMaxLength, { message: `street must be at most ${LIMITS.nameMaxLength} characters` })
  street: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'postcode must be five digits' })
  postcode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100, { message: 'city must be at most 100 characters' })
  city?: string | null;
}

@ObjectType({ description: 'A place the geocoder found for an address (inside the region).' })
export class GeocodeCandidate {
  @Field(() => Float)
  latitude: number;

  @Field(() => Float)
  longitude: number;

  @Field({ description: 'The place as the geocoder names it.' })
  displayName: string;

  @Field({ description: 'To be shown with the result, as the service requires (e.g. © OpenStreetMap contributors).' })
  attribution: string;
}

@ObjectType({ description: 'Candidates for an address; pick one (nothing is saved until the form is saved).' })
export class GeocodeResult {
  @Field({ description: 'False when no geocoder is configured (then nothing was looked up).' })
  enabled: boolean;

  @Field(() => [GeocodeCandidate], { description: 'Best first; empty when nothing was found inside the region.' })
  candidates: GeocodeCandidate[];

  @Field(() => Int, { description: 'Places found outside the region (never offered).' })
  rejectedOutside: number;

  @Field({ description: 'Answered from the cache of earlier lookups.' })
  cached: boolean;
}

@ObjectType({ description: 'Whether coordinates can be looked up for addresses, and the attribution to show.' })
export class GeocoderInfo {
  @Field()
  enabled: boolean;

  @Field(() => String, { nullable: true, description: 'Set when enabled.' })
  attribution: string | null;
}
