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
        { path: ROUTES.network, lazy: async () => ({ Component: (await import('./routes/NetworkPage')).default }) },
        { path: ROUTES.partners, lazy: async () => ({ Component: (await import('./routes/PartnerFinderPage')).default }) },
        { path: ROUTES.coverage, lazy: async () => ({ Component: (await import('./routes/GapPage')).default }) },
        { path: ROUTES.coverageMatrix, lazy: async () => ({ Component: (await import('./routes/MatrixPage')).default }) },
        { path: '*', lazy: async () => ({ Component: (await import('./routes/NotFoundPage')).default }) },
      ],
    },
  ]);
}
