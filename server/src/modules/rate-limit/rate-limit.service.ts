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
const WINDOW_MS = 60_000;
/** Units counted in this process without the database are written at the latest this long after the first of them. */
export const RATE_LIMIT_FLUSH_MS = 250;
/** Below this share of its limit, a key is counted in process memory and written in batches (see consume). */
const BATCH_BELOW_SHARE = 0.5;

interface KeyState {
  /** Start of the window (epoch ms, fixed minutes of the server clock) these numbers belong to. */
  window: number;
  /** The database's count of the window when this process last wrote to it (all instances together). */
  known: number;
  /** Units counted here since, not yet written. */
  pending: number;
}

/**
 * Rate-limit counters in PostgreSQL (fixed one-minute windows), so that several instances behind a load balancer
 * share them.
 *
 * Writing every request to one row would make every request of a busy address (all visitors behind a proxy, the
 * load test's 50 clients) wait for the one before: a key far below its limit is therefore counted in process memory
 * and written every RATE_LIMIT_FLUSH_MS in one statement for all keys. A key is counted in the database at once
 * (one statement, which also writes what was pending) when this process has not seen it in the current window yet,
 * or when its count would reach half its limit: near the limit every instance decides on the shared figure. What
 * other instances counted in their last RATE_LIMIT_FLUSH_MS can be missing from that figure; a key never passes
 * its limit by more than that.
 */
@Injectable()
export class RateLimitService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(RateLimitService.name);
  private purgeTimer?: NodeJS.Timeout;
  private flushTimer?: NodeJS.Timeout;
  private readonly keys = new Map<string, KeyState>();

  constructor(private readonly ds: DataSource) {}

  /**
   * Adds `units` to the key's counter of the current minute and returns the new count. With `limit`, a count far
   * below it may come from memory (see the class comment); without, it is always the database's. While the database
   * is read-only (maintenance, failover) nothing can be counted: the request is let through (count 0) so that
   * reading goes on; every write it attempts is refused anyway.
   */
  async consume(key: string, units: number, limit?: number): Promise<RateLimitVerdict> {
    const now = Date.now();
    const window = now - (now % WINDOW_MS);
    const retryAfterSeconds = Math.max(1, Math.ceil((window + WINDOW_MS - now) / 1000));
    let state = this.keys.get(key);
    if (state && state.window !== window) {
      // an ended window's unwritten units no longer count against any limit
      this.keys.delete(key);
      state = undefined;
    }
    if (state && limit !== undefined && state.known + state.pending + units < limit * BATCH_BELOW_SHARE) {
      state.pending += units;
      this.scheduleFlush();
      return { count: state.known + state.pending, retryAfterSeconds };
    }
    const pending = state?.pending ?? 0;
    if (state) state.pending = 0;
    try {
      const [row] = await this.write([{ key, units: units + pending, window }]);
      const count = row?.count ?? units + pending; // a newer window in the row (another clock): counted there
      // units counted in memory by requests that came in meanwhile stay pending
      const meanwhile = this.keys.get(key);
      this.keys.set(key, { window, known: count, pending: meanwhile?.window === window ? meanwhile.pending : 0 });
      return { count, retryAfterSeconds };
    } catch (error) {
      if (databaseUnavailable(error)?.reason !== 'READ_ONLY') throw error;
      this.logger.warn('database is read-only: rate-limit counters are not kept until it is writable again');
      return { count: 0, retryAfterSeconds: 1 };
    }
  }

  /** Writes every pending count (one statement); the tests and the shutdown call it, the timer otherwise. */
  async flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch: { key: string; units: number; window: number }[] = [];
    for (const [key, state] of this.keys) {
      if (state.pending > 0) batch.push({ key, units: state.pending, window: state.window });
      state.pending = 0;
    }
    const current = Date.now() - (Date.now() % WINDOW_MS);
    for (const [key, state] of this.keys) if (state.window < current && state.pending === 0) this.keys.delete(key);
    if (!batch.length) return;
    const rows = await this.write(batch);
    for (const row of rows) {
      const state = this.keys.get(row.key);
      if (state && state.window === row.window) state.known = row.count;
    }
  }

  private scheduleFlush(): void {
    if (this.flushTimer) return;
    this.flushTimer = setTimeout(() => {
      this.flush().catch((error: unknown) => this.logger.warn(`writing rate-limit counters failed: ${String(error)}`));
    }, RATE_LIMIT_FLUSH_MS);
    this.flushTimer.unref();
  }

  /**
   * Adds units to the keys' windows: a new window replaces an older one, an older never replaces a newer. A counter
   * lost in a database crash costs nothing, so this transaction does not wait for its WAL flush (synchronous_commit
   * off for it alone, set inside the statement).
   */
  private async write(batch: { key: string; units: number; window: number }[]): Promise<{ key: string; count: number; window: number }[]> {
    const rows: { key: string; count: number; window_ms: number }[] = await this.ds.query(
      `WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
       INSERT INTO rate_limit_counter AS c (key, window_start, count)
       SELECT x.key, to_timestamp(x.window_ms / 1000), x.units
         FROM unnest($1::text[], $2::int[], $3::float8[]) AS x(key, units, window_ms) CROSS JOIN relaxed
       ON CONFLICT (key) DO UPDATE
         SET count = CASE WHEN c.window_start = EXCLUDED.window_start THEN c.count + EXCLUDED.count ELSE EXCLUDED.count END,
             window_start = EXCLUDED.window_start
         WHERE EXCLUDED.window_start >= c.window_start
       RETURNING c.key, c.count, extract(epoch FROM c.window_start)::float8 * 1000 AS window_ms`,
      [batch.map((b) => b.key), batch.map((b) => b.units), batch.map((b) => b.window)],
    );
    return rows.map((r) => ({ key: r.key, count: Number(r.count), window: Number(r.window_ms) }));
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

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.purgeTimer);
    await this.flush().catch((error: unknown) => this.logger.warn(`writing rate-limit counters failed: ${String(error)}`));
  }
}
