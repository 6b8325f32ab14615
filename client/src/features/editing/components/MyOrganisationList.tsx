import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '@partneratlas/shared';
import { DemoBadge, displayName } from '../../../components/DemoBadge';
import { StaleBadge, StatusBadge } from '../../../components/EntryBadges';
import { KindSymbol } from '../../../components/KindSymbol';
import { organisationEditPath, organisationHistoryPath, organisationPath } from '../../../config/routes';
import { ErrorCode, errorCodeOf } from '../../../lib/errors';
import { useFormatters } from '../../../lib/intl';
import { useEditMutations } from '../hooks/useEditMutations';
import { useMyOrganisations } from '../hooks/useEditData';
import { EditResultNotice, type EditNotice } from './EditResultNotice';
import '../editing.css';

/** The organisations the user may edit: state, freshness, waiting changes, and "still correct" in one click. */
export function MyOrganisationList() {
  const { t } = useTranslation();
  const f = useFormatters();
  const { data, loading, error } = useMyOrganisations();
  const m = useEditMutations();
  const [notices, setNotices] = useState<Record<string, EditNotice>>({});
  const [busy, setBusy] = useState<string | null>(null);

  if (loading && !data) return <p role="status">{t('common.loading')}</p>;
  if (error && !data)
    return (
      <p className="form-alert" role="alert">
        {t('errors.load')}
      </p>
    );
  const organisations = data?.myOrganisations ?? [];
  if (organisations.length === 0) return <p className="muted">{t('editing.mine.none')}</p>;

  const confirm = async (id: string, version: number) => {
    setBusy(id);
    try {
      const result = await m.confirmOrganisation(id, version);
      if (result) setNotices((n) => ({ ...n, [id]: { kind: 'result', result, operation: 'confirm' } }));
    } catch (e) {
      const code = errorCodeOf(e);
      setNotices((n) => ({
        ...n,
        [id]: { kind: 'error', text: code === ErrorCode.CONFLICT ? t('editing.errors.changedMeanwhile') : t('editing.errors.save') },
      }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <ul className="card-list org-list">
      {organisations.map((o) => (
        <li key={o.id} className={`card org-card${o.stale ? ' org-card--stale' : ''}`}>
          <div className="org-card__main">
            <KindSymbol kind={o.kind as OrganisationKind} size={26} />
            <div>
              <h3 className="card__title">
                <Link to={organisationEditPath(o.id)}>{displayName(o.name, o.isDemo)}</Link> {o.isDemo && <DemoBadge />}
              </h3>
              <p className="badge-row">
                <StatusBadge status={o.status} />
                {o.stale ? (
                  <StaleBadge lastConfirmedAt={o.lastConfirmedAt} />
                ) : (
                  o.lastConfirmedAt && <span className="muted">{t('verification.confirmedOn', { date: f.date(o.lastConfirmedAt) })}</span>
                )}
                {o.pendingChangeCount > 0 && (
                  <span className="badge badge--pending">{t('editing.pendingCount', { count: o.pendingChangeCount })}</span>
                )}
              </p>
            </div>
          </div>
          <div className="button-row">
            <button
              type="button"
              className="button button--small"
              disabled={busy === o.id || o.status === 'ARCHIVED'}
              aria-label={t('editing.confirmItem', { name: o.name })}
              onClick={() => void confirm(o.id, o.version)}
            >
              <span aria-hidden="true">✓ </span>
              {t('editing.confirm')}
            </button>
            <Link className="button button--small" to={organisationEditPath(o.id)} aria-label={t('editing.editItem', { name: o.name })}>
              {t('editing.edit')}
            </Link>
            <Link
              className="button button--small"
              to={organisationHistoryPath(o.id)}
              aria-label={t('editing.historyItem', { name: o.name })}
            >
              {t('editing.history')}
            </Link>
            {o.status === 'PUBLISHED' && (
              <Link className="button button--small" to={organisationPath(o.id)} aria-label={t('editing.publicViewItem', { name: o.name })}>
                {t('editing.publicView')}
              </Link>
            )}
          </div>
          <EditResultNotice notice={notices[o.id] ?? null} />
        </li>
      ))}
    </ul>
  );
}
