import { useTranslation } from 'react-i18next';
import type { GoalIndicatorPartsFragment } from '../../../lib/graphql/graphql';
import { useReportFormats } from '../hooks/useReportFormats';
import { formatIndicator } from '../utils/format';
import { ReportTable } from './ReportTable';

export interface IndicatorTableProps {
  title: string;
  indicators: readonly GoalIndicatorPartsFragment[];
  /** The goal has linked fields (goal-wide indicators then cover their organisations, else all). */
  linked: boolean;
  filename: string;
}

/** The indicators of one guiding goal: what, for which field, the value and what it is computed from. */
export function IndicatorTable({ title, indicators, linked, filename }: IndicatorTableProps) {
  const { t } = useTranslation();
  const n = useReportFormats();
  const scope = (i: GoalIndicatorPartsFragment) =>
    i.field ? n.fieldName(i.field) : linked ? t('evaluation.indicator.scopeLinked') : t('evaluation.indicator.scopeAll');
  const value = (i: GoalIndicatorPartsFragment) => formatIndicator(i.kind, i.value, n) ?? t('evaluation.report.unknown');
  const basis = (i: GoalIndicatorPartsFragment): string => {
    const num = n.count(i.numerator) ?? '';
    const den = n.count(i.denominator) ?? '';
    switch (i.kind) {
      case 'POPULATION_IN_REACH_SHARE':
        return i.value === null
          ? t('evaluation.indicator.basis.populationUnknown')
          : t('evaluation.indicator.basis.population', {
              numerator: num,
              denominator: den,
              unit: t(i.basis === 'GRID' ? 'evaluation.unit.GRID' : 'evaluation.unit.DISTRICT'),
            });
      case 'GRID_IN_REACH_SHARE':
        return i.denominator
          ? t('evaluation.indicator.basis.grid', { numerator: num, denominator: den })
          : t('evaluation.indicator.basis.noGrid');
      case 'LANGUAGES':
        return i.languages.length ? n.list(i.languages.map(n.languageName)) : '';
      case 'NETWORK_DENSITY':
        return t('evaluation.indicator.basis.density', { numerator: num, denominator: den });
      case 'ISOLATED_ORGANISATIONS':
        return t('evaluation.indicator.basis.isolated', { denominator: den });
      case 'CONFIRMED_LAST_12_MONTHS_SHARE':
        return t('evaluation.indicator.basis.confirmed', { numerator: num, denominator: den });
      case 'PROVIDERS':
      case 'SERVICES':
        return '';
    }
  };
  return (
    <ReportTable
      title={title}
      level={4}
      filename={filename}
      rows={indicators}
      rowKey={(i) => `${i.kind}-${i.field?.code ?? ''}`}
      columns={[
        {
          key: 'kind',
          header: t('evaluation.indicator.column.kind'),
          cell: (i) => t(`evaluation.indicator.kind.${i.kind}`),
          csv: (i) => t(`evaluation.indicator.kind.${i.kind}`),
        },
        { key: 'field', header: t('evaluation.indicator.column.field'), cell: scope, csv: (i) => i.field?.code ?? scope(i) },
        { key: 'value', header: t('evaluation.indicator.column.value'), cell: value, csv: (i) => i.value, numeric: true },
        { key: 'basis', header: t('evaluation.indicator.column.basis'), cell: basis, csv: basis },
      ]}
    />
  );
}
