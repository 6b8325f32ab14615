/**
 * Error codes carried end to end in GraphQL `extensions.code`.
 * The client switches on these; never rename a value.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  /** Too many attempts (login throttling, rate limits); retry later. */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  /** The operation's estimated cost (objects it may return, lists multiplied by their size) exceeds the limit. */
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  TOO_MANY_ALIASES = 'TOO_MANY_ALIASES',
  /** The document has more lexical tokens than allowed (checked before parsing it). */
  TOO_MANY_TOKENS = 'TOO_MANY_TOKENS',
  /** More operations in one batched HTTP request than allowed. */
  BATCH_TOO_LARGE = 'BATCH_TOO_LARGE',
  /** The operation ran longer than the execution timeout and was stopped (its database work cancelled). */
  TIMEOUT = 'TIMEOUT',
  GRAPHQL_VALIDATION_FAILED = 'GRAPHQL_VALIDATION_FAILED',
  GRAPHQL_PARSE_FAILED = 'GRAPHQL_PARSE_FAILED',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The database cannot serve the request right now (unreachable, restarting, read-only, disk full); retry later. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (Object.values(ErrorCode) as string[]).includes(value);
}
