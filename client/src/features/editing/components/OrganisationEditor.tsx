import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { DemoBadge, displayName } from '../../../components/DemoBadge';
import { StaleBadge, StatusBadge } from '../../../components/EntryBadges';
import { organisationHistoryPath, organisationPath, ROUTES } from '../../../config/routes';
import { ErrorCode, errorCodeOf } from '../../../lib/errors';
import { useFormatters } from '../../../lib/intl';
import { useEditableOrganisation, useEditFormOptions, type EditableOrganisation } from '../hooks/useEditData';
import { useEditMutations } from '../hooks/useEditMutations';
import type { EditResult } from '../hooks/useEntityEdit';
import { ContactForm } from './ContactForm';
import { EditResultNotice, type EditNotice } from './EditResultNotice';
import { LocationForm } from './LocationForm';
import { OrganisationForm } from './OrganisationForm';
import { RelationshipForm } from './RelationshipForm';
import { ServiceForm } from './ServiceForm';
import { SubEntitySection } from './SubEntitySection';
import '../editing.css';

export interface OrganisationEditorProps {
  id: string;
  /** Coordinators and administrators may also publish. */
  reviewer: boolean;
}

/** The whole editing page of one organisation: state and actions, its fields, locations, services, contacts, relationships. */
export function OrganisationEditor({ id, reviewer }: OrganisationEditorProps) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useEditableOrganisation(id);
  if (loading && !data) {
    return (
      <p className="muted" role="status">
        {t('common.loading')}
      </p>
    );
  }
  if (!data) {
    const code = errorCodeOf(error);
    return (
      <div className="hint hint--warning" role="alert">
        <p>
          {code === ErrorCode.NOT_FOUND || code === ErrorCode.BAD_USER_INPUT
            ? t('detail.notFound')
            : code === ErrorCode.FORBIDDEN
              ? t('editing.errors.forbidden')
              : t('errors.detail')}
        </p>
      </div>
    );
  }
  return <Editor organisation={data.organisation} reviewer={reviewer} reload={() => void refetch()} />;
}

