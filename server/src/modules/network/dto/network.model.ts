import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { MembershipRole, RelationshipType } from '@partneratlas/shared';
import '../../../common/graphql/enums';

@ObjectType({ description: 'A network of organisations, e.g. the Netzwerk Migration Region Göttingen.' })
export class Network {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  website: string | null;

  @Field()
  isDemo: boolean;

  @Field(() => String, { nullable: true })
  sourceNote: string | null;

  @Field(() => Int, { description: 'Current members that are published.' })
  memberCount: number;
}

@ObjectType({ description: 'Membership of an organisation in a network.' })
export class NetworkMembership {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  networkId: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => MembershipRole)
  role: MembershipRole;

  @Field(() => String, { nullable: true, description: 'ISO date' })
  since: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date' })
  until: string | null;

  @Field(() => Int, { description: 'Optimistic-concurrency version: pass it as expectedVersion when editing.' })
  version: number;
}

@ObjectType({ description: 'A typed, dated relationship from one organisation to another.' })
export class Relationship {
  @Field(() => ID)
  id: string;

  @Field(() => RelationshipType)
  type: RelationshipType;

  @Field(() => ID)
  sourceOrganisationId: string;

  @Field(() => ID)
  targetOrganisationId: string;

  @Field(() => String, { nullable: true, description: 'ISO date' })
  validFrom: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date' })
  validTo: string | null;

  @Field(() => String, { nullable: true })
  fieldOfActionCode: string | null;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field(() => Int, { description: 'Optimistic-concurrency version: pass it as expectedVersion when editing.' })
  version: number;
}
