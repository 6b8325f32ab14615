import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { AttendingAccess } from '@partneratlas/shared';
import '../../../common/graphql/enums';

@ObjectType({ description: 'What an organisation offers (HSDS service).' })
export class Service {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organisationId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => [String], { description: 'ISO 639-1 codes the service is offered in.' })
  languages: string[];

  @Field(() => String, { nullable: true, description: 'Fees (HSDS fees_description); null when unknown.' })
  fees: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Free of charge; null when unknown.' })
  free: boolean | null;

  @Field(() => String, { nullable: true, description: 'Who is eligible (HSDS eligibility_description).' })
  eligibility: string | null;

  @Field(() => [AttendingAccess])
  attendingAccess: AttendingAccess[];

  @Field(() => Int, { nullable: true, description: 'Places or weekly hours, where known.' })
  capacity: number | null;

  @Field(() => Int, { description: 'Optimistic-concurrency version: pass it as expectedVersion when editing.' })
  version: number;
}
