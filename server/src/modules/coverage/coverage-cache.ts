import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PoolClient, QueryConfig } from 'pg';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { CoverageComputingException } from './coverage.exception';

/**
 * Computed coverage, kept in PostgreSQL (table coverage_result, shared by every server instance) until the data it
 * was computed from changes. `coverage_state.data_version` rises with every committed change to what coverage
 * reads (deferred triggers, migration 1796600000000), so a result is current exactly when it was computed at the
 * current version: no time-based guess, and an edit is visible in the next coverage request.
 *
 * - Current result: served (from this process's memory when it already holds that version, else from the table).
 * - Out-of-date result that took longer than COVERAGE_SYNC_BUDGET_MS to compute: served as it is (`upToDate`
 *   false, `computedAt` says from when) while one new computation runs; the next request gets the new one.
 *   Staleness bound: one computation.
 * - Otherwise (none yet, or quick to compute): computed now and served current.
 *
 * A computation runs apart from the request that started it, in its own REPEATABLE READ transaction (version and
 * rows from one snapshot) with COVERAGE_COMPUTE_TIMEOUT_MS instead of the request timeout, so a result that takes
 * longer than a request may wait is still finished and stored. Per process at most COVERAGE_MAX_COMPUTATIONS run at
 * once and each key is computed once at a time (later requests wait for it). A request that cannot wait for it
 * gets COVERAGE_COMPUTING with the expected time instead of a bare timeout.
 */
export interface CachedCoverage<T> {
  rows: T[];
  computedAt: Date;
  /** Computed from the current data (false: the data has changed since; a new computation is running). */
  upToDate: boolean;
}

interface Stored<T> {
  version: string;
  rows: T[];
  computedAt: Date;
  computeMs: number;
}

/** Results kept in process memory (a grid matrix is a few MB): the most recently used ones. */
const MEMORY_ENTRIES = 64;
/** A result's used_at is refreshed at most this often; results unused for PURGE_AFTER_DAYS are deleted. */
const TOUCH_AFTER_MS = 60 * 60_000;
const PURGE_AFTER_DAYS = 7;

export function coverageCacheKey(parameters: unknown): string {
  return createHash('sha256').update(JSON.stringify(parameters)).digest('hex');
}

@Injectable()
export class CoverageResultCache implements OnModuleDestroy {
  private readonly logger = new Logger(CoverageResultCache.name);
  private readonly memory = new Map<string, Stored<unknown>>();
  private readonly inflight = new Map<string, Promise<Stored<unknown>>>();
  private readonly queue: (() => void)[] = [];
  private running = 0;
  private lastPurge = 0;
  private closed = false;
  /** Writes of results to the table under way (awaited on shutdown, and by tests through settled()). */
  private readonly writes = new Set<Promise<unknown>>();

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleDestroy(): Promise<void> {
    this.closed = true; // computations under way end with the database connection; the writes are waited for
    await Promise.all([...this.writes]);
  }

  /** Resolves when every result computed so far is written to the table. */
  async settled(): Promise<void> {
    await Promise.all([...this.inflight.values()].map((p) => p.catch(() => undefined)));
    await Promise.all([...this.writes]);
  }

  /**
   * The result for `parameters`: `compute(query)` produces its rows inside the computation's transaction.
   * `deadline` (epoch ms) is how long the caller can wait for a computation (Infinity: as long as it takes).
   * `current`: never an out-of-date result (evaluation snapshots record the figures of the moment).
   */
  async get<T>(
    parameters: unknown,
    compute: (query: (sql: string, values: unknown[]) => Promise<T[]>) => Promise<T[]>,
    deadline: number,
    current = false,
  ): Promise<CachedCoverage<T>> {
    const key = coverageCacheKey(parameters);
    const held = this.memory.get(key) as Stored<T> | undefined;
    const [row]: {
      current: string;
      version: string | null;
      rows: T[] | null;
      computed_at: Date | null;
      compute_ms: number | null;
      touch: boolean;
    }[] = await this.ds.query(
      `SELECT s.data_version AS current, r.data_version AS version, r.computed_at, r.compute_ms,
              -- the rows only when this process does not hold that version already
              CASE WHEN r.data_version IS DISTINCT FROM $2::bigint THEN r.rows END AS rows,
              r.used_at < now() - make_interval(secs => $3::float8 / 1000) AS touch
         FROM coverage_state s LEFT JOIN coverage_result r ON r.key = $1
        WHERE s.id = 1`,
      [key, held?.version ?? null, TOUCH_AFTER_MS],
    );
    const version = row?.current ?? '0';
    // this process holds the current result (also while its own write of it to the table is still under way)
    if (held && held.version === version) return { rows: held.rows, computedAt: held.computedAt, upToDate: true };
    let stored: Stored<T> | null = null;
    if (row?.version !== null && row?.version !== undefined) {
      stored =
        held && held.version === row.version
          ? held
          : { version: row.version, rows: row.rows ?? [], computedAt: new Date(row.computed_at!), computeMs: row.compute_ms ?? 0 };
      this.remember(key, stored);
      if (row.touch) await this.ds.query(`UPDATE coverage_result SET used_at = now() WHERE key = $1`, [key]);
    }
    if (stored && stored.version === version) return { rows: stored.rows, computedAt: stored.computedAt, upToDate: true };

    const computation = this.computation(key, compute);
    if (!current && stored && stored.computeMs > this.config.COVERAGE_SYNC_BUDGET_MS) {
      // served as it is while the new one is computed (its failure is logged by computation())
      computation.catch(() => undefined);
      return { rows: stored.rows, computedAt: stored.computedAt, upToDate: false };
    }
    let fresh = await this.within(computation, deadline, stored?.computeMs ?? null);
    // the computation that was under way may have begun before the latest change: then once more, from now
    if (BigInt(fresh.version) < BigInt(version)) fresh = await this.within(this.computation(key, compute), deadline, fresh.computeMs);
    return { rows: fresh.rows, computedAt: fresh.computedAt, upToDate: BigInt(fresh.version) >= BigInt(version) };
  }

