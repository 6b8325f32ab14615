import type { ApolloServerPlugin } from '@apollo/server';
import { ErrorCode } from '@partneratlas/shared';
import { requestIdOf } from '../common/request-id';
import type { RequestContext } from './request-context';

/**
 * Masked errors (INTERNAL_SERVER_ERROR) carry the request id (also in the X-Request-Id header and in the log line
 * of the failure), so that a report from a user can be matched to the log. The error formatter cannot see the
 * request; this runs once the errors are formatted.
 */
export function maskedErrorsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart: () =>
      Promise.resolve({
        willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return Promise.resolve();
          const requestId = requestIdOf(contextValue.req);
          if (!requestId) return Promise.resolve();
          response.body.singleResult.errors = response.body.singleResult.errors.map((e) =>
            e.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR ? { ...e, extensions: { ...e.extensions, requestId } } : e,
          );
          return Promise.resolve();
        },
      }),
  };
}
