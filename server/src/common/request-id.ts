import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

/** A request id is accepted from a reverse proxy only when it looks like one (no log injection). */
const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;
export const REQUEST_ID_HEADER = 'x-request-id';

type WithId = Request & { id?: string };

/**
 * Gives every request an id (the proxy's `X-Request-Id` when it is well-formed, else a new UUID), echoes it in
 * the response header and makes it available through requestIdOf(): logs and masked errors carry it.
 */
export function requestIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
  (req as WithId).id = id;
  res.setHeader('X-Request-Id', id);
  next();
}

export function requestIdOf(req: Request | undefined): string | undefined {
  return (req as WithId | undefined)?.id;
}
