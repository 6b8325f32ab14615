import type { Request, Response } from 'express';
import type { Viewer } from '../modules/organisations/organisations.service';
import type { Loaders } from './loaders';

/** Per-request GraphQL context: who asks, and the request's DataLoaders. */
export interface RequestContext {
  req: Request;
  res: Response;
  viewer: Viewer;
  loaders: Loaders;
}
