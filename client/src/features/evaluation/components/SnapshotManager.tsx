import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { SelectField, TextField } from '../../../components/form/FormField';
import { evaluationComparisonPath, evaluationReportPath } from '../../../config/routes';
import { errorCodeOf, errorMessageOf, fieldProblemsOf } from '../../../lib/errors';
import {
  CreateEvaluationSnapshotDocument,
  DeleteEvaluationSnapshotDocument,
  EvaluationSnapshotsDocument,
} from '../../../lib/graphql/graphql';
import { useReportFormats } from '../hooks/useReportFormats';

/** Today in Göttingen as YYYY-MM-DD (the default reference date). */
function today(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** Admins: create a dated snapshot, list, open and delete snapshots, and pick two to compare. */
export function SnapshotManager() {
  const { t } = useTranslation();
  const n = useReportFormats();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(EvaluationSnapshotsDocument, { fetchPolicy: 'cache-and-network' });
  const [create, { loading: creating }] = useMutation(CreateEvaluationSnapshotDocument, {
    refetchQueries: [EvaluationSnapshotsDocument],
    awaitRefetchQueries: true,
  });
  const [remove] = useMutation(DeleteEvaluationSnapshotDocument, {
    refetchQueries: [EvaluationSnapshotsDocument],
    awaitRefetchQueries: true,
  });
  const [title, setTitle] = useState(() => t('evaluation.snapshots.defaultTitle', { year: today().slice(0, 4) }));
  const [date, setDate] = useState(today);
  const [problems, setProblems] = useState<{ title?: string[]; date?: string[] }>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const snapshots = data?.evaluationSnapshots ?? [];
  const [chosenFrom, setFrom] = useState('');
  const [chosenTo, setTo] = useState('');
  // default: the second newest against the newest
  const from = snapshots.some((s) => s.id === chosenFrom) ? chosenFrom : (snapshots[1]?.id ?? '');
  const to = snapshots.some((s) => s.id === chosenTo) ? chosenTo : (snapshots[0]?.id ?? '');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    if (!title.trim()) found.title = [t('evaluation.snapshots.titleRequired')];
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) found.date = [t('evaluation.snapshots.dateRequired')];
    setProblems(found);
    setMessage(null);
    if (Object.keys(found).length) return;
    try {
      const { data: created } = await create({ variables: { input: { title: title.trim(), date } } });
      setMessage({ ok: true, text: t('evaluation.snapshots.created', { title: created?.createEvaluationSnapshot.title ?? title }) });
    } catch (e) {
      const fields = fieldProblemsOf(e);
      if (fields.length) {
        setProblems({
          title: fields.filter((p) => p.field.endsWith('title')).flatMap((p) => p.problems),
          date: fields.filter((p) => p.field.endsWith('date')).flatMap((p) => p.problems),
        });
      } else setMessage({ ok: false, text: errorMessageOf(e, errorCodeOf(e)) ?? t('errors.action') });
    }
  };

  return (
    <div className="eval-snapshots" data-testid="snapshot-manager">
      <form className="form eval-snapshot-form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="eval-new-snapshot">
        <h3 id="eval-new-snapshot">{t('evaluation.snapshots.new')}</h3>
        <p className="muted">{t('evaluation.snapshots.newHint')}</p>
        <div className="form-grid">
          <TextField
            label={t('evaluation.snapshots.title')}
            value={title}
            onChange={setTitle}
            required
            errors={problems.title}
            maxLength={200}
          />
          <TextField
            label={t('evaluation.snapshots.date')}
            type="date"
            value={date}
            onChange={setDate}
            required
            errors={problems.date}
            max={today()}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={creating}>
            {creating ? t('evaluation.snapshots.creating') : t('evaluation.snapshots.create')}
          </button>
        </div>
        {message && (
          <p className={message.ok ? 'form-success' : 'form-alert'} role={message.ok ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
      </form>

      <h3>{t('evaluation.snapshots.list')}</h3>
      {loading && !data && <p className="muted">{t('common.loading')}</p>}
      {error && !data && <p className="hint hint--warning">{t('errors.load')}</p>}
      {data && snapshots.length === 0 && <p className="muted">{t('evaluation.snapshots.none')}</p>}
      {snapshots.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" data-testid="snapshot-list">
            <thead>
              <tr>
                <th scope="col">{t('evaluation.snapshots.title')}</th>
                <th scope="col">{t('evaluation.snapshots.date')}</th>
                <th scope="col">{t('evaluation.snapshots.createdAt')}</th>
                <th scope="col" className="eval-num">
                  {t('evaluation.column.organisations')}
                </th>
                <th scope="col" className="eval-num">
                  {t('evaluation.column.services')}
                </th>
                <th scope="col">{t('evaluation.snapshots.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.map((s) => (
                <tr key={s.id}>
                  <th scope="row">
                    <Link to={evaluationReportPath(s.id)}>{s.title}</Link>
                  </th>
                  <td>{n.date(s.date)}</td>
                  <td>
                    {n.dateTime(s.createdAt)}
                    {s.createdBy && <span className="muted"> · {s.createdBy}</span>}
                  </td>
                  <td className="eval-num">{n.count(s.organisationCount)}</td>
                  <td className="eval-num">{n.count(s.serviceCount)}</td>
                  <td>
                    <ConfirmAction
                      danger
                      label={t('evaluation.snapshots.delete')}
                      question={t('evaluation.snapshots.deleteQuestion', { title: s.title })}
                      onConfirm={async () => {
                        try {
                          await remove({ variables: { id: s.id } });
                          setMessage({ ok: true, text: t('evaluation.snapshots.deleted', { title: s.title }) });
                        } catch (e) {
                          setMessage({ ok: false, text: errorMessageOf(e, errorCodeOf(e)) ?? t('errors.action') });
                        }
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {snapshots.length >= 2 && (
        <form
          className="form eval-compare-form"
          aria-labelledby="eval-compare-title"
          onSubmit={(e) => {
            e.preventDefault();
            if (from && to) void navigate(evaluationComparisonPath(from, to));
          }}
        >
          <h3 id="eval-compare-title">{t('evaluation.snapshots.compare')}</h3>
          <div className="form-grid">
            <SelectField
              label={t('evaluation.snapshots.compareFrom')}
              value={from}
              onChange={setFrom}
              options={snapshots.map((s) => ({ value: s.id, label: `${s.title} (${n.date(s.date)})` }))}
            />
            <SelectField
              label={t('evaluation.snapshots.compareTo')}
              value={to}
              onChange={setTo}
              options={snapshots.map((s) => ({ value: s.id, label: `${s.title} (${n.date(s.date)})` }))}
            />
          </div>
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={!from || !to || from === to}>
              {t('evaluation.snapshots.compareButton')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
