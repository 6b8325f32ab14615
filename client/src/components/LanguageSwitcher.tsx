import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, type UiLanguage } from '../i18n';

/** Deutsch / English. The choice is remembered (localStorage) by the i18n setup. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const current = i18n.language;
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {SUPPORTED_LANGUAGES.map((lng: UiLanguage) => (
        <button
          key={lng}
          type="button"
          lang={lng}
          className="language-switcher__button"
          aria-pressed={current === lng}
          onClick={() => void i18n.changeLanguage(lng)}
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </div>
  );
}
