import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { BaseEntity } from '../../common/base.entity';
import { UserEntity } from '../accounts/user.entity';
import { TaxonomyTermEntity } from '../fields-of-action/taxonomy-term.entity';
import type { SnapshotData } from './evaluation.types';

/**
 * A guiding goal (Leitziel) of the integration concept. Deleted goals are kept as tombstones (`deletedAt`), so
 * that a later run of the seed does not bring back a seeded goal an admin removed; snapshots hold their own copy.
 */
@Entity('guiding_goal')
export class GuidingGoalEntity extends BaseEntity {
  @Column('text')
  title: string;

  /** Null: no wording known (the seed never invents one). */
  @Column('text', { nullable: true })
  description: string | null;

  /** Free text, e.g. "2024–2026". */
  @Column('text', { nullable: true })
  period: string | null;

  /** Where the goal comes from (attribution), e.g. the article or council paper that names it. */
  @Column('text', { nullable: true })
  source: string | null;

  @Column('text', { nullable: true })
  sourceUrl: string | null;

  @Column('int', { default: 0 })
  sortOrder: number;

  /** Natural key of goals created by the seed (inserted once, never overwritten). */
  @Index('UQ_guiding_goal_seed_key', { unique: true })
  @Column('text', { nullable: true })
  seedKey: string | null;

  @Column('timestamptz', { nullable: true })
  deletedAt: Date | null;

  @Column('uuid', { nullable: true })
  updatedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'updated_by_id' })
  updatedBy?: UserEntity | null;
}

/** The fields of action a guiding goal relates to (set by admins). */
@Entity('guiding_goal_field')
export class GuidingGoalFieldEntity {
  @PrimaryColumn('uuid')
  goalId: string;

  @ManyToOne(() => GuidingGoalEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'goal_id' })
  goal?: GuidingGoalEntity;

  @Index()
  @PrimaryColumn('text')
  fieldCode: string;

  @ManyToOne(() => TaxonomyTermEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'field_code' })
  field?: TaxonomyTermEntity;
}

/** A dated, frozen picture of the landscape; `data` is written once and never updated. */
@Entity('evaluation_snapshot')
export class EvaluationSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('text')
  title: string;

  /** The reference date the admin gave (relationships count when valid at this date). */
  @Index()
  @Column('date')
  snapshotDate: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column('uuid', { nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity | null;

  /** Email / name of the creator at the time (users may be deleted later). */
  @Column('text', { nullable: true })
  createdByLabel: string | null;

  @Column('jsonb')
  data: SnapshotData;
}

/** A re-confirmation cycle: every entry not confirmed since `startedAt` is due. The newest row is the current one. */
@Entity('evaluation_period')
export class EvaluationPeriodEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @Column('timestamptz', { default: () => 'now()' })
  startedAt: Date;

  @Column('uuid', { nullable: true })
  startedById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'started_by_id' })
  startedBy?: UserEntity | null;

  @Column('text', { nullable: true })
  startedByLabel: string | null;
}
