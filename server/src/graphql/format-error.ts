import { Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ErrorCode, isErrorCode } from '@partneratlas/shared';
import { DomainException } from '../common/exceptions/domain.exception';
import { databaseUnavailable } from '../common/exceptions/database-unavailable';

const logger = new Logger('GraphQL');

/**
 * Maps every error to a GraphQL error with `extensions.code`. Domain errors keep their message and
 * details; anything unexpected is logged and, outside development, reduced to a generic message.
 */
export function createErrorFormatter(options: { exposeInternals: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = error instanceof GraphQLError ? error.originalError : error;
    const { stacktrace: _stack, ...extensionsWithoutStack } = (formatted.extensions ?? {}) as Record<string, unknown>;
    const extensions = options.exposeInternals ? (formatted.extensions ?? {}) : extensionsWithoutStack;

    if (original instanceof DomainException) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...extensions, ...original.details, code: original.code },
      };
    }
    // The database is unreachable, read-only or full: a clear, retryable error instead of INTERNAL_SERVER_ERROR.
    const unavailable = databaseUnavailable(original ?? error);
    if (unavailable) {
      logger.warn(`database unavailable (${unavailable.reason}): ${original instanceof Error ? original.message : String(original)}`);
      return {
        message: unavailable.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { ...extensions, ...unavailable.details, code: unavailable.code },
      };
    }
    // PostgreSQL cancelled a statement (statement_timeout = GRAPHQL_TIMEOUT_MS): the same answer as the resolver deadline.
    if (sqlState(original) === QUERY_CANCELED) {
      return {
        message: `The query took longer than the timeout and was stopped; narrow it down (fewer items, fewer nested fields)`,
        path: formatted.path,
        extensions: { code: ErrorCode.TIMEOUT },
      };
    }
    // Our own validation rules (e.g. depth limit) set their code; Apollo wraps them as GRAPHQL_VALIDATION_FAILED.
    if (original instanceof GraphQLError && isErrorCode(original.extensions?.code)) {
      return { ...formatted, extensions: { ...extensions, code: original.extensions.code } };
    }
    const code = extensions.code;
    if (isErrorCode(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      return { ...formatted, extensions };
    }
    // Variable coercion and Nest HTTP exceptions.
    if (code === 'BAD_REQUEST' || code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED') {
      return { ...formatted, extensions: { ...extensions, code: code === 'BAD_REQUEST' ? ErrorCode.BAD_USER_INPUT : code } };
    }
    logger.error(original instanceof Error ? (original.stack ?? original.message) : formatted.message);
    if (options.exposeInternals) return { ...formatted, extensions: { ...extensions, code: ErrorCode.INTERNAL_SERVER_ERROR } };
    // The request id (set for failures while creating the context; the masked-errors plugin adds it during execution).
    const requestId = typeof extensions.requestId === 'string' ? { requestId: extensions.requestId } : {};
    return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...requestId } };
  };
}

const QUERY_CANCELED = '57014';

/** The SQLSTATE of a TypeORM QueryFailedError or a pg DatabaseError. */
function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null | undefined;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
