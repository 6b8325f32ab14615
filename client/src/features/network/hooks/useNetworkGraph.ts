import { useQuery } from '@apollo/client/react';
import {
  EgoNetworkGraphDocument,
  NetworkFilterOptionsDocument,
  NetworkGraphDocument,
  type NetworkGraphDataFragment,
} from '../../../lib/graphql/graphql';
import { toNetworkFilter, type NetworkViewState } from '../utils/network-state';

/** The whole network or, in ego mode, the selected organisation's neighbourhood. */
export function useNetworkGraph(state: NetworkViewState): {
  graph: NetworkGraphDataFragment | null;
  loading: boolean;
  error: Error | undefined;
} {
  const filter = toNetworkFilter(state);
  const egoActive = !!(state.ego && state.selected);
  const whole = useQuery(NetworkGraphDocument, { variables: { filter }, skip: egoActive, fetchPolicy: 'cache-first' });
  const ego = useQuery(EgoNetworkGraphDocument, {
    variables: { organisationId: state.selected ?? '', depth: state.ego ?? 1, filter },
    skip: !egoActive,
  });
  const active = egoActive ? ego : whole;
  const data = egoActive ? (ego.data ?? ego.previousData)?.egoNetwork : (whole.data ?? whole.previousData)?.network;
  return { graph: data ?? null, loading: active.loading, error: active.error };
}

export function useNetworkFilterOptions() {
  const { data } = useQuery(NetworkFilterOptionsDocument);
  return {
    fields: data?.networkFieldsOfAction.filter((f) => !f.code.startsWith('ik2008')) ?? [],
    networks: data?.networks ?? [],
    districts: data?.networkDistricts ?? [],
  };
}
