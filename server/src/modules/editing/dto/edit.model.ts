import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { AuditAction, ChangeStatus, EditableEntity, EditOperation, EditOutcome } from '@partneratlas/shared';
import '../../../common/graphql/enums';

@ObjectType({ description: 'One field: value before and after (erased personal values are null).' })
export class FieldChange {
  @Field()
  field: string;

  @Field(() => GraphQLJSON, { nullable: true })
  oldValue: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  newValue: unknown;
}

@ObjectType({ description: "An untrusted editor's change to a published entry, waiting for a coordinator." })
export class PendingChange {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organisationId: string;

  @Field()
  organisationName: string;

  @Field(() => EditableEntity)
  entityType: EditableEntity;

  @Field(() => ID, { nullable: true, description: 'Null for a proposed create until it is approved.' })
  entityId: string | null;

  @Field(() => EditOperation)
  operation: EditOperation;

  @Field(() => [FieldChange], { description: 'Field-by-field diff against the stored entry at the time of reading.' })
  diff: FieldChange[];

  @Field(() => Int, { nullable: true })
  baseVersion: number | null;

  @Field(() => ChangeStatus)
  status: ChangeStatus;

  @Field(() => String, { nullable: true })
  proposedBy: string | null;

  @Field()
  proposedAt: Date;

  @Field(() => Date, { nullable: true })
  reviewedAt: Date | null;

  @Field(() => String, { nullable: true })
  rejectionReason: string | null;
}

@ObjectType({ description: 'Result of an edit: applied now, or waiting for review.' })
export class EditResult {
  @Field(() => EditOutcome)
  outcome: EditOutcome;

  @Field(() => EditableEntity)
  entityType: EditableEntity;

  @Field(() => ID, { nullable: true, description: 'Null for a pending create.' })
  entityId: string | null;

  @Field(() => Int, { nullable: true, description: 'Version after the edit (the base version while pending; null when deleted).' })
  version: number | null;

  @Field(() => ID)
  organisationId: string;

  /** Resolved by the field resolver. */
  pendingChangeId: string | null;
}

@ObjectType({ description: 'One audited action: all field records written by one mutation.' })
export class AuditEntry {
  @Field(() => ID, { description: 'The change id; pass it to restoreVersion to go back to the state right after it.' })
  id: string;

  @Field(() => AuditAction)
  action: AuditAction;

  @Field(() => EditableEntity)
  entityType: EditableEntity;

  @Field(() => ID)
  entityId: string;

  @Field(() => String, { nullable: true })
  actor: string | null;

  @Field()
  at: Date;

  @Field(() => [FieldChange])
  changes: FieldChange[];
}

@ObjectType({ description: 'HSDS contact: a person at an organisation. Anonymous users see only those who consented to publication.' })
export class ContactPerson {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organisationId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field()
  consentToPublish: boolean;

  @Field(() => String, { nullable: true, description: 'ISO date the consent was given.' })
  consentDate: string | null;

  @Field(() => Int)
  version: number;
}
