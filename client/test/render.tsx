import type { ReactElement, ReactNode } from 'react';
import { render, type RenderOptions } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';

type MockedResponse = MockLink.MockedResponse;
import { MemoryRouter } from 'react-router';
import { createI18n, type UiLanguage } from '../src/i18n';
import { createCache } from '../src/lib/apollo';

export interface ProviderOptions {
  language?: UiLanguage;
  mocks?: MockedResponse[];
  initialEntries?: string[];
}

/** Renders with i18n (de by default), an Apollo MockedProvider and a memory router. */
export function renderWithProviders(
  ui: ReactElement,
  { language = 'de', mocks = [], initialEntries = ['/'] }: ProviderOptions = {},
  options?: RenderOptions,
) {
  const i18n = createI18n(language);
  const Wrapper = ({ children }: { children: ReactNode }) => (
    <I18nextProvider i18n={i18n}>
      <MockedProvider mocks={mocks} cache={createCache()}>
        <MemoryRouter initialEntries={initialEntries}>{children}</MemoryRouter>
      </MockedProvider>
    </I18nextProvider>
  );
  return { i18n, ...render(ui, { wrapper: Wrapper, ...options }) };
}
