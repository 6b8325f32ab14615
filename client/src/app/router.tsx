import { createBrowserRouter } from 'react-router';
import { ROUTES } from '../config/routes';
import { RouteError } from './RouteError';
import { RouteLoading } from './RouteLoading';

/** Every page is its own lazily loaded chunk. */
export function createRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      hydrateFallbackElement: <RouteLoading />,
      children: [
        { path: ROUTES.map, lazy: async () => ({ Component: (await import('./routes/MapPage')).default }) },
        { path: ROUTES.organisation, lazy: async () => ({ Component: (await import('./routes/OrganisationPage')).default }) },
        { path: '*', lazy: async () => ({ Component: (await import('./routes/NotFoundPage')).default }) },
      ],
    },
  ]);
}
