import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorCode, isErrorCode } from '@partneratlas/shared';

/** The `extensions.code` of the first GraphQL error, INTERNAL_SERVER_ERROR for network and unknown errors. */
export function errorCodeOf(error: unknown): ErrorCode {
  if (CombinedGraphQLErrors.is(error)) {
    for (const e of error.errors) {
      const code = e.extensions?.code;
      if (isErrorCode(code)) return code;
    }
  }
  return ErrorCode.INTERNAL_SERVER_ERROR;
}

export { ErrorCode };
