import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { databaseUnavailable } from '../../common/exceptions/database-unavailable';

export interface RateLimitVerdict {
  /** Units counted in the current window, this request's included. */
  count: number;
  /** Seconds until the current window ends (≥ 1). */
  retryAfterSeconds: number;
}

/** Rows of windows older than this are deleted (a row is rewritten whenever its key comes back). */
const PURGE_AFTER_MINUTES = 10;

/**
 * Rate-limit counters in PostgreSQL (fixed one-minute windows), so that several instances behind a load balancer
 * share them. One statement per request: an upsert that starts a new window or adds to the current one.
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimitService.name);
  private purgeTimer?: NodeJS.Timeout;

  constructor(private readonly ds: DataSource) {}

  /**
   * Adds `units` to the key's counter of the current minute and returns the new count. While the database is
   * read-only (maintenance, failover) nothing can be counted: the request is let through (count 0) so that reading
   * goes on; every write it attempts is refused anyway.
   */
  async consume(key: string, units: number): Promise<RateLimitVerdict> {
    try {
      return await this.upsert(key, units);
    } catch (error) {
      if (databaseUnavailable(error)?.reason !== 'READ_ONLY') throw error;
      this.logger.warn('database is read-only: rate-limit counters are not kept until it is writable again');
      return { count: 0, retryAfterSeconds: 1 };
    }
  }

  private async upsert(key: string, units: number): Promise<RateLimitVerdict> {
    const rows: { count: number; retry_after: number }[] = await this.ds.query(
      `INSERT INTO rate_limit_counter AS c (key, window_start, count)
       VALUES ($1, date_trunc('minute', now()), $2)
       ON CONFLICT (key) DO UPDATE
         SET count = CASE WHEN c.window_start = EXCLUDED.window_start THEN c.count + EXCLUDED.count ELSE EXCLUDED.count END,
             window_start = EXCLUDED.window_start
       RETURNING c.count, greatest(1, ceil(extract(epoch FROM c.window_start + interval '1 minute' - now())))::int AS retry_after`,
      [key, units],
    );
    return { count: rows[0].count, retryAfterSeconds: rows[0].retry_after };
  }

  /** Deletes the rows of keys that have not come back for PURGE_AFTER_MINUTES. */
  async purgeExpired(): Promise<number> {
    const [, affected]: [unknown, number] = await this.ds.query(
      `DELETE FROM rate_limit_counter WHERE window_start < now() - make_interval(mins => $1)`,
      [PURGE_AFTER_MINUTES],
    );
    return affected;
  }

  onModuleInit(): void {
    // Off the request path: every instance purges now and then (deleting the same old rows twice is harmless).
    this.purgeTimer = setInterval(() => {
      this.purgeExpired().catch((error: unknown) => this.logger.warn(`purging rate-limit counters failed: ${String(error)}`));
    }, PURGE_AFTER_MINUTES * 60_000);
    this.purgeTimer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.purgeTimer);
  }
}
