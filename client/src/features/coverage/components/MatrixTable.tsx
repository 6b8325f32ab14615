import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localName, useFormatters } from '../../../lib/intl';
import type { CoverageMatrixQuery } from '../../../lib/graphql/graphql';
import { colourClasses, classOf } from '../utils/palette';

type Matrix = CoverageMatrixQuery['coverageMatrix'];
type SortKey = { column: 'name' | 'population' | number; descending: boolean };
const FIRST = 60;

/** Units × fields as a heat table: providers in reach per cell (viridis by count, gaps hatched with "0"), sortable. */
export function MatrixTable({ matrix }: { matrix: Matrix }) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const [sort, setSort] = useState<SortKey>({ column: 'name', descending: false });
  const [all, setAll] = useState(false);
  const max = useMemo(() => Math.max(0, ...matrix.rows.flatMap((r) => r.cells.map((c) => c.providersInReach))), [matrix]);
  const classes = colourClasses(max);
  const rows = useMemo(() => {
    const dir = sort.descending ? -1 : 1;
    const sorted = [...matrix.rows];
    sorted.sort((a, b) => {
      if (sort.column === 'name') return dir * a.name.localeCompare(b.name, 'de', { numeric: true });
      if (sort.column === 'population') return dir * ((a.population ?? -1) - (b.population ?? -1));
      const i = sort.column;
      return dir * (a.cells[i].providersInReach - b.cells[i].providersInReach) || a.name.localeCompare(b.name, 'de', { numeric: true });
    });
    return sorted;
  }, [matrix, sort]);
  const shown = all ? rows : rows.slice(0, FIRST);
  const header = (column: SortKey['column'], label: string, key: string) => {
    const active = sort.column === column;
    return (
      <th key={key} scope="col" aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="matrix__sort"
          onClick={() =>
            setSort({
              column,
              descending: active ? !sort.descending : column !== 'name' && column !== 'population' ? false : column === 'population',
            })
          }
        >
          {label}
          <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };
  return (
    <>
      <div className="matrix-wrap" tabIndex={0} role="region" aria-label={t('coverage.matrix.tableLabel')}>
        <table className="matrix" data-testid="coverage-matrix">
          <caption className="visually-hidden">{t('coverage.matrix.caption')}</caption>
          <thead>
            <tr>
              {header('name', t('coverage.matrix.unit'), 'name')}
              {header('population', t('coverage.matrix.population'), 'population')}
              {matrix.fields.map((c, i) => header(i, localName(c.fieldOfAction, i18n.language), c.fieldOfAction.code))}
            </tr>
            <tr className="matrix__totals">
              <th scope="row">{t('coverage.matrix.gapShare')}</th>
              <td />
              {matrix.fields.map((c) => (
                <td key={c.fieldOfAction.code} data-field={c.fieldOfAction.code}>
                  {c.summary.gapUnitShare.toLocaleString(f.locale, { style: 'percent', maximumFractionDigits: 0 })}
                  <span className="matrix__sub">
                    {f.number(c.summary.gapUnitCount)} / {f.number(c.summary.unitCount)}
                  </span>
                </td>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.unitId}>
                <th scope="row">{r.name}</th>
                <td className="matrix__num">
                  {r.population === null ? <span className="muted">{t('coverage.matrix.unknown')}</span> : f.number(r.population)}
                </td>
                {r.cells.map((c) => {
                  const cls = classOf(c.providersInReach, classes);
                  return (
                    <td
                      key={c.fieldOfAction}
                      className={c.gap ? 'matrix__cell matrix__cell--gap' : 'matrix__cell'}
                      style={cls ? { background: cls.colour, color: cls.text } : undefined}
                      title={c.gap ? t('coverage.matrix.gapTitle') : undefined}
                    >
                      {f.number(c.providersInReach)}
                      {c.gap && <span className="visually-hidden"> {t('coverage.matrix.gapTitle')}</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > FIRST && (
        <button type="button" className="button button--link" onClick={() => setAll((x) => !x)}>
          {all ? t('coverage.gapList.fewer') : t('coverage.matrix.allRows', { count: rows.length, formatted: f.number(rows.length) })}
        </button>
      )}
    </>
  );
}
