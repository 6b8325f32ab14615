import type { DataSource, QueryRunner } from 'typeorm';

/** Values the seed passes as query parameters (arrays become PostgreSQL arrays; JSON is passed as text). */
export type SqlValue = string | number | boolean | null | readonly string[];

export type Row = Record<string, unknown>;

/** The one way the seed talks to the database: parameterised SQL on one connection inside one transaction. */
export interface Sql {
  /** Returns the rows (SELECT, or … RETURNING). */
  query<T extends Row = Row>(text: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Returns the number of rows the statement touched (INSERT/UPDATE/DELETE). */
  execute(text: string, params?: readonly SqlValue[]): Promise<number>;
}

interface StructuredResult {
  records?: unknown[];
  affected?: number | null;
}

function sqlOn(runner: QueryRunner): Sql {
  return {
    async query<T extends Row>(text: string, params: readonly SqlValue[] = []): Promise<T[]> {
      const result = (await runner.query(text, [...params], true)) as StructuredResult;
      return (result.records ?? []) as T[];
    },
    async execute(text: string, params: readonly SqlValue[] = []): Promise<number> {
      const result = (await runner.query(text, [...params], true)) as StructuredResult;
      return result.affected ?? 0;
    },
  };
}

/** Runs `work` in one transaction on one connection; rolls back and rethrows on error. */
export async function inTransaction<T>(ds: DataSource, work: (sql: Sql) => Promise<T>): Promise<T> {
  const runner = ds.createQueryRunner();
  await runner.connect();
  await runner.startTransaction();
  try {
    const result = await work(sqlOn(runner));
    await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/** Runs a read-only statement outside a transaction. */
export async function queryOnce<T extends Row>(ds: DataSource, text: string, params: readonly SqlValue[] = []): Promise<T[]> {
  const runner = ds.createQueryRunner();
  try {
    return await sqlOn(runner).query<T>(text, params);
  } finally {
    await runner.release();
  }
}

export interface ColumnSpec<R> {
  name: string;
  value: (row: R) => SqlValue;
  /**
   * SQL around the placeholder, e.g. `(p) => p + '::jsonb'` or `(p) => 'ST_GeogFromText(' + p + ')'`.
   * Defaults to the bare placeholder.
   */
  sql?: (placeholder: string) => string;
}

export interface InsertSpec<R> {
  table: string;
  columns: readonly ColumnSpec<R>[];
  /** Everything after VALUES …, e.g. `ON CONFLICT (id) DO NOTHING RETURNING id`. */
  suffix?: string;
  /** Rows per statement (default: as many as fit in 30 000 parameters, at most 500). */
  batchSize?: number;
}

/** Multi-row parameterised INSERTs in batches. Returns the rows of any RETURNING clause and the affected count. */
export async function insertRows<R, T extends Row = Row>(
  sql: Sql,
  spec: InsertSpec<R>,
  rows: readonly R[],
): Promise<{ affected: number; returned: T[] }> {
  const perRow = spec.columns.length;
  const batchSize = spec.batchSize ?? Math.max(1, Math.min(500, Math.floor(30_000 / perRow)));
  const columnList = spec.columns.map((c) => `"${c.name}"`).join(', ');
  let affected = 0;
  const returned: T[] = [];
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    const params: SqlValue[] = [];
    const tuples = batch.map((row) => {
      const cells = spec.columns.map((column) => {
        params.push(column.value(row));
        const placeholder = `$${params.length}`;
        return column.sql ? column.sql(placeholder) : placeholder;
      });
      return `(${cells.join(', ')})`;
    });
    const text = `INSERT INTO "${spec.table}" (${columnList}) VALUES ${tuples.join(', ')} ${spec.suffix ?? ''}`;
    if (/\bRETURNING\b/i.test(spec.suffix ?? '')) {
      const out = await sql.query<T>(text, params);
      returned.push(...out);
      affected += out.length;
    } else {
      affected += await sql.execute(text, params);
    }
  }
  return { affected, returned };
}

/** `SRID=4326;POINT(lon lat)` with 6 decimals (about 0.1 m). */
export function pointEwkt(lon: number, lat: number): string {
  return `SRID=4326;POINT(${lon.toFixed(6)} ${lat.toFixed(6)})`;
}

export const cast =
  (type: string) =>
  (placeholder: string): string =>
    `${placeholder}::${type}`;
