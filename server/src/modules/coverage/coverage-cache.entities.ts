import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One row (id 1): `dataVersion` rises by one with every committed transaction that changed data coverage reads.
 * Raised only by the deferred triggers of migration 1796600000000 (pa_coverage_changed), never by the application.
 */
@Entity('coverage_state')
export class CoverageStateEntity {
  @PrimaryColumn('smallint')
  id: number;

  @Column('bigint', { default: '0' })
  dataVersion: string;

  @Column('timestamptz', { default: () => 'now()' })
  changedAt: Date;
}

/** A computed coverage result (the rows of one parameter set) and the data version it was computed at. */
@Entity('coverage_result')
export class CoverageResultEntity {
  /** sha256 of the parameters (fields, unit kind, catchment, weights, filters, visible statuses, detail level). */
  @PrimaryColumn('text')
  key: string;

  @Column('bigint')
  dataVersion: string;

  @Column('jsonb')
  rows: unknown[];

  @Column('timestamptz')
  computedAt: Date;

  /** How long the computation took: decides whether a stale result may be shown while a new one is computed. */
  @Column('integer')
  computeMs: number;

  /** Last time the result was served; results unused for a while are deleted. */
  @Index('IDX_coverage_result_used_at')
  @Column('timestamptz', { default: () => 'now()' })
  usedAt: Date;
}
