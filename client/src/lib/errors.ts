import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorCode, isErrorCode } from '@partneratlas/shared';

interface FormattedError {
  message: string;
  extensions?: Record<string, unknown>;
}

function graphQLErrors(error: unknown): readonly FormattedError[] {
  return CombinedGraphQLErrors.is(error) ? (error.errors as readonly FormattedError[]) : [];
}

/** The `extensions.code` of the first GraphQL error, INTERNAL_SERVER_ERROR for network and unknown errors. */
export function errorCodeOf(error: unknown): ErrorCode {
  for (const e of graphQLErrors(error)) {
    const code = e.extensions?.code;
    if (isErrorCode(code)) return code;
  }
  return ErrorCode.INTERNAL_SERVER_ERROR;
}

/** The server's message of the first GraphQL error with this code (e.g. "E-Mail oder Passwort falsch"). */
export function errorMessageOf(error: unknown, code: ErrorCode): string | null {
  const found = graphQLErrors(error).find((e) => e.extensions?.code === code);
  return found?.message ?? null;
}

/** A string extension of the first GraphQL error with this code (e.g. `reason` of a closed invitation). */
export function errorExtensionOf(error: unknown, code: ErrorCode, key: string): string | null {
  const found = graphQLErrors(error).find((e) => e.extensions?.code === code);
  const value = found?.extensions?.[key];
  return typeof value === 'string' ? value : null;
}

/** One field's problems from a BAD_USER_INPUT error: `field` is the argument path, e.g. "input.website". */
export interface FieldProblem {
  field: string;
  problems: string[];
}

/** The `extensions.fields` of a BAD_USER_INPUT error (empty for any other error). */
export function fieldProblemsOf(error: unknown): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const e of graphQLErrors(error)) {
    if (e.extensions?.code !== ErrorCode.BAD_USER_INPUT) continue;
    const fields = e.extensions.fields;
    if (!Array.isArray(fields)) continue;
    for (const f of fields as unknown[]) {
      if (!f || typeof f !== 'object') continue;
      const { field, problems } = f as { field?: unknown; problems?: unknown };
      if (typeof field !== 'string') continue;
      const list = Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [];
      out.push({ field, problems: list.length ? list : [e.message] });
    }
  }
  return out;
}

/** What a CONFLICT carries to recover: the stored version and its editable fields. */
export interface ConflictInfo {
  currentVersion: number;
  current: Record<string, unknown>;
}

export function conflictOf(error: unknown): ConflictInfo | null {
  for (const e of graphQLErrors(error)) {
    if (e.extensions?.code !== ErrorCode.CONFLICT) continue;
    const version = e.extensions.currentVersion;
    const current = e.extensions.current;
    if (typeof version !== 'number') return null;
    return { currentVersion: version, current: current && typeof current === 'object' ? (current as Record<string, unknown>) : {} };
  }
  return null;
}

export { ErrorCode };
