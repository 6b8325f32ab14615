import { useCallback, useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { OrganisationKind } from '@partneratlas/shared';
import { mapWithOrganisation, organisationPath, partnerFinderPath } from '../../config/routes';
import {
  formatNetworkState,
  NetworkFilters,
  NetworkGraphCanvas,
  NetworkLegend,
  NetworkNodePanel,
  NetworkSummaryPanel,
  NetworkTable,
  parseNetworkState,
  useNetworkFilterOptions,
  useNetworkGraph,
  type NetworkViewState,
} from '../../features/network';
import { AppHeader } from '../AppHeader';

/** The stakeholder network: graph, legend, figures, the selected organisation and the same data as a table; state in the URL. */
export default function NetworkPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseNetworkState(params), [params]);
  const options = useNetworkFilterOptions();
  const { graph, loading, error } = useNetworkGraph(state);

  useEffect(() => {
    document.title = t('network.documentTitle');
  }, [t]);

  const update = useCallback(
    (patch: Partial<NetworkViewState>) => setParams(formatNetworkState({ ...parseNetworkState(params), ...patch }), { replace: false }),
    [params, setParams],
  );
  const select = useCallback(
    (id: string) => {
      update({ selected: id });
      requestAnimationFrame(() => document.getElementById('network-node-title')?.focus());
    },
    [update],
  );

  const nodes = useMemo(() => graph?.nodes ?? [], [graph]);
  const edges = useMemo(() => graph?.edges ?? [], [graph]);
  const selectedNode = nodes.find((n) => n.organisation.id === state.selected) ?? null;
  const communities = useMemo(() => {
    const size = new Map<number, number>();
    for (const n of nodes) size.set(n.community, (size.get(n.community) ?? 0) + 1);
    return [...size.entries()].map(([community, s]) => ({ community, size: s })).sort((a, b) => a.community - b.community);
  }, [nodes]);
  const kinds = useMemo(() => [...new Set(nodes.map((n) => n.organisation.kind as OrganisationKind))], [nodes]);

  return (
    <div className="app app--page">
      <a className="skip-link" href="#network-table">
        {t('network.skipToTable')}
      </a>
      <AppHeader />
      <main id="main" className="network-page" tabIndex={-1}>
        <h1 className="page-title">
          {state.ego && selectedNode ? t('network.egoTitle', { name: selectedNode.organisation.name }) : t('network.title')}
        </h1>
        <p className="page-intro">{t('network.intro')}</p>
        <div className="network-layout">
          <aside className="network-side">
            <NetworkFilters state={state} options={options} onChange={update} />
            {graph && <NetworkSummaryPanel summary={graph.summary} date={graph.date} />}
          </aside>
          <section className="network-main" aria-label={t('network.graphRegion')} aria-busy={loading}>
            {error && (
              <p role="alert" className="error">
                {t('network.error')}
              </p>
            )}
            {!graph && loading && <p role="status">{t('common.loading')}</p>}
            {graph && (
              <>
                <NetworkGraphCanvas
                  nodes={nodes}
                  edges={edges}
                  colourBy={state.colourBy}
                  sizeBy={state.sizeBy}
                  selectedId={state.selected}
                  onSelect={select}
                  label={t('network.graphLabel', { nodes: graph.summary.nodeCount, edges: graph.summary.edgeCount })}
                />
                <NetworkLegend colourBy={state.colourBy} sizeBy={state.sizeBy} communities={communities} kinds={kinds} />
              </>
            )}
          </section>
          <aside className="network-detail" aria-live="polite">
            {selectedNode ? (
              <NetworkNodePanel
                node={selectedNode}
                ego={state.ego}
                onEgo={(ego) => update({ ego })}
                onClose={() => update({ selected: null, ego: null })}
                mapHref={mapWithOrganisation(selectedNode.organisation.id)}
                detailHref={organisationPath(selectedNode.organisation.id)}
                partnersHref={partnerFinderPath(selectedNode.organisation.id)}
              />
            ) : (
              <p className="hint">{t('network.selectHint')}</p>
            )}
          </aside>
        </div>
        {graph && (
          <section id="network-table" tabIndex={-1} aria-labelledby="network-table-title">
            <h2 id="network-table-title">{t('network.table.title')}</h2>
            <NetworkTable
              rows={nodes}
              sort={state.sort}
              descending={state.descending}
              onSort={(sort, descending) => update({ sort, descending })}
              selectedId={state.selected}
              onSelect={select}
            />
          </section>
        )}
      </main>
    </div>
  );
}
