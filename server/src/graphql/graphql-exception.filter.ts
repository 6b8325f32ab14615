import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { ErrorCode } from '@partneratlas/shared';
import { databaseUnavailable } from '../common/exceptions/database-unavailable';
import { DomainException } from '../common/exceptions/domain.exception';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

/**
 * In GraphQL, hands every error to Apollo unchanged: the error formatter maps codes and logs only
 * unexpected errors (Nest's default handler would log expected ones, like NOT_FOUND, as errors).
 * In REST, domain errors answer with their HTTP status and `{ error: CODE, message }`; anything else
 * keeps Nest's default behaviour (a generic 500), except database faults (unreachable, read-only, full), which
 * answer 503 with SERVICE_UNAVAILABLE like GraphQL does.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    // Thrown, not returned (a returned value would become the field's value). A database fault is named here, while
    // the driver's error is still at hand: graphql-js would replace an error object it does not recognise as an
    // Error (another realm, as Node's socket errors are under Jest's VM) by a message-only one.
    if (host.getType<GqlContextType>() === 'graphql')
      throw (exception instanceof DomainException ? null : databaseUnavailable(exception)) ?? exception;
    if (host.getType() !== 'http') return super.catch(exception, host);
    const domain = exception instanceof DomainException ? exception : databaseUnavailable(exception);
    if (domain) {
      const res = host.switchToHttp().getResponse<Response>();
      res.status(HTTP_STATUS[domain.code] ?? 400).json({ error: domain.code, message: domain.message, ...domain.details });
      return undefined;
    }
    return super.catch(exception, host);
  }
}
