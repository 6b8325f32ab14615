import { useTranslation } from 'react-i18next';
import { KindSymbol } from '../../../components/KindSymbol';
import { KIND_ORDER } from '../../../lib/organisation-kind';

/** What the marker shapes, letters and colours mean. */
export function KindLegend() {
  const { t } = useTranslation();
  return (
    <ul className="legend__list">
      {KIND_ORDER.map((kind) => (
        <li key={kind} className="legend__item">
          <KindSymbol kind={kind} size={20} />
          <span>
            {t(`kind.name.${kind}`)} <span className="muted">({t(`kind.letter.${kind}`)})</span>
          </span>
        </li>
      ))}
      <li className="legend__item">
        <span className="legend__cluster" aria-hidden="true">
          12
        </span>
        <span>{t('legend.cluster')}</span>
      </li>
      <li className="legend__item">
        <span className="legend__demo" aria-hidden="true" />
        <span>{t('legend.demoMarker')}</span>
      </li>
      <li className="legend__item">
        <span className="legend__stale" aria-hidden="true">
          <KindSymbol kind={KIND_ORDER[0]} size={20} />
        </span>
        <span>{t('legend.staleMarker')}</span>
      </li>
    </ul>
  );
}
