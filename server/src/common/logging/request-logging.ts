import type { NextFunction, Request, Response } from 'express';
import { requestIdOf } from '../request-id';
import type { Logging, RequestLogFields } from './logging';

const USER = Symbol('logUser');
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,99}$/;
/** Probes every few seconds: their successful answers are logged at debug level only. */
const PROBES = new Set(['/health', '/ready']);

type WithUser = Request & { [USER]?: string };

/** Called once the session is known (GraphQL context): the request's log line names the user by id, never by email. */
export function setLogUser(req: Request, userId: string | undefined): void {
  if (userId) (req as WithUser)[USER] = userId;
}

/**
 * One log line per request, written when the response is finished (or the client went away): method, path without
 * the query string (it may carry search terms or tokens), status, duration, request id, the signed-in user's id and
 * the GraphQL operation name. Deliberately field by field: no headers, cookies, bodies or variables.
 */
export function requestLoggingMiddleware(logging: Logging) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.once('close', () => {
      const path = (req.originalUrl ?? req.url).split('?')[0].slice(0, 300);
      const status = res.statusCode;
      const fields: RequestLogFields = {
        requestId: requestIdOf(req),
        method: req.method,
        path,
        status,
        durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10,
      };
      const userId = (req as WithUser)[USER];
      if (userId) fields.userId = userId;
      const operation: unknown = (req.body as { operationName?: unknown } | undefined)?.operationName;
      if (typeof operation === 'string' && OPERATION_NAME.test(operation)) fields.operation = operation;
      if (!res.writableFinished) fields.aborted = true;
      const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : PROBES.has(path) ? 'debug' : 'info';
      logging.request(level, fields);
    });
    next();
  };
}
