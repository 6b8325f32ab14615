import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';

export interface NetworkSummaryData {
  nodeCount: number;
  edgeCount: number;
  density: number;
  components: number;
  communities: number;
  isolated: number;
  bridges: number;
}

export function NetworkSummaryPanel({ summary, date }: { summary: NetworkSummaryData; date: string }) {
  const { t } = useTranslation();
  const f = useFormatters();
  const items: [string, string][] = [
    [t('network.summary.organisations'), f.number(summary.nodeCount)],
    [t('network.summary.relationships'), f.number(summary.edgeCount)],
    [t('network.summary.density'), summary.density.toLocaleString(f.locale, { style: 'percent', maximumFractionDigits: 1 })],
    [t('network.summary.components'), f.number(summary.components)],
    [t('network.summary.communities'), f.number(summary.communities)],
    [t('network.summary.isolated'), f.number(summary.isolated)],
    [t('network.summary.bridges'), f.number(summary.bridges)],
  ];
  return (
    <section className="network-summary" aria-labelledby="network-summary-title">
      <h2 id="network-summary-title" className="panel-title">
        {t('network.summary.title', { date: f.date(date) })}
      </h2>
      <dl>
        {items.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
