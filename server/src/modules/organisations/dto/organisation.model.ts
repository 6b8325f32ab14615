import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationKind, PublicationStatus, VerificationStatus } from '@partneratlas/shared';
import '../../../common/graphql/enums';

@ObjectType({ description: 'A phone number (HSDS phone).' })
export class Phone {
  @Field()
  number: string;

  @Field(() => String, { nullable: true })
  description: string | null;
}

@ObjectType({ description: 'An organisation (HSDS organization): who offers what, where, in which languages.' })
export class Organisation {
  @Field(() => ID)
  id: string;

  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  alternateName: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => [Phone])
  phones: Phone[];

  @Field(() => [String], { description: 'ISO 639-1 codes the organisation works in.' })
  languages: string[];

  @Field(() => Int, { nullable: true })
  yearFounded: number | null;

  @Field(() => ID, { nullable: true })
  parentOrganisationId: string | null;

  @Field(() => VerificationStatus)
  verificationStatus: VerificationStatus;

  @Field(() => String, { nullable: true, description: 'ISO date the entry was last confirmed (HSDS assured_date).' })
  lastConfirmedAt: string | null;

  @Field(() => PublicationStatus)
  status: PublicationStatus;

  @Field({ description: 'Fictional example data.' })
  isDemo: boolean;

  @Field(() => String, { nullable: true, description: 'Where the entry came from.' })
  sourceNote: string | null;

  @Field(() => Int)
  version: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  @Field(() => Float, { nullable: true, description: 'Distance in metres from `near` to the nearest location, when filtering by `near`.' })
  distanceMeters?: number | null;
}
