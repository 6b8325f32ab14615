import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './AppHeader';

/** The frame of the stand-alone pages: skip link, header, main region; sets the document title. */
export function PageShell({ documentTitle, wide = false, children }: { documentTitle: string; wide?: boolean; children: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  return (
    <div className="app app--page">
      <a className="skip-link" href="#main">
        {t('a11y.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" className={`page${wide ? ' page--wide' : ''}`} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
