import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '../../accounts/user.entity';
import { ImportJobStatus, ImportKind } from './import.types';
import type { ImportCounts, ImportReport } from './import.types';

/**
 * One import (dry run or apply) with its progress and report. Written by the job runner outside the import's
 * own transaction, so that pollers see the progress; the imported data itself is written all or nothing.
 */
@Entity('import_job')
@Check('CHK_import_job_progress', '"progress" >= 0 AND "progress" <= 1')
export class ImportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'enum', enum: ImportKind, enumName: 'import_kind' })
  kind: ImportKind;

  @Index()
  @Column({ type: 'enum', enum: ImportJobStatus, enumName: 'import_job_status', default: ImportJobStatus.QUEUED })
  status: ImportJobStatus;

  /** Only check and report; write nothing. */
  @Column('boolean')
  dryRun: boolean;

  /** New organisations are published at once (else drafts). */
  @Column('boolean', { default: false })
  publish: boolean;

  /** Rows that duplicate an existing entry (same or similar name nearby) are left out. */
  @Column('boolean', { default: true })
  skipDuplicates: boolean;

  /** Coordinates are looked up for locations without them (the report's `geocoded` holds the lookups). */
  @Column('boolean', { default: false })
  geocode: boolean;

  @Column('text', { array: true, default: () => "'{}'" })
  fileNames: string[];

  /** Decoded size of all files. */
  @Column('int', { default: 0 })
  totalBytes: number;

  /** 0..1 */
  @Column('double precision', { default: 0 })
  progress: number;

  /** What the job is doing now (reading, checking, writing …). */
  @Column('text', { nullable: true })
  phase: string | null;

  @Column('jsonb', { default: () => "'{}'" })
  counts: Partial<ImportCounts>;

  /** Set when the dry run or the apply has finished (also for a failed apply: the problems that stopped it). */
  @Column('jsonb', { nullable: true })
  report: ImportReport | null;

  /** Why the job failed, in one sentence. */
  @Column('text', { nullable: true })
  error: string | null;

  @Index()
  @Column('uuid', { nullable: true })
  createdById: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'created_by_id' })
  createdBy?: UserEntity | null;

  /** Who started it, at the time (users may be deleted; the CLI has no user). */
  @Column('text', { nullable: true })
  createdByLabel: string | null;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @Column('timestamptz', { nullable: true })
  startedAt: Date | null;

  @Column('timestamptz', { nullable: true })
  finishedAt: Date | null;
}
