import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { UserRole } from '@partneratlas/shared';
import '../../../common/graphql/enums';

@ObjectType({ description: 'A person who signs in. Visible to themselves, coordinators and admins only.' })
export class User {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => String, { nullable: true })
  displayName: string | null;

  @Field(() => UserRole)
  role: UserRole;

  @Field({ description: 'Changes by a trusted editor publish directly (no review).' })
  trusted: boolean;

  @Field()
  disabled: boolean;

  /** Resolved to `organisations` by the field resolver. */
  organisationIds: string[];

  @Field(() => Int)
  version: number;

  @Field()
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastLoginAt: Date | null;
}

@ObjectType({ description: 'One signed-in browser of the current user.' })
export class UserSession {
  @Field(() => ID)
  id: string;

  @Field()
  createdAt: Date;

  @Field()
  lastSeenAt: Date;

  @Field()
  expiresAt: Date;

  @Field(() => String, { nullable: true })
  userAgent: string | null;

  @Field({ description: 'The session of this request.' })
  current: boolean;
}
