import { useId, useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { LIMITS, type OrganisationKind } from '@partneratlas/shared';
import { DemoBadge, displayName } from '../../../components/DemoBadge';
import { KindSymbol } from '../../../components/KindSymbol';
import { VerificationMark } from '../../../components/VerificationMark';
import { DirectoryListDocument, type DirectoryListQuery } from '../../../lib/graphql/graphql';
import { useFormatters } from '../../../lib/intl';
import { effectiveSort, toGraphQLFilter, toOrder, type DirectoryFilters, type SortChoice } from '../utils/search-state';

type ListNode = DirectoryListQuery['organisations']['nodes'][number];

export interface ResultListProps {
  filters: DirectoryFilters;
  onSortChange: (sort: SortChoice) => void;
  selectedId: string | null;
  hoveredId: string | null;
  onHover: (id: string | null) => void;
  onSelect: (id: string) => void;
  /** href of an organisation (so that links can be opened in a new tab). */
  hrefFor: (id: string) => string;
}

function addressOf(node: ListNode): string | null {
  const located = node.locations.find((l) => l.street || l.postcode || l.city);
  if (!located) return null;
  return [located.street, [located.postcode, located.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

/** The accessible result list: a full alternative to the map, paged with "load more". */
export function ResultList({ filters, onSortChange, selectedId, hoveredId, onHover, onSelect, hrefFor }: ResultListProps) {
  const { t } = useTranslation();
  const f = useFormatters();
  const sortId = useId();
  const headingId = useId();
  const variables = useMemo(
    () => ({ filter: toGraphQLFilter(filters), first: LIMITS.pageSizeDefault, orderBy: toOrder(filters) }),
    [filters],
  );
  const { data, previousData, loading, error, fetchMore, networkStatus } = useQuery(DirectoryListDocument, {
    variables,
    notifyOnNetworkStatusChange: true,
  });
  const current = data ?? previousData;
  const connection = current?.organisations;
  const nodes = connection?.nodes ?? [];
  const sort = effectiveSort(filters);
  const loadingMore = networkStatus === 3;

  return (
    <section className="results" aria-labelledby={headingId}>
      <div className="results__header">
        <h2 id={headingId} className="results__title" aria-live="polite" aria-atomic="true">
          {connection
            ? t('results.count', { count: connection.totalCount, formatted: f.number(connection.totalCount) })
            : t('results.loading')}
        </h2>
        <div className="field field--inline results__sort">
          <label htmlFor={sortId}>{t('results.sortBy')}</label>
          <select id={sortId} value={sort} onChange={(event) => onSortChange(event.target.value as SortChoice)}>
            <option value="relevance" disabled={!filters.text}>
              {t('results.sort.relevance')}
            </option>
            <option value="distance" disabled={!filters.near}>
              {t('results.sort.distance')}
            </option>
            <option value="name">{t('results.sort.name')}</option>
          </select>
        </div>
      </div>
      {error && !connection && (
        <p className="hint hint--warning" role="alert">
          {t('errors.results')}
        </p>
      )}
      {connection && nodes.length === 0 && <p className="results__empty">{t('results.none')}</p>}
      <ol className={`results__list${loading && !loadingMore ? ' results__list--stale' : ''}`} aria-busy={loading}>
        {nodes.map((node) => {
          const address = addressOf(node);
          const located = node.locations.some((l) => l.latitude !== null && l.longitude !== null);
          const kind = node.kind as OrganisationKind;
          return (
            <li
              key={node.id}
              className={`result${node.stale ? ' result--stale' : ''}${node.id === selectedId ? ' result--selected' : ''}${node.id === hoveredId ? ' result--hovered' : ''}`}
              onMouseEnter={() => onHover(node.id)}
              onMouseLeave={() => onHover(null)}
            >
              <KindSymbol kind={kind} size={26} />
              <div className="result__body">
                <h3 className="result__name">
                  <a
                    href={hrefFor(node.id)}
                    aria-current={node.id === selectedId ? 'true' : undefined}
                    onFocus={() => onHover(node.id)}
                    onBlur={() => onHover(null)}
                    onClick={(event) => {
                      if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
                      event.preventDefault();
                      onSelect(node.id);
                    }}
                  >
                    {displayName(node.name, node.isDemo)}
                  </a>{' '}
                  {node.isDemo && <DemoBadge />}
                </h3>
                <p className="result__meta">
                  <span>{t(`kind.name.${kind}`)}</span>
                  {node.distanceMeters !== null && (
                    <span className="result__distance">{t('results.distance', { distance: f.distance(node.distanceMeters) })}</span>
                  )}
                </p>
                <p className="result__address">
                  {address ?? t('results.noAddress')}
                  {!located && <span className="result__unknown"> · {t('location.unknown')}</span>}
                </p>
                <p className="result__verification">
                  <VerificationMark status={node.verificationStatus} lastConfirmedAt={node.lastConfirmedAt} stale={node.stale} />
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      {connection && (
        <div className="results__footer">
          <p className="muted" aria-live="polite">
            {t('results.shown', { shown: f.number(nodes.length), total: f.number(connection.totalCount) })}
          </p>
          {connection.pageInfo.hasNextPage && (
            <button
              type="button"
              className="button"
              disabled={loadingMore}
              onClick={() => void fetchMore({ variables: { after: connection.pageInfo.endCursor } })}
            >
              {loadingMore ? t('results.loadingMore') : t('results.loadMore', { count: LIMITS.pageSizeDefault })}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
