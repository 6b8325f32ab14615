import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserRole } from '@partneratlas/shared';
import '../../../common/graphql/enums';

@ObjectType({ description: 'A one-time, expiring link that lets an invited person set a password. Visible to coordinators and admins.' })
export class Invitation {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field(() => UserRole)
  role: UserRole;

  /** Resolved to `organisations` by the field resolver. */
  organisationIds: string[];

  /** Resolved to `invitedBy` by the field resolver. */
  invitedById: string | null;

  @Field()
  createdAt: Date;

  @Field()
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  acceptedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType({ description: 'What the accept-invitation page may show to the (still anonymous) invitee.' })
export class InvitationPreview {
  @Field()
  email: string;

  @Field(() => UserRole)
  role: UserRole;

  @Field(() => [String])
  organisationNames: string[];

  @Field()
  expiresAt: Date;
}
