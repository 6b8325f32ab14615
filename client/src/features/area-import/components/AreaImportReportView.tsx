import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../lib/intl';
import type { AreaImportReportFieldsFragment } from '../../../lib/graphql/graphql';

/** The report of an area import: what was (or would be) written, then errors, warnings and unknown codes by item. */
export function AreaImportReportView({ report }: { report: AreaImportReportFieldsFragment }) {
  const { t } = useTranslation();
  const f = useFormatters();
  return (
    <section className="page-section" aria-labelledby="area-import-report" data-testid="area-import-report">
      <h2 id="area-import-report">{t(report.dryRun ? 'areaImport.report.titleDryRun' : 'areaImport.report.title')}</h2>
      <ul className="import-counts">
        <li>
          {t('areaImport.report.districts', { count: report.districtsUpdated.length, formatted: f.number(report.districtsUpdated.length) })}
          {report.districtsUpdated.length > 0 &&
            `: ${f.list(
              report.districtsUpdated.map(
                (d) =>
                  `${d.name}${d.matchedBy === 'NAME' ? ` (${t('areaImport.report.byName')})` : ''}${d.repaired ? ` (${t('areaImport.report.repaired')})` : ''}`,
              ),
            )}`}
        </li>
        <li>
          {t('areaImport.report.statistics', {
            inserted: f.number(report.statistics.inserted),
            updated: f.number(report.statistics.updated),
          })}
        </li>
        <li>
          {t('areaImport.report.groups', {
            inserted: f.number(report.groupStatistics.inserted),
            updated: f.number(report.groupStatistics.updated),
          })}
        </li>
        <li>{t('areaImport.report.coordinates', { srid: report.srid })}</li>
      </ul>
      {report.errors.length > 0 && (
        <>
          <h3>{t('areaImport.report.errors', { count: report.errors.length, formatted: f.number(report.errors.length) })}</h3>
          <p className="form-alert">{t('areaImport.report.nothingWritten')}</p>
          <MessageTable messages={report.errors} />
        </>
      )}
      {report.unknownCodes.length > 0 && (
        <>
          <h3>{t('areaImport.report.unknownCodes')}</h3>
          <p data-testid="area-import-unknown">{report.unknownCodes.join(', ')}</p>
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <h3>{t('areaImport.report.warnings', { count: report.warnings.length, formatted: f.number(report.warnings.length) })}</h3>
          <MessageTable messages={report.warnings} />
        </>
      )}
    </section>
  );
}

function MessageTable({ messages }: { messages: { item: string; message: string }[] }) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">{t('areaImport.report.item')}</th>
          <th scope="col">{t('areaImport.report.message')}</th>
        </tr>
      </thead>
      <tbody>
        {messages.map((m, i) => (
          <tr key={`${m.item}-${i}`}>
            <td>{m.item}</td>
            <td>{m.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
