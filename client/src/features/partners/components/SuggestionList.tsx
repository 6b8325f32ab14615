import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DemoBadge, displayName } from '../../../components/DemoBadge';
import { useFormatters } from '../../../lib/intl';
import type { PartnerSuggestionsQuery } from '../../../lib/graphql/graphql';

export type Suggestion = PartnerSuggestionsQuery['partnerSuggestions'][number];

/** Colour-blind-safe segment colours; each segment also carries its name in the breakdown table. */
const COMPONENT_COLOURS: Record<string, string> = {
  COMPLEMENTARY_FIELDS: '#0072B2',
  MATCHING_FIELDS: '#0072B2',
  DISTANCE: '#009E73',
  TARGET_GROUPS: '#CC79A7',
  LANGUAGES: '#E69F00',
  NETWORK_PROXIMITY: '#D55E00',
  NETWORK_MIGRATION: '#56B4E9',
  FRESHNESS: '#6b6b6b',
};

function ScoreBar({ s }: { s: Suggestion }) {
  const { t } = useTranslation();
  const percent = Math.round(s.score * 100);
  return (
    <div className="score">
      <div className="score__bar" role="img" aria-label={t('partners.list.scoreLabel', { percent })}>
        {s.components
          .filter((c) => c.contribution > 0)
          .map((c) => (
            <span
              key={c.name}
              className="score__segment"
              style={{ width: `${c.contribution * 100}%`, background: COMPONENT_COLOURS[c.name] }}
              title={t(`partners.component.${c.name}`)}
            />
          ))}
      </div>
      <span className="score__value" aria-hidden="true">
        {percent}
      </span>
    </div>
  );
}

export function SuggestionList({
  suggestions,
  organisationHref,
  selectedId,
  onSelect,
}: {
  suggestions: readonly Suggestion[];
  organisationHref: (id: string) => string;
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const f = useFormatters();
  const en = i18n.language === 'en';
  if (!suggestions.length) return <p role="status">{t('partners.list.empty')}</p>;
  return (
    <ol className="suggestions" aria-label={t('partners.list.label')}>
      {suggestions.map((s, i) => (
        <li
          key={s.organisation.id}
          className={`suggestion${selectedId === s.organisation.id ? ' is-selected' : ''}`}
          id={`suggestion-${s.organisation.id}`}
        >
          <div className="suggestion__head">
            <span className="suggestion__rank" aria-hidden="true">
              {i + 1}
            </span>
            <h3>
              <Link to={organisationHref(s.organisation.id)}>{displayName(s.organisation.name, s.isDemo)}</Link>
            </h3>
            {s.isDemo && <DemoBadge />}
            {!s.verified && (
              <span className="verification verification--open">
                <span aria-hidden="true">? </span>
                {t('verification.unverified')}
              </span>
            )}
            {s.connected && <span className="badge">{t('partners.list.connected')}</span>}
          </div>
          <ScoreBar s={s} />
          <ul className="suggestion__reasons">
            {s.reasons.map((r) => (
              <li key={r.component}>{en ? r.en : r.de}</li>
            ))}
          </ul>
          <details>
            <summary>{t('partners.list.breakdown')}</summary>
            <table className="breakdown">
              <thead>
                <tr>
                  <th scope="col">{t('partners.list.component')}</th>
                  <th scope="col" className="num">
                    {t('partners.list.value')}
                  </th>
                  <th scope="col" className="num">
                    {t('partners.list.weight')}
                  </th>
                  <th scope="col" className="num">
                    {t('partners.list.points')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.components.map((c) => (
                  <tr key={c.name}>
                    <th scope="row">
                      <span className="swatch" style={{ background: COMPONENT_COLOURS[c.name] }} aria-hidden="true" />
                      {t(`partners.component.${c.name}`)}
                    </th>
                    <td className="num">{f.number(Math.round(c.value * 100))} %</td>
                    <td className="num">{f.number(Math.round(c.weight * 100))} %</td>
                    <td className="num">{(c.contribution * 100).toLocaleString(f.locale, { maximumFractionDigits: 1 })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <button type="button" className="link-button" onClick={() => onSelect(s.organisation.id)}>
            {t('partners.list.showOnMap')}
          </button>
        </li>
      ))}
    </ol>
  );
}
