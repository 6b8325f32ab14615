import { useQuery } from '@apollo/client/react';
import {
  MyProposalsDocument,
  PendingChangesDocument,
  StaleOrganisationsDocument,
  type PendingChangeFieldsFragment,
} from '../../../lib/graphql/graphql';

export type Change = PendingChangeFieldsFragment;

export function usePendingChanges(organisationId?: string) {
  return useQuery(PendingChangesDocument, { variables: { organisationId: organisationId ?? null }, fetchPolicy: 'cache-and-network' });
}

export function useStaleOrganisations() {
  return useQuery(StaleOrganisationsDocument, { variables: { months: 12 }, fetchPolicy: 'cache-and-network' });
}

/** The signed-in user's proposals in every state, newest first. */
export function useMyProposals(organisationId?: string) {
  const { data, loading, error } = useQuery(MyProposalsDocument, {
    variables: { organisationId: organisationId ?? null },
    fetchPolicy: 'cache-and-network',
  });
  const all = data ? [...data.proposalsPending, ...data.proposalsRejected, ...data.proposalsApproved] : null;
  all?.sort((a, b) => b.proposedAt.localeCompare(a.proposedAt));
  return { proposals: all, loading: loading && !data, error };
}
