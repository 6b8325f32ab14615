import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { COUNCIL_MOTION_TAXONOMY } from '@partneratlas/shared';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { TextField } from '../../../components/form/FormField';
import { conflictOf, errorCodeOf, errorMessageOf, fieldProblemsOf } from '../../../lib/errors';
import {
  CreateGuidingGoalDocument,
  DeleteGuidingGoalDocument,
  EvaluationFieldOptionsDocument,
  GuidingGoalsDocument,
  UpdateGuidingGoalDocument,
  type GuidingGoalPartsFragment,
} from '../../../lib/graphql/graphql';
import { localName } from '../../../lib/intl';

type Goal = GuidingGoalPartsFragment;

interface Draft {
  title: string;
  description: string;
  period: string;
  source: string;
  sourceUrl: string;
  fields: string[];
}

type Problems = Partial<Record<keyof Draft, string[]>> & { form?: string };

const draftOf = (g: Goal | null): Draft => ({
  title: g?.title ?? '',
  description: g?.description ?? '',
  period: g?.period ?? '',
  source: g?.source ?? '',
  sourceUrl: g?.sourceUrl ?? '',
  fields: g?.fieldsOfAction.map((f) => f.code) ?? [],
});

const orNull = (s: string) => (s.trim() ? s.trim() : null);

