import { useState, type ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { I18nextProvider } from 'react-i18next';
import { createApolloClient } from '../../lib/apollo';
import { createI18n } from '../../i18n';
import { ErrorBoundary } from '../ErrorBoundary';

export function AppProviders({ children }: { children: ReactNode }) {
  const [i18n] = useState(() => createI18n());
  const [client] = useState(() => createApolloClient());
  return (
    <I18nextProvider i18n={i18n}>
      <ErrorBoundary>
        <ApolloProvider client={client}>{children}</ApolloProvider>
      </ErrorBoundary>
    </I18nextProvider>
  );
}
