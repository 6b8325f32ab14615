import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLSchema, isObjectType } from 'graphql';
import { ErrorCode } from '@partneratlas/shared';

/** The execution deadline of one query operation (set on its context by the timeout plugin). */
export interface Deadline {
  expired: boolean;
  error: GraphQLError;
  /** Rejects with `error` when the deadline passes. */
  passed: Promise<never>;
}

const DEADLINE = Symbol('deadline');
type WithDeadline = { [DEADLINE]?: Deadline };

function timeoutError(timeoutMs: number): GraphQLError {
  return new GraphQLError(`The query took longer than ${timeoutMs} ms and was stopped; narrow it down (fewer items, fewer nested fields)`, {
    extensions: { code: ErrorCode.TIMEOUT, timeoutMs },
  });
}

/**
 * Wraps every resolver of the schema (in place) so that a query past its deadline stops:
 * - no resolver starts after the deadline (no new work, no new SQL);
 * - root fields race the deadline, so the answer comes back when it passes even while a resolver still waits;
 *   SQL still running then is cancelled by PostgreSQL's statement_timeout (the same value, see dataSourceOptions).
 * Only root fields race: a race per nested field would cost more than it saves on large lists.
 */
export function applyDeadlines(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue; // property reads (no resolver of their own) are synchronous and cheap
      field.resolve = (source, args, context: WithDeadline | undefined, info) => {
        const deadline = context?.[DEADLINE];
        if (!deadline) return resolve(source, args, context, info);
        if (deadline.expired) throw deadline.error;
        const result: unknown = resolve(source, args, context, info);
        return info.path.prev === undefined && result instanceof Promise ? Promise.race([result, deadline.passed]) : result;
      };
    }
  }
  return schema;
}

/**
 * Gives every query operation a deadline of `timeoutMs` from the start of its execution. Mutations get none:
 * answering TIMEOUT while their transaction may still commit would mislead; each of their statements is bounded
 * by statement_timeout. When the deadline passed, the many per-field TIMEOUT errors collapse into one.
 */
export function timeoutPlugin(timeoutMs: number): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        executionDidStart({ operation, contextValue }) {
          if (operation.operation !== 'query') return Promise.resolve();
          let fire: (error: GraphQLError) => void = () => undefined;
          const deadline: Deadline = {
            expired: false,
            error: timeoutError(timeoutMs),
            passed: new Promise<never>((_, reject) => (fire = reject)),
          };
          deadline.passed.catch(() => undefined); // nobody may be racing it when it fires
          const timer = setTimeout(() => {
            deadline.expired = true;
            fire(deadline.error);
          }, timeoutMs);
          (contextValue as WithDeadline)[DEADLINE] = deadline;
          return Promise.resolve({
            executionDidEnd() {
              clearTimeout(timer);
              return Promise.resolve();
            },
          });
        },
        willSendResponse({ response }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return Promise.resolve();
          let seen = false;
          const errors = response.body.singleResult.errors.filter((e) => {
            if (e.extensions?.code !== ErrorCode.TIMEOUT) return true;
            if (seen) return false;
            seen = true;
            return true;
          });
          response.body.singleResult.errors = errors;
          return Promise.resolve();
        },
      }),
  };
}