/** Admins: the guiding goals with their sources; edit (optimistic concurrency), link fields of action, add, delete. */
export function GoalManager() {
  const { t, i18n } = useTranslation();
  const { data, loading, error, refetch } = useQuery(GuidingGoalsDocument, { fetchPolicy: 'cache-and-network' });
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [remove] = useMutation(DeleteGuidingGoalDocument, { refetchQueries: [GuidingGoalsDocument], awaitRefetchQueries: true });
  const goals = data?.guidingGoals ?? [];

  if (loading && !data) return <p className="muted">{t('common.loading')}</p>;
  if (error && !data) return <p className="hint hint--warning">{t('errors.load')}</p>;

  return (
    <div className="eval-goals" data-testid="goal-manager">
      {notice && (
        <p className="form-alert" role="status">
          {notice}
        </p>
      )}
      {goals.length === 0 && <p className="muted">{t('evaluation.goals.none')}</p>}
      <ul className="card-list">
        {goals.map((g) =>
          editing === g.id ? (
            <li key={g.id} className="card">
              <GoalForm
                goal={g}
                onDone={(message) => {
                  setEditing(null);
                  setNotice(message);
                }}
                onConflict={() => void refetch()}
              />
            </li>
          ) : (
            <li key={g.id} className="card eval-goal-card">
              <h3 className="card__title">{g.title}</h3>
              <dl className="eval-goal__facts">
                <div>
                  <dt>{t('evaluation.goals.description')}</dt>
                  <dd>{g.description ?? <span className="muted">{t('evaluation.goals.noDescription')}</span>}</dd>
                </div>
                <div>
                  <dt>{t('evaluation.goals.period')}</dt>
                  <dd>{g.period ?? <span className="muted">{t('evaluation.goals.noPeriod')}</span>}</dd>
                </div>
                <div>
                  <dt>{t('evaluation.goals.fields')}</dt>
                  <dd>
                    {g.fieldsOfAction.length ? (
                      g.fieldsOfAction.map((f) => localName(f, i18n.language)).join(', ')
                    ) : (
                      <span className="muted">{t('evaluation.goals.noFields')}</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>{t('evaluation.goals.source')}</dt>
                  <dd className="eval-goal__source">
                    {g.source ?? <span className="muted">{t('evaluation.goals.noSource')}</span>}
                    {g.sourceUrl && (
                      <>
                        {' '}
                        <a href={g.sourceUrl} target="_blank" rel="noreferrer noopener">
                          {t('evaluation.goals.openSource')}
                        </a>
                      </>
                    )}
                  </dd>
                </div>
              </dl>
              <div className="button-row">
                <button type="button" className="button button--small" onClick={() => setEditing(g.id)}>
                  {t('evaluation.goals.edit')}
                </button>
                <ConfirmAction
                  danger
                  label={t('evaluation.goals.delete')}
                  question={t('evaluation.goals.deleteQuestion', { title: g.title })}
                  onConfirm={async () => {
                    try {
                      await remove({ variables: { id: g.id, expectedVersion: g.version } });
                      setNotice(t('evaluation.goals.deleted', { title: g.title }));
                    } catch (e) {
                      if (conflictOf(e)) {
                        setNotice(t('evaluation.goals.conflict'));
                        await refetch();
                      } else setNotice(errorMessageOf(e, errorCodeOf(e)) ?? t('errors.action'));
                    }
                  }}
                />
              </div>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <div className="card">
          <GoalForm
            goal={null}
            onDone={(message) => {
              setEditing(null);
              setNotice(message);
            }}
            onConflict={() => void refetch()}
          />
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setEditing('new')}>
          {t('evaluation.goals.add')}
        </button>
      )}
    </div>
  );
}

function GoalForm({ goal, onDone, onConflict }: { goal: Goal | null; onDone: (message: string | null) => void; onConflict: () => void }) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<Draft>(() => draftOf(goal));
  const [problems, setProblems] = useState<Problems>({});
  const { data: options } = useQuery(EvaluationFieldOptionsDocument);
  const [create, { loading: creating }] = useMutation(CreateGuidingGoalDocument, {
    refetchQueries: [GuidingGoalsDocument],
    awaitRefetchQueries: true,
  });
  const [update, { loading: updating }] = useMutation(UpdateGuidingGoalDocument, {
    refetchQueries: [GuidingGoalsDocument],
    awaitRefetchQueries: true,
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const groups = useMemo(() => {
    const all = options?.fieldsOfAction ?? [];
    const taxonomies = [...new Set(all.map((f) => f.taxonomyId))].sort(
      (a, b) => Number(b === COUNCIL_MOTION_TAXONOMY) - Number(a === COUNCIL_MOTION_TAXONOMY),
    );
    return taxonomies.map((id) => ({ id, fields: all.filter((f) => f.taxonomyId === id) }));
  }, [options]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!draft.title.trim()) {
      setProblems({ title: [t('evaluation.goals.titleRequired')] });
      return;
    }
    setProblems({});
    const input = {
      title: draft.title.trim(),
      description: orNull(draft.description),
      period: orNull(draft.period),
      source: orNull(draft.source),
      sourceUrl: orNull(draft.sourceUrl),
      fieldsOfAction: draft.fields,
    };
    try {
      if (goal) await update({ variables: { id: goal.id, expectedVersion: goal.version, input } });
      else await create({ variables: { input } });
      onDone(t(goal ? 'evaluation.goals.saved' : 'evaluation.goals.created', { title: input.title }));
    } catch (e) {
      const conflict = conflictOf(e);
      if (conflict) {
        setProblems({ form: t('evaluation.goals.conflict') });
        onConflict();
        return;
      }
      const fields = fieldProblemsOf(e);
      if (fields.length) {
        const mapped: Problems = {};
        for (const p of fields) {
          const key = p.field.replace(/^input\./, '') as keyof Draft;
          if (key in draft) mapped[key] = p.problems;
          else mapped.form = p.problems.join(' ');
        }
        setProblems(mapped);
      } else setProblems({ form: errorMessageOf(e, errorCodeOf(e)) ?? t('errors.action') });
    }
  };

  const busy = creating || updating;
  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => void submit(e)}
      aria-label={goal ? t('evaluation.goals.editTitle', { title: goal.title }) : t('evaluation.goals.add')}
    >
      {problems.form && (
        <p className="form-alert" role="alert">
          {problems.form}
        </p>
      )}
      <TextField
        label={t('evaluation.goals.title')}
        value={draft.title}
        onChange={(v) => set('title', v)}
        required
        errors={problems.title}
        maxLength={200}
      />
      <TextField
        label={t('evaluation.goals.description')}
        value={draft.description}
        onChange={(v) => set('description', v)}
        multiline
        rows={3}
        hint={t('evaluation.goals.descriptionHint')}
        errors={problems.description}
      />
      <div className="form-grid">
        <TextField
          label={t('evaluation.goals.period')}
          value={draft.period}
          onChange={(v) => set('period', v)}
          hint={t('evaluation.goals.periodHint')}
          errors={problems.period}
          maxLength={50}
        />
        <TextField
          label={t('evaluation.goals.sourceUrl')}
          type="url"
          value={draft.sourceUrl}
          onChange={(v) => set('sourceUrl', v)}
          errors={problems.sourceUrl}
        />
      </div>
      <TextField
        label={t('evaluation.goals.source')}
        value={draft.source}
        onChange={(v) => set('source', v)}
        multiline
        rows={2}
        errors={problems.source}
      />
      <fieldset className="eval-fields">
        <legend>{t('evaluation.goals.fields')}</legend>
        {problems.fields && <p className="form-field__errors">{problems.fields.join(' ')}</p>}
        {groups.map((g) => (
          <div key={g.id} className="eval-fields__group">
            {g.fields.map((f) => (
              <label key={f.code} className={`check${f.parentCode ? ' eval-fields__child' : ''}`}>
                <input
                  type="checkbox"
                  checked={draft.fields.includes(f.code)}
                  onChange={(e) => set('fields', e.target.checked ? [...draft.fields, f.code] : draft.fields.filter((c) => c !== f.code))}
                />
                <span>{localName(f, i18n.language)}</span>
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? t('common.saving') : goal ? t('evaluation.goals.save') : t('evaluation.goals.create')}
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
