import { ErrorCode } from '@partneratlas/shared';
import { DomainException } from './domain.exception';

/** The database cannot serve the request now; nothing was saved (the transaction was rolled back or never began). */
export class ServiceUnavailableException extends DomainException {
  constructor(
    message: string,
    readonly reason: DatabaseFault,
  ) {
    super(ErrorCode.SERVICE_UNAVAILABLE, message, { reason });
  }
}

export type DatabaseFault = 'UNREACHABLE' | 'READ_ONLY' | 'DISK_FULL' | 'OVERLOADED';

const MESSAGES: Record<DatabaseFault, string> = {
  UNREACHABLE: 'The database is not reachable at the moment (restart or network fault); nothing was saved. Please try again shortly.',
  READ_ONLY: 'The database is read-only at the moment (maintenance or failover); nothing was saved. Please try again later.',
  DISK_FULL: 'The database has no space left; nothing was saved. Please tell the administrators.',
  OVERLOADED: 'The database is overloaded or not answering at the moment; nothing was saved. Please try again shortly.',
};

/**
 * PostgreSQL SQLSTATEs (class 08 connection exception, 25006, 53xxx, 57P0x) that mean "the database cannot serve
 * this now" rather than "this request is wrong".
 */
const SQLSTATES: Record<string, DatabaseFault> = {
  '25006': 'READ_ONLY', // read_only_sql_transaction (default_transaction_read_only, hot standby)
  '53100': 'DISK_FULL', // disk_full
  '53000': 'OVERLOADED', // insufficient_resources
  '53200': 'OVERLOADED', // out_of_memory
  '53300': 'OVERLOADED', // too_many_connections
  '57P01': 'UNREACHABLE', // admin_shutdown (server stopping, backend terminated)
  '57P02': 'UNREACHABLE', // crash_shutdown
  '57P03': 'UNREACHABLE', // cannot_connect_now (starting up, shutting down, recovery)
  '08000': 'UNREACHABLE', // connection_exception
  '08001': 'UNREACHABLE',
  '08003': 'UNREACHABLE',
  '08004': 'UNREACHABLE',
  '08006': 'UNREACHABLE',
};

/** Socket errors (Node) seen while connecting to or talking with the database. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

const POOL_TIMEOUT = /^timeout exceeded when trying to connect$/;

/** Messages of node-postgres (pg, pg-pool) for broken, timed-out or closed connections. */
const PG_MESSAGES = [
  /^Connection terminated/, // unexpectedly | due to connection timeout
  /^Query read timeout$/, // query_timeout
  /^Client has encountered a connection error and is not queryable$/,
  /^Client was closed and is not queryable$/,
  /^Connection closed$/,
  // A socket error known by its message only: wrapped in a GraphQLError without originalError (while creating the
  // request context, or when the error comes from another realm, as Node's own errors do under Jest).
  /^(Context creation failed: )?(Error: )?(connect|read|write) (ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH)\b/,
];

/**
 * Returns the exception to answer with when `error` (anything thrown while handling a request: a TypeORM
 * QueryFailedError, a pg DatabaseError, a socket error) means that the database is unavailable, read-only or full;
 * null for every other error. Looks through `driverError`, `originalError` (a GraphQLError wrapping it, e.g. from the
 * context), `cause` and AggregateError `errors`.
 */
export function databaseUnavailable(error: unknown): ServiceUnavailableException | null {
  const fault = faultOf(error, 0);
  return fault ? new ServiceUnavailableException(MESSAGES[fault], fault) : null;
}

function faultOf(error: unknown, depth: number): DatabaseFault | null {
  if (depth > 4 || typeof error !== 'object' || error === null) return null;
  if (error instanceof ServiceUnavailableException) return error.reason;
  const e = error as {
    code?: unknown;
    message?: unknown;
    driverError?: unknown;
    originalError?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof e.code === 'string') {
    if (SQLSTATES[e.code]) return SQLSTATES[e.code];
    if (SOCKET_CODES.has(e.code)) return 'UNREACHABLE';
  }
  if (typeof e.message === 'string') {
    // pg-pool gave up waiting for a connection (connectionTimeoutMillis): every pooled connection is busy, or the
    // database accepts connections too slowly. A refused connection fails at once with ECONNREFUSED instead.
    if (POOL_TIMEOUT.test(e.message)) return 'OVERLOADED';
    if (PG_MESSAGES.some((re) => re.test(e.message as string))) return 'UNREACHABLE';
  }
  const nested = [e.driverError, e.originalError, e.cause, ...(Array.isArray(e.errors) ? e.errors : [])];
  for (const inner of nested) {
    const fault = faultOf(inner, depth + 1);
    if (fault) return fault;
  }
  return null;
}
