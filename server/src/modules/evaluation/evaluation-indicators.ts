import { buildGraph, degrees } from '../network/graph/graph-metrics';
import { CoverageColumn, FieldCount, FieldRef, IndicatorData, IndicatorKind, UnitKindName } from './evaluation.types';

/**
 * The indicators of a guiding goal, as pure functions over figures the evaluation service collected once
 * (directory counts, the district and grid coverage columns of CoverageService, the network). Values are
 * shares in [0, 1] or counts; null where the figure is unknown (e.g. no population known anywhere).
 */

export interface IndicatorInputs {
  fields: Map<string, FieldRef>;
  counts: Map<string, FieldCount>;
  districtColumns: Map<string, CoverageColumn>;
  gridColumns: Map<string, CoverageColumn>;
  /** Published organisations with their field codes (services' fields with ancestors) and freshness. */
  organisations: { id: string; fieldCodes: string[]; confirmedLast12Months: boolean }[];
  /** Relationships valid at the reference date between published organisations. */
  edges: { source: string; target: string }[];
}

const share = (numerator: number, denominator: number): number | null => (denominator > 0 ? numerator / denominator : null);

const indicator = (kind: IndicatorKind, field: string | null, value: number | null, extra: Partial<IndicatorData> = {}): IndicatorData => ({
  kind,
  field,
  value,
  numerator: null,
  denominator: null,
  basis: null,
  languages: [],
  ...extra,
});

/** Share of the known population in reach: over the districts where population is known, else over the grid. */
function populationShare(field: string, inputs: IndicatorInputs): IndicatorData {
  for (const [basis, columns] of [
    ['DISTRICT', inputs.districtColumns],
    ['GRID', inputs.gridColumns],
  ] as [UnitKindName, Map<string, CoverageColumn>][]) {
    const c = columns.get(field);
    if (c && c.knownPopulation > 0) {
      const reached = c.knownPopulation - c.populationWithoutReach;
      return indicator(IndicatorKind.POPULATION_IN_REACH_SHARE, field, share(reached, c.knownPopulation), {
        numerator: reached,
        denominator: c.knownPopulation,
        basis,
      });
    }
  }
  return indicator(IndicatorKind.POPULATION_IN_REACH_SHARE, field, null);
}

/** Indicators of one field: population and grid share in reach (place-bound fields only), providers, services, languages. */
export function fieldIndicators(code: string, inputs: IndicatorInputs): IndicatorData[] {
  const field = inputs.fields.get(code);
  const counts = inputs.counts.get(code);
  const out: IndicatorData[] = [];
  if (field?.spatial) {
    out.push(populationShare(code, inputs));
    const grid = inputs.gridColumns.get(code);
    const reached = grid ? grid.unitCount - grid.gapUnitCount : 0;
    out.push(
      indicator(IndicatorKind.GRID_IN_REACH_SHARE, code, grid ? share(reached, grid.unitCount) : null, {
        numerator: grid ? reached : null,
        denominator: grid ? grid.unitCount : null,
        basis: 'GRID',
      }),
    );
  }
  out.push(indicator(IndicatorKind.PROVIDERS, code, counts?.organisations ?? 0));
  out.push(indicator(IndicatorKind.SERVICES, code, counts?.services ?? 0));
  const languages = [...(counts?.languages ?? [])].sort();
  out.push(indicator(IndicatorKind.LANGUAGES, code, languages.length, { languages }));
  return out;
}

/** Density and isolated nodes of the network among `ids` (edges with both ends among them; undirected, simple). */
export function subnetwork(ids: readonly string[], edges: readonly { source: string; target: string }[]) {
  const g = buildGraph(ids, edges);
  const n = ids.length;
  const isolated = degrees(g).reduce((s, d) => s + (d === 0 ? 1 : 0), 0);
  return { nodes: n, edges: g.edgeCount, density: n > 1 ? (2 * g.edgeCount) / (n * (n - 1)) : 0, isolated };
}

/**
 * Indicators of a goal: those of each linked field, then network density, isolated organisations and the share
 * confirmed in the last 12 months among the organisations working in any linked field (all without fields).
 */
export function goalIndicators(fieldCodes: readonly string[], inputs: IndicatorInputs): IndicatorData[] {
  const out = fieldCodes.flatMap((code) => fieldIndicators(code, inputs));
  const wanted = new Set(fieldCodes);
  const members = fieldCodes.length ? inputs.organisations.filter((o) => o.fieldCodes.some((c) => wanted.has(c))) : inputs.organisations;
  const net = subnetwork(
    members.map((o) => o.id),
    inputs.edges,
  );
  out.push(
    indicator(IndicatorKind.NETWORK_DENSITY, null, net.nodes > 1 ? net.density : null, {
      numerator: net.edges,
      denominator: (net.nodes * (net.nodes - 1)) / 2,
    }),
  );
  out.push(indicator(IndicatorKind.ISOLATED_ORGANISATIONS, null, net.isolated, { numerator: net.isolated, denominator: net.nodes }));
  const confirmed = members.filter((o) => o.confirmedLast12Months).length;
  out.push(
    indicator(IndicatorKind.CONFIRMED_LAST_12_MONTHS_SHARE, null, share(confirmed, members.length), {
      numerator: confirmed,
      denominator: members.length,
    }),
  );
  return out;
}