  /** Waits for the computation until the deadline; then tells the caller to come back instead of timing out. */
  private async within<T>(computation: Promise<Stored<T>>, deadline: number, previousMs: number | null): Promise<Stored<T>> {
    if (!Number.isFinite(deadline)) return computation;
    const wait = deadline - Date.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), Math.max(0, wait));
    });
    try {
      const done = await Promise.race([computation, late]);
      if (done) return done;
    } finally {
      clearTimeout(timer);
    }
    computation.catch(() => undefined);
    throw new CoverageComputingException(previousMs);
  }

  /** The running computation of `key`, or a new one (queued behind COVERAGE_MAX_COMPUTATIONS). */
  private computation<T>(
    key: string,
    compute: (query: (sql: string, values: unknown[]) => Promise<T[]>) => Promise<T[]>,
  ): Promise<Stored<T>> {
    const running = this.inflight.get(key) as Promise<Stored<T>> | undefined;
    if (running) return running;
    const promise = this.slot(() => this.computeAndStore(key, compute)).finally(() => this.inflight.delete(key));
    promise.catch((error: unknown) => this.logger.warn(`coverage computation failed: ${String(error)}`));
    this.inflight.set(key, promise);
    return promise;
  }

  private async slot<R>(task: () => Promise<R>): Promise<R> {
    if (this.running >= this.config.COVERAGE_MAX_COMPUTATIONS) await new Promise<void>((resolve) => this.queue.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.queue.shift()?.();
    }
  }

  private async computeAndStore<T>(
    key: string,
    compute: (query: (sql: string, values: unknown[]) => Promise<T[]>) => Promise<T[]>,
  ): Promise<Stored<T>> {
    if (this.closed) throw new Error('the server is shutting down');
    const timeout = this.config.COVERAGE_COMPUTE_TIMEOUT_MS;
    const runner = this.ds.createQueryRunner();
    const client = (await runner.connect()) as PoolClient;
    const started = Date.now();
    let version: string;
    let rows: T[];
    try {
      // node-postgres' own query_timeout of the pool is shorter than a computation may take: set per query
      const query = async <R>(sql: string, values: unknown[] = []): Promise<R[]> =>
        (await client.query<R & object>({ text: sql, values, query_timeout: timeout + 5_000 } as QueryConfig)).rows;
      await query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        // the memory setting lets the aggregates hash instead of sorting on disk
        await query(`SELECT set_config('statement_timeout', $1, true), set_config('work_mem', '64MB', true)`, [`${timeout}ms`]);
        [{ version }] = await query<{ version: string }>(`SELECT data_version AS version FROM coverage_state WHERE id = 1`);
        rows = await compute(query);
        await query('COMMIT');
      } catch (error) {
        await query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    } finally {
      await runner.release();
    }
    const stored: Stored<T> = { version, rows, computedAt: new Date(started), computeMs: Date.now() - started };
    // Written after the answer (a grid matrix is megabytes of JSON): until then this process serves it from memory.
    // A computation from an older snapshot never replaces a newer one; a result that cannot be stored (read-only
    // database) is still served.
    const write = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() =>
        this.ds.query(
          `INSERT INTO coverage_result (key, data_version, rows, computed_at, compute_ms, used_at)
       VALUES ($1, $2, $3::jsonb, $4, $5, now())
       ON CONFLICT (key) DO UPDATE SET data_version = EXCLUDED.data_version, rows = EXCLUDED.rows, computed_at = EXCLUDED.computed_at,
              compute_ms = EXCLUDED.compute_ms, used_at = now()
        WHERE coverage_result.data_version <= EXCLUDED.data_version`,
          [key, version, JSON.stringify(rows), stored.computedAt, stored.computeMs],
        ),
      )
      .then(() => this.purge())
      .catch((error: unknown) => this.logger.warn(`a coverage result could not be stored: ${String(error)}`))
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
    this.remember(key, stored);
    return stored;
  }

  private remember(key: string, stored: Stored<unknown>): void {
    this.memory.delete(key);
    this.memory.set(key, stored);
    if (this.memory.size > MEMORY_ENTRIES) this.memory.delete(this.memory.keys().next().value!);
  }

  /** Now and then: results nobody asked for in a week (parameter sets somebody tried once). */
  private async purge(): Promise<void> {
    if (Date.now() - this.lastPurge < TOUCH_AFTER_MS) return;
    this.lastPurge = Date.now();
    await this.ds.query(`DELETE FROM coverage_result WHERE used_at < now() - make_interval(days => $1)`, [PURGE_AFTER_DAYS]);
  }
}
