import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AuditAction, ChangeStatus, EditableEntity, EditOperation } from '@partneratlas/shared';
import { BaseEntity } from '../../common/base.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { UserEntity } from '../accounts/user.entity';

/** HSDS `contact`: a person at an organisation. Published only with consent. */
@Entity('contact')
export class ContactPersonEntity extends BaseEntity {
  @Index()
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column('text')
  name: string;

  @Column('text', { nullable: true })
  title: string | null;

  @Column('text', { nullable: true })
  email: string | null;

  @Column('text', { nullable: true })
  phone: string | null;

  @Column('boolean', { default: false })
  consentToPublish: boolean;

  /** Date the consent was given (null without consent). */
  @Column('date', { nullable: true })
  consentDate: string | null;
}

/**
 * One field of one entity changed by one action (HSDS `metadata`). Written in the same transaction as the change.
 * No foreign keys: the history outlives deleted entities and users.
 */
@Entity('audit_record')
@Index(['entityType', 'entityId'])
export class AuditRecordEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  /** All records written by one mutation share it. */
  @Index()
  @Column('uuid')
  changeId: string;

  @Column({ type: 'enum', enum: EditableEntity, enumName: 'editable_entity' })
  entityType: EditableEntity;

  @Column('uuid')
  entityId: string;

  /** The organisation the entity belongs to (history view per entry). */
  @Index()
  @Column('uuid')
  organisationId: string;

  @Column('text')
  field: string;

  @Column('jsonb', { nullable: true })
  oldValue: unknown;

  @Column('jsonb', { nullable: true })
  newValue: unknown;

  @Column({ type: 'enum', enum: AuditAction, enumName: 'audit_action' })
  action: AuditAction;

  @Column('uuid', { nullable: true })
  actorId: string | null;

  /** Email of the actor at the time (users may be deleted later). */
  @Column('text', { nullable: true })
  actorLabel: string | null;

  @Column('timestamptz', { default: () => 'now()' })
  at: Date;
}

/** An untrusted editor's change to a published entry, waiting for a coordinator. */
@Entity('pending_change')
export class PendingChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('uuid')
  organisationId: string;

  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: OrganisationEntity;

  @Column({ type: 'enum', enum: EditableEntity, enumName: 'editable_entity' })
  entityType: EditableEntity;

  /** Null for a proposed create until approved. */
  @Column('uuid', { nullable: true })
  entityId: string | null;

  @Column({ type: 'enum', enum: EditOperation, enumName: 'edit_operation' })
  operation: EditOperation;

  /** Version of the stored entity the proposal was based on. */
  @Column('int', { nullable: true })
  baseVersion: number | null;

  /** The validated input (field → new value). */
  @Column('jsonb')
  payload: Record<string, unknown>;

  @Index()
  @Column({ type: 'enum', enum: ChangeStatus, enumName: 'change_status', default: ChangeStatus.PENDING })
  status: ChangeStatus;

  @Column('uuid', { nullable: true })
  proposedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'proposed_by_id' })
  proposedBy?: UserEntity | null;

  @Column('timestamptz', { default: () => 'now()' })
  proposedAt: Date;

  @Column('uuid', { nullable: true })
  reviewedById: string | null;

  @Column('timestamptz', { nullable: true })
  reviewedAt: Date | null;

  @Column('text', { nullable: true })
  rejectionReason: string | null;
}
