import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';

/**
 * In GraphQL, hands every error to Apollo unchanged: the error formatter maps codes and logs only
 * unexpected errors (Nest's default handler would log expected ones, like NOT_FOUND, as errors).
 * Other contexts (REST) keep Nest's default behaviour.
 */
@Catch()
export class GraphqlExceptionFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
