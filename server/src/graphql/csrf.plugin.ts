import { timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@partneratlas/shared';
import { CSRF_HEADER } from '../modules/accounts/session.service';
import type { RequestContext } from './request-context';

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * CSRF defence for cookie sessions: every mutation sent with a valid session cookie must carry the session's
 * CSRF token in the x-csrf-token header (the page reads it from the pa_csrf cookie, which other sites cannot).
 * Together with SameSite=Lax cookies and Apollo's own preflight rule this stops cross-site writes.
 */
export function csrfPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, contextValue }) {
          if (operation?.operation !== 'mutation' || !contextValue.csrfToken) return Promise.resolve();
          const header = contextValue.req.headers[CSRF_HEADER];
          if (typeof header !== 'string' || !sameToken(header, contextValue.csrfToken)) {
            throw new GraphQLError('Missing or wrong CSRF token (send the pa_csrf cookie value in the x-csrf-token header)', {
              extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
}
