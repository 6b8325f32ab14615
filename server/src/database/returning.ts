/**
 * Rows of an `UPDATE … RETURNING` / `DELETE … RETURNING` sent through TypeORM's `query()`: for those commands the
 * PostgreSQL driver answers `[rows, rowCount]` instead of the rows (INSERT and SELECT give the rows).
 */
export function returnedRows<T>(raw: unknown): T[] {
  if (Array.isArray(raw) && raw.length === 2 && Array.isArray(raw[0]) && typeof raw[1] === 'number') return raw[0] as T[];
  return raw as T[];
}
