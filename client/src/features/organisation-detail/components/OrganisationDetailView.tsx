import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '@partneratlas/shared';
import { DemoBadge, displayName } from '../../../components/DemoBadge';
import { KindSymbol } from '../../../components/KindSymbol';
import { VerificationMark } from '../../../components/VerificationMark';
import type { DetailLocationFragment, OrganisationDetailQuery } from '../../../lib/graphql/graphql';
import { localName, useFormatters } from '../../../lib/intl';
import { OpeningHours } from './OpeningHours';

export type OrganisationDetailData = OrganisationDetailQuery['organisation'];

export interface OrganisationDetailViewProps {
  organisation: OrganisationDetailData;
  /** Link target and click handler for related organisations. */
  hrefFor: (id: string) => string;
  onOpenOrganisation?: (id: string) => void;
  /** Heading level of the organisation's name (2 in a panel, 1 on its own page). */
  headingLevel?: 1 | 2;
  headingId?: string;
  /** Link to the editing page, shown when the viewer may edit this organisation. */
  editHref?: (id: string) => string;
}

function hasCoordinates(location: DetailLocationFragment): boolean {
  return location.latitude !== null && location.longitude !== null;
}

function websiteLabel(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** Everything known about one organisation, in reading order. Plain props: no data fetching here. */
export function OrganisationDetailView({
  organisation: o,
  hrefFor,
  onOpenOrganisation,
  headingLevel = 2,
  headingId,
  editHref,
}: OrganisationDetailViewProps) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const Sub = headingLevel === 1 ? 'h2' : 'h3';
  const kind = o.kind as OrganisationKind;
  const link = (id: string, name: string) => (
    <a
      href={hrefFor(id)}
      onClick={(event) => {
        if (!onOpenOrganisation || event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        onOpenOrganisation(id);
      }}
    >
      {name}
    </a>
  );

  return (
    <article className="detail">
      <header className="detail__header">
        <p className="detail__kind">
          <KindSymbol kind={kind} size={22} />
          <span>{t(`kind.name.${kind}`)}</span>
        </p>
        <Heading id={headingId} className="detail__name" tabIndex={-1}>
          {displayName(o.name, o.isDemo)} {o.isDemo && <DemoBadge />}
        </Heading>
        {o.alternateName && <p className="detail__alt">{o.alternateName}</p>}
        {o.isDemo && <p className="demo-note">{t('demo.detailNote')}</p>}
        <p>
          <VerificationMark status={o.verificationStatus} lastConfirmedAt={o.lastConfirmedAt} stale={o.stale} />
        </p>
        {o.canEdit && editHref && (
          <p className="detail__edit">
            <Link className="button button--small" to={editHref(o.id)}>
              <span aria-hidden="true">✎ </span>
              {t('detail.edit')}
            </Link>
          </p>
        )}
      </header>

      {o.description && <p className="detail__description">{o.description}</p>}

      <dl className="detail__facts">
        {o.languages.length > 0 && (
          <>
            <dt>{t('detail.languages')}</dt>
            <dd>{f.list(o.languages.map((c) => f.languageName(c)))}</dd>
          </>
        )}
        {o.yearFounded !== null && (
          <>
            <dt>{t('detail.founded')}</dt>
            <dd>{o.yearFounded}</dd>
          </>
        )}
        {o.parent && (
          <>
            <dt>{t('detail.parent')}</dt>
            <dd>{link(o.parent.id, o.parent.name)}</dd>
          </>
        )}
      </dl>

      <section className="detail__section" aria-label={t('detail.contact')}>
        <Sub>{t('detail.contact')}</Sub>
        {!o.website && !o.email && o.phones.length === 0 ? (
          <p className="muted">{t('detail.noContact')}</p>
        ) : (
          <ul className="plain-list">
            {o.website && (
              <li>
                <span className="label">{t('detail.website')}: </span>
                <a href={o.website} target="_blank" rel="noopener noreferrer">
                  {websiteLabel(o.website)}
                  <span className="visually-hidden"> {t('detail.opensInNewTab')}</span>
                </a>
              </li>
            )}
            {o.email && (
              <li>
                <span className="label">{t('detail.email')}: </span>
                <a href={`mailto:${o.email}`}>{o.email}</a>
              </li>
            )}
            {o.phones.map((p) => (
              <li key={p.number}>
                <span className="label">{p.description ?? t('detail.phone')}: </span>
                <a href={`tel:${p.number.replace(/[^\d+]/g, '')}`}>{p.number}</a>
              </li>
            ))}
          </ul>
        )}
      </section>

      {o.contacts.length > 0 && (
        <section className="detail__section" aria-label={t('detail.contactPersons')}>
          <Sub>{t('detail.contactPersons')}</Sub>
          {o.contacts.map((c) => (
            <div key={c.id} className="detail__card">
              <p className="detail__card-title">{c.name}</p>
              {c.title && <p className="muted">{c.title}</p>}
              <ul className="plain-list">
                {c.email && (
                  <li>
                    <span className="label">{t('detail.email')}: </span>
                    <a href={`mailto:${c.email}`}>{c.email}</a>
                  </li>
                )}
                {c.phone && (
                  <li>
                    <span className="label">{t('detail.phone')}: </span>
                    <a href={`tel:${c.phone.replace(/[^\d+]/g, '')}`}>{c.phone}</a>
                  </li>
                )}
              </ul>
            </div>
          ))}
        </section>
      )}

      <section className="detail__section" aria-label={t('detail.locations')}>
        <Sub>{t('detail.locations')}</Sub>
        {o.locations.length === 0 && <p className="muted">{t('location.unknown')}</p>}
        {o.locations.map((l) => (
          <div key={l.id} className="detail__card">
            {l.name && <p className="detail__card-title">{l.name}</p>}
            <address>
              {l.street && <span className="block">{l.street}</span>}
              {(l.postcode || l.city) && <span className="block">{[l.postcode, l.city].filter(Boolean).join(' ')}</span>}
              {!l.street && !l.postcode && !l.city && <span className="block muted">{t('detail.noAddress')}</span>}
            </address>
            {l.area && <p className="muted">{t('detail.district', { name: l.area.name })}</p>}
            {!hasCoordinates(l) && (
              <p className="location-unknown">
                <span aria-hidden="true">⚲ </span>
                {t('location.unknownLong')}
              </p>
            )}
            {l.schedules.length > 0 && <OpeningHours schedules={l.schedules} />}
            {l.accessibility && (
              <p>
                <span className="label">{t('detail.accessibility')}: </span>
                {l.accessibility}
              </p>
            )}
          </div>
        ))}
      </section>

      <section className="detail__section" aria-label={t('detail.services')}>
        <Sub>{t('detail.services')}</Sub>
        {o.services.length === 0 && <p className="muted">{t('detail.noServices')}</p>}
        {o.services.map((s) => (
          <div key={s.id} className="detail__card">
            <p className="detail__card-title">{s.name}</p>
            {s.description && <p>{s.description}</p>}
            <dl className="detail__facts">
              {s.fieldsOfAction.length > 0 && (
                <>
                  <dt>{t('detail.fieldsOfAction')}</dt>
                  <dd>
                    <ul className="tag-list">
                      {s.fieldsOfAction.map((fa) => (
                        <li key={fa.code} className="tag">
                          {localName(fa, i18n.language)}
                        </li>
                      ))}
                    </ul>
                  </dd>
                </>
              )}
              {s.targetGroups.length > 0 && (
                <>
                  <dt>{t('detail.targetGroups')}</dt>
                  <dd>{f.list(s.targetGroups.map((tg) => localName(tg, i18n.language)))}</dd>
                </>
              )}
              {s.languages.length > 0 && (
                <>
                  <dt>{t('detail.languages')}</dt>
                  <dd>{f.list(s.languages.map((c) => f.languageName(c)))}</dd>
                </>
              )}
              <dt>{t('detail.fees')}</dt>
              <dd>
                {s.free === true
                  ? t('detail.free')
                  : s.free === false
                    ? (s.fees ?? t('detail.notFree'))
                    : (s.fees ?? t('detail.feesUnknown'))}
              </dd>
              {s.attendingAccess.length > 0 && (
                <>
                  <dt>{t('detail.access')}</dt>
                  <dd>{f.list(s.attendingAccess.map((a) => t(`access.${a}`)))}</dd>
                </>
              )}
              {s.eligibility && (
                <>
                  <dt>{t('detail.eligibility')}</dt>
                  <dd>{s.eligibility}</dd>
                </>
              )}
              {s.capacity !== null && (
                <>
                  <dt>{t('detail.capacity')}</dt>
                  <dd>{f.number(s.capacity)}</dd>
                </>
              )}
              {s.locations.length > 0 && (
                <>
                  <dt>{t('detail.serviceLocations')}</dt>
                  <dd>{f.list(s.locations.map((l) => l.name ?? l.street ?? t('detail.unnamedLocation')))}</dd>
                </>
              )}
            </dl>
          </div>
        ))}
      </section>

      {(o.memberships.length > 0 || o.relationships.length > 0) && (
        <section className="detail__section" aria-label={t('detail.network')}>
          <Sub>{t('detail.network')}</Sub>
          {o.memberships.length > 0 && (
            <ul className="plain-list">
              {o.memberships.map((m) => (
                <li key={m.id}>
                  {t(`membership.${m.role}`)}: <strong>{m.network.name}</strong>
                  {m.since && <span className="muted"> · {t('detail.since', { date: f.date(m.since) })}</span>}
                  {m.until && <span className="muted"> · {t('detail.until', { date: f.date(m.until) })}</span>}
                </li>
              ))}
            </ul>
          )}
          {o.relationships.length > 0 && (
            <ul className="plain-list">
              {o.relationships.map((r) => {
                const outgoing = r.sourceOrganisationId === o.id;
                const other = outgoing ? r.target : r.source;
                const otherId = outgoing ? r.targetOrganisationId : r.sourceOrganisationId;
                return (
                  <li key={r.id}>
                    {t(`relationship.${outgoing ? 'out' : 'in'}.${r.type}`)}{' '}
                    {other ? link(otherId, other.name) : <span className="muted">{t('detail.hiddenOrganisation')}</span>}
                    {r.fieldOfAction && <span className="muted"> · {localName(r.fieldOfAction, i18n.language)}</span>}
                    {r.note && <span className="muted"> · {r.note}</span>}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}

      {o.sourceNote && (
        <p className="detail__source">
          <span className="label">{t('detail.source')}: </span>
          {o.sourceNote}
        </p>
      )}
    </article>
  );
}
