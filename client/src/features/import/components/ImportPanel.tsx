import { useId, useState, type FormEvent } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, errorMessageOf } from '../../../lib/errors';
import { ImportGeocoderDocument, type ImportFormat, type StartImportInput } from '../../../lib/graphql/graphql';
import { isFinished, useImportJob } from '../hooks/useImportJob';
import { guessFormat, readAsBase64 } from '../utils/files';
import { ImportReportView } from './ImportReportView';

const FORMATS: ImportFormat[] = ['CSV', 'HSDS_JSON', 'HSDS_PACKAGE'];

/**
 * Choose files and format → dry run (the report) → apply the same files, all or nothing. The job's progress is
 * polled; the report says per row what is wrong, which duplicates were found and what would be written.
 * Apply sends exactly the input of the dry run shown (same files, format and options) and its id (`dryRunJobId`):
 * with geocoding the server writes the coordinates that dry run looked up, never asking the geocoder again.
 * Changing files or options discards the dry run, so the report on screen is always the one that will be applied.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const ids = { files: useId(), format: useId(), progress: useId(), geocodeNote: useId() };
  const [files, setFiles] = useState<File[]>([]);
  const [format, setFormat] = useState<ImportFormat>('CSV');
  const [publish, setPublish] = useState(false);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [geocode, setGeocode] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [checked, setChecked] = useState<StartImportInput | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { job, start, starting, error } = useImportJob(jobId);
  const { data: geocoderInfo } = useQuery(ImportGeocoderDocument, { fetchPolicy: 'cache-first' });
  const geocoder = geocoderInfo?.geocoder.enabled ? geocoderInfo.geocoder : null;
  const running = starting || (!!jobId && !isFinished(job));

  /** Files or options changed: the dry run on screen no longer describes what an apply would do. */
  const discardDryRun = () => {
    setJobId(null);
    setChecked(null);
    setFailure(null);
  };

  const launch = async (input: StartImportInput) => {
    setFailure(null);
    try {
      const started = await start(input);
      setJobId(started?.id ?? null);
      return started;
    } catch (e) {
      setFailure(errorMessageOf(e, errorCodeOf(e)) ?? t('import.failedToStart'));
      return null;
    }
  };

  const runDryRun = async () => {
    let encoded: { name: string; base64: string }[];
    try {
      encoded = await Promise.all(files.map(async (f) => ({ name: f.name, base64: await readAsBase64(f) })));
    } catch (e) {
      setFailure(errorMessageOf(e, errorCodeOf(e)) ?? t('import.failedToStart'));
      return;
    }
    const input: StartImportInput = { format, files: encoded, dryRun: true, publish, skipDuplicates, geocode: !!geocoder && geocode };
    setChecked(null);
    if (await launch(input)) setChecked(input);
  };

  const dryRunDone = job?.status === 'DRY_RUN_DONE';
  const canApply = dryRunDone && !!job.report?.canApply && !!checked && !running;
  const apply = () => {
    if (!canApply || !checked || !job) return;
    void launch({ ...checked, dryRun: false, dryRunJobId: job.id });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void runDryRun();
  };

  return (
    <>
      <form className="form" onSubmit={onSubmit}>
        <div className="form-field">
          <label htmlFor={ids.files}>{t('import.files')}</label>
          <input
            id={ids.files}
            type="file"
            multiple
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => {
              const chosen = Array.from(e.target.files ?? []);
              setFiles(chosen);
              setFormat(guessFormat(chosen.map((f) => f.name)));
              discardDryRun();
            }}
          />
          <p className="muted">{t('import.filesHint')}</p>
        </div>
        <div className="form-field">
          <label htmlFor={ids.format}>{t('import.format')}</label>
          <select
            id={ids.format}
            value={format}
            onChange={(e) => {
              setFormat(e.target.value as ImportFormat);
              discardDryRun();
            }}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`import.formats.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={publish}
            onChange={(e) => {
              setPublish(e.target.checked);
              discardDryRun();
            }}
          />
          {t('import.publish')}
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={skipDuplicates}
            onChange={(e) => {
              setSkipDuplicates(e.target.checked);
              discardDryRun();
            }}
          />
          {t('import.skipDuplicates')}
        </label>
        {geocoder && (
          <div className="form-field">
            <label className="check">
              <input
                type="checkbox"
                checked={geocode}
                aria-describedby={ids.geocodeNote}
                onChange={(e) => {
                  setGeocode(e.target.checked);
                  discardDryRun();
                }}
              />
              {t('import.geocode.label')}
            </label>
            <p className="muted" id={ids.geocodeNote}>
              {t('import.geocode.note')}
              {geocoder.attribution && <> {t('import.geocode.attribution', { attribution: geocoder.attribution })}</>}
            </p>
          </div>
        )}
        <div className="form-actions">
          <button type="submit" className="button" disabled={!files.length || running}>
            {t('import.dryRun')}
          </button>
          <button type="button" className="button button--primary" disabled={!canApply} onClick={apply}>
            {t('import.apply')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" className="edit-notice-region">
        {failure && <p className="form-alert">{failure}</p>}
        {error && <p className="form-alert">{t('errors.load')}</p>}
        {running && (
          <p>
            <label htmlFor={ids.progress}>{t(`import.phases.${job?.phase ?? 'queued'}`, { defaultValue: job?.phase ?? '' })}</label>{' '}
            <progress id={ids.progress} max={1} value={job?.progress ?? 0}>
              {Math.round((job?.progress ?? 0) * 100)} %
            </progress>
          </p>
        )}
        {job && isFinished(job) && (
          <p className={job.status === 'FAILED' ? 'form-alert' : 'form-success'}>
            {t(`import.status.${job.status}`)}
            {job.error ? ` ${job.error}` : ''}
          </p>
        )}
      </div>
      {job?.report && isFinished(job) && <ImportReportView report={job.report} geocode={job.geocode} />}
    </>
  );
}
