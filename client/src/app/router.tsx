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
        { path: ROUTES.login, lazy: async () => ({ Component: (await import('./routes/LoginPage')).default }) },
        { path: ROUTES.invitation, lazy: async () => ({ Component: (await import('./routes/AcceptInvitationPage')).default }) },
        { path: ROUTES.myOrganisations, lazy: async () => ({ Component: (await import('./routes/MyOrganisationsPage')).default }) },
        { path: ROUTES.organisationEdit, lazy: async () => ({ Component: (await import('./routes/OrganisationEditPage')).default }) },
        { path: ROUTES.organisationHistory, lazy: async () => ({ Component: (await import('./routes/OrganisationHistoryPage')).default }) },
        { path: ROUTES.review, lazy: async () => ({ Component: (await import('./routes/ReviewPage')).default }) },
        { path: ROUTES.users, lazy: async () => ({ Component: (await import('./routes/UsersPage')).default }) },
        { path: ROUTES.account, lazy: async () => ({ Component: (await import('./routes/AccountPage')).default }) },
        { path: ROUTES.import, lazy: async () => ({ Component: (await import('./routes/ImportPage')).default }) },
        { path: ROUTES.areaImport, lazy: async () => ({ Component: (await import('./routes/AreaImportPage')).default }) },
        { path: ROUTES.evaluation, lazy: async () => ({ Component: (await import('./routes/EvaluationPage')).default }) },
        {
          path: ROUTES.evaluationComparison,
          lazy: async () => ({ Component: (await import('./routes/EvaluationComparisonPage')).default }),
        },
        { path: ROUTES.evaluationReport, lazy: async () => ({ Component: (await import('./routes/EvaluationReportPage')).default }) },
        { path: '*', lazy: async () => ({ Component: (await import('./routes/NotFoundPage')).default }) },
      ],
    },
  ]);
}
