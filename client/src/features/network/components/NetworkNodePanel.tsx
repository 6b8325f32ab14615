import { Link } from 'react-router';
import type { OrganisationKind } from '@partneratlas/shared';
import { useTranslation } from 'react-i18next';
import { DemoBadge, displayName } from '../../../components/DemoBadge';
import { useFormatters } from '../../../lib/intl';

export interface NetworkNodePanelProps {
  node: {
    organisation: { id: string; name: string; isDemo: boolean; kind: string };
    degree: number;
    betweenness: number;
    community: number;
    bridge: boolean;
    isolated: boolean;
  };
  ego: 1 | 2 | null;
  onEgo: (depth: 1 | 2 | null) => void;
  onClose: () => void;
  mapHref: string;
  detailHref: string;
  partnersHref: string;
}

/** The selected organisation: its metrics, ego mode and where to go next. */
export function NetworkNodePanel({ node, ego, onEgo, onClose, mapHref, detailHref, partnersHref }: NetworkNodePanelProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const o = node.organisation;
  return (
    <section className="network-node" aria-labelledby="network-node-title">
      <div className="network-node__head">
        <h2 id="network-node-title" tabIndex={-1}>
          {displayName(o.name, o.isDemo)} {o.isDemo && <DemoBadge />}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <p className="network-node__kind">{t(`kind.name.${o.kind as OrganisationKind}`)}</p>
      <dl className="network-node__metrics">
        <div>
          <dt>{t('network.metric.degree')}</dt>
          <dd>{f.number(node.degree)}</dd>
        </div>
        <div>
          <dt>{t('network.metric.betweenness')}</dt>
          <dd>{node.betweenness.toLocaleString(f.locale, { maximumFractionDigits: 3 })}</dd>
        </div>
        <div>
          <dt>{t('network.metric.community')}</dt>
          <dd>{f.number(node.community + 1)}</dd>
        </div>
      </dl>
      {(node.bridge || node.isolated) && <p>{node.isolated ? t('network.role.isolatedLong') : t('network.role.bridgeLong')}</p>}
      <div className="button-row" role="group" aria-label={t('network.ego.label')}>
        <button type="button" aria-pressed={ego === 1} onClick={() => onEgo(ego === 1 ? null : 1)}>
          {t('network.ego.depth1')}
        </button>
        <button type="button" aria-pressed={ego === 2} onClick={() => onEgo(ego === 2 ? null : 2)}>
          {t('network.ego.depth2')}
        </button>
        {ego && (
          <button type="button" onClick={() => onEgo(null)}>
            {t('network.ego.whole')}
          </button>
        )}
      </div>
      <ul className="link-list">
        <li>
          <Link to={mapHref}>{t('detail.showOnMap')}</Link>
        </li>
        <li>
          <Link to={detailHref}>{t('network.openDetail')}</Link>
        </li>
        <li>
          <Link to={partnersHref}>{t('partners.findPartners')}</Link>
        </li>
      </ul>
    </section>
  );
}
