import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Who imported which areas data when: one row per applied area import (not for dry runs), written in the
 * import's own transaction. `audit_record` cannot hold it: it records fields of organisation-owned entities
 * (its organisation_id is required). No foreign keys: the record outlives deleted users.
 */
@Entity('area_import_record')
export class AreaImportRecordEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index()
  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;

  /** null for the command line. */
  @Column('uuid', { nullable: true })
  actorId: string | null;

  /** Email (and name) of the actor at the time, or "command line". */
  @Column('text')
  actorLabel: string;

  /** The names of the imported files (districts, statistics, group statistics), as given. */
  @Column('text', { array: true, default: () => "'{}'" })
  fileNames: string[];

  @Column('int')
  srid: number;

  /** Districts updated, statistics rows and group rows written, unknown codes and warnings (from the report). */
  @Column('jsonb')
  summary: Record<string, unknown>;
}
