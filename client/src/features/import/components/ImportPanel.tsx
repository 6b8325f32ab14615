import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeOf, errorMessageOf } from '../../../lib/errors';
import type { ImportFormat } from '../../../lib/graphql/graphql';
import { isFinished, useImportJob } from '../hooks/useImportJob';
import { guessFormat, readAsBase64 } from '../utils/files';
import { ImportReportView } from './ImportReportView';

const FORMATS: ImportFormat[] = ['CSV', 'HSDS_JSON', 'HSDS_PACKAGE'];

/**
 * Choose files and format → dry run (the report) → apply the same files, all or nothing. The job's progress is
 * polled; the report says per row what is wrong, which duplicates were found and what would be written.
 */
export function ImportPanel() {
  const { t } = useTranslation();
  const ids = { files: useId(), format: useId(), progress: useId() };
  const [files, setFiles] = useState<File[]>([]);
  const [format, setFormat] = useState<ImportFormat>('CSV');
  const [publish, setPublish] = useState(false);
  const [skipDuplicates, setSkipDuplicates] = useState(true);
  const [jobId, setJobId] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const { job, start, starting, error } = useImportJob(jobId);
  const running = starting || (!!jobId && !isFinished(job));

  const run = async (dryRun: boolean) => {
    setFailure(null);
    try {
      const encoded = await Promise.all(files.map(async (f) => ({ name: f.name, base64: await readAsBase64(f) })));
      const started = await start({ format, files: encoded, dryRun, publish, skipDuplicates });
      setJobId(started?.id ?? null);
    } catch (e) {
      setFailure(errorMessageOf(e, errorCodeOf(e)) ?? t('import.failedToStart'));
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void run(true);
  };

  const dryRunDone = job?.status === 'DRY_RUN_DONE';
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
              setJobId(null);
            }}
          />
          <p className="muted">{t('import.filesHint')}</p>
        </div>
        <div className="form-field">
          <label htmlFor={ids.format}>{t('import.format')}</label>
          <select id={ids.format} value={format} onChange={(e) => setFormat(e.target.value as ImportFormat)}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t(`import.formats.${f}`)}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
          {t('import.publish')}
        </label>
        <label className="check">
          <input type="checkbox" checked={skipDuplicates} onChange={(e) => setSkipDuplicates(e.target.checked)} />
          {t('import.skipDuplicates')}
        </label>
        <div className="form-actions">
          <button type="submit" className="button" disabled={!files.length || running}>
            {t('import.dryRun')}
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={!dryRunDone || !job?.report?.canApply || running}
            onClick={() => void run(false)}
          >
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
      {job?.report && isFinished(job) && <ImportReportView report={job.report} />}
    </>
  );
}