function Editor({ organisation: o, reviewer, reload }: { organisation: EditableOrganisation; reviewer: boolean; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const m = useEditMutations();
  const options = useEditFormOptions();
  const [headerNotice, setHeaderNotice] = useState<EditNotice | null>(null);
  const [orgNotice, setOrgNotice] = useState<EditNotice | null>(null);
  const [formRound, setFormRound] = useState(0);

  const act = useCallback(
    async (operation: 'confirm' | 'publish' | 'archive', call: () => Promise<EditResult | undefined>) => {
      setHeaderNotice(null);
      try {
        const result = await call();
        if (result) setHeaderNotice({ kind: 'result', result, operation });
      } catch (e) {
        const code = errorCodeOf(e);
        setHeaderNotice({
          kind: 'error',
          text:
            code === ErrorCode.CONFLICT
              ? t('editing.errors.changedMeanwhile')
              : code === ErrorCode.FORBIDDEN
                ? t('editing.errors.forbidden')
                : t('editing.errors.save'),
        });
        if (code === ErrorCode.CONFLICT) reload();
      }
    },
    [t, reload],
  );

  if (!o.canEdit) {
    return (
      <div className="hint hint--warning" role="alert">
        <p>{t('editing.errors.forbidden')}</p>
      </div>
    );
  }

  const onOrgResult = (result: EditResult) => {
    setOrgNotice({ kind: 'result', result, operation: 'update' });
    setFormRound((n) => n + 1);
  };
  const placeName = (l: EditableOrganisation['locations'][number]) => l.name ?? l.street ?? t('detail.unnamedLocation');
  const sections = [
    ['stammdaten', t('editing.sections.organisation')],
    ['standorte', t('editing.sections.locations')],
    ['angebote', t('editing.sections.services')],
    ['ansprechpersonen', t('editing.sections.contacts')],
    ['beziehungen', t('editing.sections.relationships')],
  ] as const;

  return (
    <div className="org-editor">
      <header className="edit-header">
        <p>
          <Link to={ROUTES.myOrganisations}>
            <span aria-hidden="true">← </span>
            {t('editing.backToList')}
          </Link>
        </p>
        <h1 className="page-title">
          {t('editing.title', { name: displayName(o.name, o.isDemo) })} {o.isDemo && <DemoBadge />}
        </h1>
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
        <div className="button-row">
          <button type="button" className="button" onClick={() => void act('confirm', () => m.confirmOrganisation(o.id, o.version))}>
            <span aria-hidden="true">✓ </span>
            {t('editing.confirm')}
          </button>
          {reviewer && o.status === 'DRAFT' && (
            <button type="button" className="button" onClick={() => void act('publish', () => m.publishOrganisation(o.id, o.version))}>
              {t('editing.publish')}
            </button>
          )}
          {o.status !== 'ARCHIVED' && (
            <ConfirmAction
              small={false}
              label={t('editing.archive')}
              question={t('editing.archiveQuestion')}
              confirmLabel={t('editing.archiveConfirm')}
              danger
              onConfirm={() => act('archive', () => m.archiveOrganisation(o.id, o.version))}
            />
          )}
          <Link className="button" to={organisationHistoryPath(o.id)}>
            {t('editing.history')}
          </Link>
          {o.status === 'PUBLISHED' && (
            <Link className="button" to={organisationPath(o.id)}>
              {t('editing.publicView')}
            </Link>
          )}
        </div>
        <p className="form-field__hint">{t('editing.confirmHint')}</p>
        <EditResultNotice notice={headerNotice} />
        <nav className="section-nav" aria-label={t('editing.sectionsNav')}>
          <ul>
            {sections.map(([anchor, label]) => (
              <li key={anchor}>
                <a href={`#${anchor}`}>{label}</a>
              </li>
            ))}
          </ul>
        </nav>
      </header>

      <section id="stammdaten" className="edit-section" aria-labelledby="stammdaten-title">
        <h2 id="stammdaten-title">{t('editing.sections.organisation')}</h2>
        <OrganisationForm
          key={`${o.version}-${formRound}`}
          organisation={o}
          submit={(input, version) => m.updateOrganisation(o.id, input, version)}
          onResult={onOrgResult}
          onStale={reload}
        />
        {/* Under the save button, where the eyes are after saving; outside the form, which is remounted with the new version. */}
        <EditResultNotice notice={orgNotice} />
      </section>

      <SubEntitySection
        id="standorte"
        title={t('editing.sections.locations')}
        items={o.locations}
        itemId={(l) => l.id}
        itemTitle={placeName}
        summary={(l) => (
          <p>
            {[l.street, [l.postcode, l.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || t('detail.noAddress')}
            <br />
            <span className="muted">
              {l.latitude !== null && l.longitude !== null
                ? t('editing.locations.at', { lat: f.number(l.latitude), lng: f.number(l.longitude) })
                : t('location.unknown')}
            </span>
          </p>
        )}
        form={({ item, onResult, onCancel }) => (
          <LocationForm
            key={item ? `${item.id}-${item.version}` : 'new'}
            location={item}
            districts={options.districts}
            submit={(input, version) => m.saveLocation(o.id, item?.id ?? null, input, version)}
            onResult={onResult}
            onCancel={onCancel}
            onStale={reload}
          />
        )}
        onDelete={(l) => m.deleteLocation(l.id, l.version)}
        addLabel={t('editing.locations.add')}
        emptyText={t('editing.locations.none')}
      />

      <SubEntitySection
        id="angebote"
        title={t('editing.sections.services')}
        items={o.services}
        itemId={(s) => s.id}
        itemTitle={(s) => s.name}
        summary={(s) => (
          <p>
            {s.description && <span className="block">{s.description}</span>}
            <span className="muted">
              {t('editing.services.summary', {
                fields: s.fieldsOfAction.length,
                groups: s.targetGroups.length,
                places: s.locations.length,
              })}
            </span>
          </p>
        )}
        form={({ item, onResult, onCancel }) => (
          <ServiceForm
            key={item ? `${item.id}-${item.version}` : 'new'}
            service={item}
            locations={o.locations}
            fieldsOfAction={options.fieldsOfAction}
            targetGroups={options.targetGroups}
            submit={(input, version) => m.saveService(o.id, item?.id ?? null, input, version)}
            onResult={onResult}
            onCancel={onCancel}
            onStale={reload}
          />
        )}
        onDelete={(s) => m.archiveService(s.id, s.version)}
        removeWords={{
          label: t('editing.services.archive'),
          question: (name) => t('editing.services.archiveQuestion', { name }),
          confirm: t('editing.services.archiveConfirm'),
        }}
        addLabel={t('editing.services.add')}
        emptyText={t('editing.services.none')}
      />

      <SubEntitySection
        id="ansprechpersonen"
        title={t('editing.sections.contacts')}
        intro={<p className="form-field__hint">{t('editing.contacts.intro')}</p>}
        items={o.contacts}
        itemId={(c) => c.id}
        itemTitle={(c) => c.name}
        summary={(c) => (
          <p>
            {c.title && <span className="block">{c.title}</span>}
            {[c.email, c.phone].filter(Boolean).join(' · ')}
            <span className="block muted">
              {c.consentToPublish
                ? c.consentDate
                  ? t('editing.contacts.publishedSince', { date: f.date(c.consentDate) })
                  : t('editing.contacts.published')
                : t('editing.contacts.notPublished')}
            </span>
          </p>
        )}
        form={({ item, onResult, onCancel }) => (
          <ContactForm
            key={item ? `${item.id}-${item.version}` : 'new'}
            contact={item}
            submit={(input, version) => m.saveContact(o.id, item?.id ?? null, input, version)}
            onResult={onResult}
            onCancel={onCancel}
            onStale={reload}
          />
        )}
        onDelete={(c) => m.deleteContact(c.id, c.version)}
        addLabel={t('editing.contacts.add')}
        emptyText={t('editing.contacts.none')}
      />

      <SubEntitySection
        id="beziehungen"
        title={t('editing.sections.relationships')}
        items={o.relationships}
        itemId={(r) => r.id}
        itemTitle={(r) => {
          const outgoing = r.sourceOrganisationId === o.id;
          const other = outgoing ? r.target : r.source;
          return `${t(`relationship.${outgoing ? 'out' : 'in'}.${r.type}`)} ${other?.name ?? t('detail.hiddenOrganisation')}`;
        }}
        readOnly={(r) => r.sourceOrganisationId !== o.id}
        summary={(r) => (
          <p className="muted">
            {[
              r.validFrom ? t('detail.since', { date: f.date(r.validFrom) }) : null,
              r.validTo ? t('detail.until', { date: f.date(r.validTo) }) : null,
              r.fieldOfActionCode
                ? (() => {
                    const term = options.fieldsOfAction.find((x) => x.code === r.fieldOfActionCode);
                    return term ? (i18n.language.startsWith('en') ? term.nameEn : term.nameDe) : r.fieldOfActionCode;
                  })()
                : null,
              r.note,
              r.sourceOrganisationId !== o.id ? t('editing.relationships.incoming') : null,
            ]
              .filter(Boolean)
              .join(' · ') || t('editing.relationships.noDetails')}
          </p>
        )}
        form={({ item, onResult, onCancel }) => (
          <RelationshipForm
            key={item ? `${item.id}-${item.version}` : 'new'}
            organisationId={o.id}
            relationship={item}
            fieldsOfAction={options.fieldsOfAction}
            submit={(input, version) => m.saveRelationship(item?.id ?? null, input, version)}
            onResult={onResult}
            onCancel={onCancel}
            onStale={reload}
          />
        )}
        onDelete={(r) => m.deleteRelationship(r.id, r.version)}
        addLabel={t('editing.relationships.add')}
        emptyText={t('editing.relationships.none')}
      />
    </div>
  );
}
