import { useTranslation } from 'react-i18next';

/** The "(fiktiv)" mark of an invented example entry. */
export function DemoBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge--demo" title={t('demo.badgeTitle')}>
      {t('demo.badge')}
    </span>
  );
}

/** Names of example entries already end in "(fiktiv)"; the badge says it, so the name need not. */
export function displayName(name: string, isDemo: boolean): string {
  return isDemo ? name.replace(/\s*\(fiktiv\)\s*$/i, '') : name;
}
