import { useQuery } from '@apollo/client/react';
import {
  PartnerFinderOrganisationDocument,
  PartnerFinderOrganisationSearchDocument,
  PartnerNeedOptionsDocument,
  PartnerSuggestionsDocument,
} from '../../../lib/graphql/graphql';
import { toSuggestionInput, type FinderState } from '../utils/finder-state';

export function usePartnerSuggestions(state: FinderState) {
  const input = toSuggestionInput(state);
  const { data, previousData, loading, error } = useQuery(PartnerSuggestionsDocument, {
    variables: { input: input ?? { need: {} }, first: 20 },
    skip: !input,
  });
  return { suggestions: input ? ((data ?? previousData)?.partnerSuggestions ?? null) : null, loading, error, ready: !!input };
}

export function useFinderOrganisation(id: string | null) {
  const { data } = useQuery(PartnerFinderOrganisationDocument, { variables: { id: id ?? '' }, skip: !id });
  return data?.organisation ?? null;
}

export function useOrganisationSearch(text: string) {
  const trimmed = text.trim();
  const { data, loading } = useQuery(PartnerFinderOrganisationSearchDocument, { variables: { text: trimmed }, skip: trimmed.length < 2 });
  return { results: trimmed.length < 2 ? [] : (data?.organisations.nodes ?? []), loading };
}

export function useNeedOptions() {
  const { data } = useQuery(PartnerNeedOptionsDocument);
  return {
    fields: data?.partnerFieldsOfAction.filter((f) => !f.code.startsWith('ik2008')) ?? [],
    targetGroups: data?.partnerTargetGroups ?? [],
  };
}
