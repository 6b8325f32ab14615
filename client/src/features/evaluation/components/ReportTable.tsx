import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type CsvCell, downloadCsv } from '../utils/csv';

export interface ReportColumn<R> {
  key: string;
  header: string;
  cell: (row: R) => ReactNode;
  /** The value written to the CSV file (plain numbers, no formatting). */
  csv: (row: R) => CsvCell;
  numeric?: boolean;
}

export interface ReportTableProps<R> {
  title: string;
  rows: readonly R[];
  columns: readonly ReportColumn<R>[];
  rowKey: (row: R) => string;
  /** File name of the CSV export (without .csv). */
  filename: string;
  /** Shown instead of an empty table. */
  empty?: string;
  note?: ReactNode;
  /** Heading level inside the report section. */
  level?: 3 | 4;
  testId?: string;
}

/** A titled table of a report with its CSV export (the button is not printed). */
export function ReportTable<R>({ title, rows, columns, rowKey, filename, empty, note, level = 3, testId }: ReportTableProps<R>) {
  const { t } = useTranslation();
  const headingId = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  const exportCsv = () => downloadCsv(filename, [columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.csv(r)))]);
  return (
    <section className="eval-table" aria-labelledby={headingId} data-testid={testId}>
      <div className="eval-table__head">
        <Heading id={headingId} className="eval-table__title">
          {title}
        </Heading>
        {rows.length > 0 && (
          <button type="button" className="button button--small no-print" onClick={exportCsv} aria-describedby={headingId}>
            {t('evaluation.report.csv')}
          </button>
        )}
      </div>
      {note && <div className="eval-table__note">{note}</div>}
      {rows.length === 0 ? (
        <p className="muted">{empty ?? t('evaluation.report.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table eval-table__table">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th key={c.key} scope="col" className={c.numeric ? 'eval-num' : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={rowKey(r)}>
                  {columns.map((c) => (
                    <td key={c.key} className={c.numeric ? 'eval-num' : undefined}>
                      {c.cell(r)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
