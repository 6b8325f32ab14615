import type { Request, Response } from 'express';
import type { Viewer } from '../common/viewer';
import type { Loaders } from './loaders';

/** Per-request GraphQL context: who asks, and the request's DataLoaders. */
export interface RequestContext {
  req: Request;
  res: Response;
  viewer: Viewer;
  /** The CSRF token of the request's session (mutations must echo it in x-csrf-token). */
  csrfToken?: string;
  loaders: Loaders;
}
