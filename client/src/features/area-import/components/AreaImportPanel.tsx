import { useId, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, errorMessageOf } from '../../../lib/errors';
import { useFormatters } from '../../../lib/intl';
import { AreaImportRecordsDocument, ImportAreasDocument, type AreaImportReportFieldsFragment } from '../../../lib/graphql/graphql';
import { readText } from '../utils/read-text';
import { AreaImportReportView } from './AreaImportReportView';

type Slot = 'districts' | 'statistics' | 'groups';
type Files = Record<Slot, File | null>;
const NO_FILES: Files = { districts: null, statistics: null, groups: null };

/**
 * Administrators: official district polygons (GeoJSON), statistics and group statistics (CSV) → check (dry run,
 * the report names every rejected feature and unknown code) → apply the same files, all or nothing.
 */
export function AreaImportPanel() {
  const { t } = useTranslation();
  const ids = { districts: useId(), statistics: useId(), groups: useId(), srid: useId() };
  const [files, setFiles] = useState<Files>(NO_FILES);
  const [srid, setSrid] = useState<4326 | 25832>(4326);
  const [report, setReport] = useState<AreaImportReportFieldsFragment | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [importAreas, { loading }] = useMutation(ImportAreasDocument, { refetchQueries: [AreaImportRecordsDocument] });
  const chosen = Object.values(files).some((f) => f !== null);

  const choose = (slot: Slot, file: File | null) => {
    setFiles((current) => ({ ...current, [slot]: file }));
    setReport(null);
    setFailure(null);
  };

  const run = async (dryRun: boolean) => {
    setFailure(null);
    try {
      const [districts, statistics, groups] = await Promise.all(
        [files.districts, files.statistics, files.groups].map((f) => (f ? readText(f) : null)),
      );
      const { data } = await importAreas({
        variables: {
          input: {
            dryRun,
            srid,
            districtsGeoJson: districts,
            districtsFileName: files.districts?.name ?? null,
            statisticsCsv: statistics,
            statisticsFileName: files.statistics?.name ?? null,
            groupStatisticsCsv: groups,
            groupStatisticsFileName: files.groups?.name ?? null,
          },
        },
      });
      setReport(data?.importAreas ?? null);
    } catch (e) {
      setReport(null);
      setFailure(errorMessageOf(e, errorCodeOf(e)) ?? t('areaImport.failed'));
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(true);
  };

  const canApply = report !== null && report.dryRun && report.errors.length === 0;
  const fileField = (slot: Slot, accept: string) => (
    <div className="form-field">
      <label htmlFor={ids[slot]}>{t(`areaImport.files.${slot}`)}</label>
      <input id={ids[slot]} type="file" accept={accept} onChange={(e) => choose(slot, e.target.files?.[0] ?? null)} />
      <p className="muted">{t(`areaImport.files.${slot}Hint`)}</p>
    </div>
  );

  return (
    <>
      <form className="form" onSubmit={onSubmit} aria-label={t('areaImport.title')}>
        {fileField('districts', '.geojson,.json,application/geo+json,application/json')}
        <div className="form-field">
          <label htmlFor={ids.srid}>{t('areaImport.srid')}</label>
          <select
            id={ids.srid}
            value={srid}
            onChange={(e) => {
              setSrid(Number(e.target.value) === 25832 ? 25832 : 4326);
              setReport(null);
            }}
          >
            <option value={4326}>{t('areaImport.srids.4326')}</option>
            <option value={25832}>{t('areaImport.srids.25832')}</option>
          </select>
          <p className="muted">{t('areaImport.sridHint')}</p>
        </div>
        {fileField('statistics', '.csv,text/csv')}
        {fileField('groups', '.csv,text/csv')}
        <div className="form-actions">
          <button type="submit" className="button" disabled={!chosen || loading}>
            {t('areaImport.dryRun')}
          </button>
          <button type="button" className="button button--primary" disabled={!canApply || loading} onClick={() => void run(false)}>
            {t('areaImport.apply')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" className="edit-notice-region">
        {loading && <p>{t('areaImport.running')}</p>}
        {failure && <p className="form-alert">{failure}</p>}
        {report && !loading && (
          <p className={report.errors.length ? 'form-alert' : 'form-success'}>
            {report.errors.length
              ? t('areaImport.status.errors')
              : report.dryRun
                ? t('areaImport.status.dryRun')
                : t('areaImport.status.applied')}
          </p>
        )}
      </div>
      {report && <AreaImportReportView report={report} />}
      <AreaImportHistory />
    </>
  );
}

/** Applied imports: who imported which files when. */
function AreaImportHistory() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data } = useQuery(AreaImportRecordsDocument);
  const records = data?.areaImportRecords ?? [];
  return (
    <section className="page-section" aria-labelledby="area-import-history">
      <h2 id="area-import-history">{t('areaImport.history.title')}</h2>
      {records.length === 0 ? (
        <p className="muted">{t('areaImport.history.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('areaImport.history.at')}</th>
              <th scope="col">{t('areaImport.history.by')}</th>
              <th scope="col">{t('areaImport.history.files')}</th>
            </tr>
          </thead>
          <tbody>
            {records.map((r) => (
              <tr key={r.id}>
                <td>{f.dateTime(String(r.at))}</td>
                <td>{r.actorLabel}</td>
                <td>{r.fileNames.join(', ') || '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
