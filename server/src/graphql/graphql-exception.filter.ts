import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import type { Response } from 'express';
import { ErrorCode } from '@partneratlas/shared';
import { DomainException } from '../common/exceptions/domain.exception';

const HTTP_STATUS: Partial<Record<ErrorCode, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.CONFLICT]: 409,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.TOO_MANY_REQUESTS]: 429,
};

/**
 * In GraphQL, hands every error to Apollo unchanged: the error formatter maps codes and logs only
 * unexpected errors (Nest's default handler would log expected ones, like NOT_FOUND, as errors).
 * In REST, domain errors answer with their HTTP status and `{ error: CODE, message }`; anything else
 * keeps Nest's default behaviour (a generic 500).
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    if (exception instanceof DomainException && host.getType() === 'http') {
      const res = host.switchToHttp().getResponse<Response>();
      res.status(HTTP_STATUS[exception.code] ?? 400).json({ error: exception.code, message: exception.message, ...exception.details });
      return undefined;
    }
    return super.catch(exception, host);
  }
}
