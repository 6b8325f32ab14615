import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { ChangeStatus, EditableEntity, LIMITS } from '@partneratlas/shared';
import '../../../common/graphql/enums';

@ArgsType()
export class IdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id (UUID)' })
  id: string;
}

@ArgsType()
export class VersionedIdArgs extends IdArgs {
  @Field(() => Int, { description: 'The version the edit is based on; a stale one gets CONFLICT with the current version.' })
  @IsInt()
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  expectedVersion: number;
}

@ArgsType()
export class OrganisationIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'organisationId must be an id (UUID)' })
  organisationId: string;
}

@ArgsType()
export class RejectArgs extends IdArgs {
  @Field({ description: 'Shown to the editor.' })
  @IsString()
  @MaxLength(LIMITS.longTextMaxLength)
  reason: string;
}

@ArgsType()
export class RestoreArgs {
  @Field(() => EditableEntity)
  @IsEnum(EditableEntity)
  entityType: EditableEntity;

  @Field(() => ID)
  @IsUUID('all', { message: 'entityId must be an id (UUID)' })
  entityId: string;

  @Field(() => ID, { description: 'AuditEntry.id: restore the state right after that entry.' })
  @IsUUID('all', { message: 'auditEntryId must be an audit entry id (UUID)' })
  auditEntryId: string;
}

@ArgsType()
export class PendingChangesArgs {
  @Field(() => ChangeStatus, { defaultValue: ChangeStatus.PENDING })
  @IsEnum(ChangeStatus)
  status: ChangeStatus = ChangeStatus.PENDING;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'organisationId must be an id (UUID)' })
  organisationId?: string;
}

@ArgsType()
export class StaleArgs {
  @Field(() => Int, { defaultValue: 12, description: 'Not confirmed for this many months.' })
  @IsInt()
  @Min(1)
  @Max(120)
  months = 12;
}
