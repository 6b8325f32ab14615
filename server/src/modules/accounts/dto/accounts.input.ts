import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LIMITS, UserRole } from '@partneratlas/shared';
import '../../../common/graphql/enums';

/** An editor may be bound to a few organisations, not to hundreds. */
export const USER_ORGANISATIONS_MAX = LIMITS.filterListMax;

/** Tokens are 43 base64url characters; anything much longer is not one of ours. */
const TOKEN_MAX_LENGTH = 100;

@InputType({ description: 'EDITORs need at least one organisation; other roles are not bound to organisations (the list is ignored).' })
export class InviteUserInput {
  @Field({ description: 'Stored trimmed and lower-cased.' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  @IsEmail({}, { message: 'email must be an email address' })
  email: string;

  @Field(() => UserRole)
  @IsEnum(UserRole, { message: 'role must be ADMIN, COORDINATOR or EDITOR' })
  role: UserRole;

  @Field(() => [ID], { nullable: true, defaultValue: [] })
  @IsOptional()
  @ArrayMaxSize(USER_ORGANISATIONS_MAX, { message: `organisationIds may list at most ${USER_ORGANISATIONS_MAX} organisations` })
  @IsUUID('all', { each: true, message: 'organisationIds must be organisation ids (UUIDs)' })
  organisationIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Suggested name; the invitee may change it when accepting.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.nameMaxLength, { message: `displayName must be at most ${LIMITS.nameMaxLength} characters` })
  displayName?: string | null;
}

@ArgsType()
export class InviteUserArgs {
  @Field(() => InviteUserInput)
  @ValidateNested()
  @Type(() => InviteUserInput)
  input: InviteUserInput;
}

@ArgsType()
export class InvitationsArgs {
  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Also accepted, revoked and expired invitations.' })
  @IsOptional()
  @IsBoolean()
  includeClosed?: boolean | null;
}

@ArgsType()
export class InvitationIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an invitation id (UUID)' })
  id: string;
}

@ArgsType()
export class InvitationTokenArgs {
  @Field()
  @IsString()
  @MaxLength(TOKEN_MAX_LENGTH, { message: 'token is not an invitation token' })
  token: string;
}

@ArgsType()
export class AcceptInvitationArgs extends InvitationTokenArgs {
  /** The policy (length, common passwords, email) is checked by the service with passwordProblem(). */
  @Field()
  @IsString()
  @MaxLength(LIMITS.passwordMaxLength, { message: `password must be at most ${LIMITS.passwordMaxLength} characters` })
  password: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.nameMaxLength, { message: `displayName must be at most ${LIMITS.nameMaxLength} characters` })
  displayName?: string | null;
}

@InputType({ description: 'Only the fields given change. Only ADMINs change roles or edit ADMINs; nobody disables or demotes themselves.' })
export class UpdateUserInput {
  @Field(() => UserRole, { nullable: true })
  @IsOptional()
  @IsEnum(UserRole, { message: 'role must be ADMIN, COORDINATOR or EDITOR' })
  role?: UserRole | null;

  @Field(() => String, { nullable: true, description: 'Null or empty clears it.' })
  @IsOptional()
  @IsString()
  @MaxLength(LIMITS.nameMaxLength, { message: `displayName must be at most ${LIMITS.nameMaxLength} characters` })
  displayName?: string | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  trusted?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Disabling ends all sessions of the user.' })
  @IsOptional()
  @IsBoolean()
  disabled?: boolean | null;

  @Field(() => [ID], { nullable: true, description: "Replaces an EDITOR's organisations (at least one)." })
  @IsOptional()
  @ArrayMaxSize(USER_ORGANISATIONS_MAX, { message: `organisationIds may list at most ${USER_ORGANISATIONS_MAX} organisations` })
  @IsUUID('all', { each: true, message: 'organisationIds must be organisation ids (UUIDs)' })
  organisationIds?: string[] | null;
}

@ArgsType()
export class UpdateUserArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a user id (UUID)' })
  id: string;

  @Field(() => Int, { description: 'The version you edited; a newer stored version gives CONFLICT with extensions.currentVersion.' })
  @IsInt()
  @Min(1)
  expectedVersion: number;

  @Field(() => UpdateUserInput)
  @ValidateNested()
  @Type(() => UpdateUserInput)
  input: UpdateUserInput;
}
