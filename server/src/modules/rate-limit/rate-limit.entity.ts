import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Fixed one-minute windows of the GraphQL rate limits, one row per key ("ip:…" or "user:…"): shared by every
 * server instance on the database. A new window overwrites the row; rows of keys not seen for a while are purged.
 */
@Entity('rate_limit_counter')
export class RateLimitCounterEntity {
  @PrimaryColumn('text')
  key: string;

  @Column('timestamptz')
  windowStart: Date;

  @Column('integer')
  count: number;
}
