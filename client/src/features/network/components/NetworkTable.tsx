import { useTranslation } from 'react-i18next';
import { DemoBadge, displayName } from '../../../components/DemoBadge';
import { useFormatters } from '../../../lib/intl';
import { sortRows, type SortKey } from '../utils/network-state';

export interface NetworkTableRow {
  organisation: { id: string; name: string; isDemo: boolean };
  degree: number;
  betweenness: number;
  community: number;
  bridge: boolean;
  isolated: boolean;
  hops: number | null;
}

export interface NetworkTableProps {
  rows: readonly NetworkTableRow[];
  sort: SortKey;
  descending: boolean;
  onSort: (key: SortKey, descending: boolean) => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
}

/** The same data as the graph, as a sortable table: the accessible alternative. */
export function NetworkTable({ rows, sort, descending, onSort, selectedId, onSelect }: NetworkTableProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const sorted = sortRows(rows, sort, descending);
  const showHops = rows.some((r) => r.hops !== null);
  const header = (key: SortKey, label: string, numeric: boolean) => {
    const active = sort === key;
    return (
      <th scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'} className={numeric ? 'num' : undefined}>
        <button type="button" className="sort-button" onClick={() => onSort(key, active ? !descending : key !== 'name')}>
          {label}
          <span aria-hidden="true">{active ? (descending ? ' ▼' : ' ▲') : ' ↕'}</span>
        </button>
      </th>
    );
  };
  return (
    <div className="network-table-wrap">
      <table className="network-table">
        <caption>{t('network.table.caption', { count: rows.length, formatted: f.number(rows.length) })}</caption>
        <thead>
          <tr>
            {header('name', t('network.table.name'), false)}
            {header('degree', t('network.metric.degree'), true)}
            {header('betweenness', t('network.metric.betweenness'), true)}
            {header('community', t('network.metric.community'), true)}
            <th scope="col">{t('network.table.role')}</th>
            {showHops && (
              <th scope="col" className="num">
                {t('network.table.hops')}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => (
            <tr
              key={r.organisation.id}
              aria-selected={r.organisation.id === selectedId}
              className={r.organisation.id === selectedId ? 'is-selected' : undefined}
            >
              <th scope="row">
                <button type="button" className="link-button" onClick={() => onSelect(r.organisation.id)}>
                  {displayName(r.organisation.name, r.organisation.isDemo)}
                </button>
                {r.organisation.isDemo && <DemoBadge />}
              </th>
              <td className="num">{f.number(r.degree)}</td>
              <td className="num">{r.betweenness.toLocaleString(f.locale, { maximumFractionDigits: 3, minimumFractionDigits: 3 })}</td>
              <td className="num">{f.number(r.community + 1)}</td>
              <td>{r.isolated ? t('network.role.isolated') : r.bridge ? t('network.role.bridge') : ''}</td>
              {showHops && <td className="num">{r.hops ?? ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
