import { useState } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { organisationEditPath } from '../../../config/routes';
import { errorCodeOf, errorMessageOf } from '../../../lib/errors';
import { EvaluationPeriodProgressDocument, StartEvaluationPeriodDocument } from '../../../lib/graphql/graphql';
import { useReportFormats } from '../hooks/useReportFormats';

const SHOWN = 25;

/**
 * Coordinators and admins: the re-confirmation cycle. Starting it asks every editor to re-confirm their entries (a
 * notice under "My organisations"; no mail is sent); the progress is the share of entries confirmed since.
 */
export function PeriodPanel() {
  const { t } = useTranslation();
  const n = useReportFormats();
  const { data, loading, error } = useQuery(EvaluationPeriodProgressDocument, { fetchPolicy: 'cache-and-network' });
  const [start] = useMutation(StartEvaluationPeriodDocument, {
    refetchQueries: [EvaluationPeriodProgressDocument],
    awaitRefetchQueries: true,
  });
  const [message, setMessage] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const period = data?.evaluationPeriod ?? null;
  const progress = period?.progress ?? null;

  const startButton = (
    <ConfirmAction
      small={false}
      label={period ? t('evaluation.period.restart') : t('evaluation.period.start')}
      question={t('evaluation.period.question')}
      confirmLabel={t('evaluation.period.confirm')}
      onConfirm={async () => {
        try {
          await start();
          setMessage(t('evaluation.period.started'));
        } catch (e) {
          setMessage(errorMessageOf(e, errorCodeOf(e)) ?? t('errors.action'));
        }
      }}
    />
  );

  if (loading && !data) return <p className="muted">{t('common.loading')}</p>;
  if (error && !data) return <p className="hint hint--warning">{t('errors.load')}</p>;
  return (
    <div className="eval-period" data-testid="period-panel">
      {message && (
        <p className="form-success" role="status">
          {message}
        </p>
      )}
      {!period || !progress ? (
        <p>{t('evaluation.period.none')}</p>
      ) : (
        <>
          <p>
            {t('evaluation.period.since', { date: n.dateTime(period.startedAt) })}
            {period.startedBy && <span className="muted"> · {period.startedBy}</span>}
          </p>
          <div className="eval-progress">
            <progress max={progress.total || 1} value={progress.confirmed} aria-labelledby="eval-progress-text" />
            <p id="eval-progress-text">
              {t('evaluation.period.progress', {
                confirmed: n.count(progress.confirmed),
                total: n.count(progress.total),
                share: n.percent(progress.share) ?? '–',
              })}
            </p>
          </div>
          {progress.outstandingCount > 0 && (
            <>
              <h3>
                {t('evaluation.period.outstanding', { count: progress.outstandingCount, formatted: n.count(progress.outstandingCount) })}
              </h3>
              <ul className="plain-list eval-outstanding">
                {(all ? progress.outstanding : progress.outstanding.slice(0, SHOWN)).map((o) => (
                  <li key={o.id}>
                    <Link to={organisationEditPath(o.id)}>{o.name}</Link>{' '}
                    <span className="muted">
                      {o.lastConfirmedAt
                        ? t('evaluation.period.lastConfirmed', { date: n.date(o.lastConfirmedAt) })
                        : t('evaluation.period.neverConfirmed')}
                    </span>
                  </li>
                ))}
              </ul>
              {!all && progress.outstanding.length > SHOWN && (
                <button type="button" className="button button--small" onClick={() => setAll(true)}>
                  {t('evaluation.period.showAll', { count: progress.outstanding.length })}
                </button>
              )}
            </>
          )}
        </>
      )}
      <div className="button-row">{startButton}</div>
    </div>
  );
}
