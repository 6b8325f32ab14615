import { useQuery } from '@apollo/client/react';
import {
  AdminOrganisationSearchDocument,
  AdminUsersDocument,
  InvitationsDocument,
  type AdminUserFragment,
  type InvitationFieldsFragment,
} from '../../../lib/graphql/graphql';

export type AdminUser = AdminUserFragment;
export type Invitation = InvitationFieldsFragment;

export function useUsers() {
  return useQuery(AdminUsersDocument, { fetchPolicy: 'cache-and-network' });
}

export function useOpenInvitations() {
  return useQuery(InvitationsDocument, { fetchPolicy: 'cache-and-network' });
}

export function useAdminOrganisationSearch(text: string) {
  const trimmed = text.trim();
  const { data } = useQuery(AdminOrganisationSearchDocument, { variables: { text: trimmed }, skip: trimmed.length < 2 });
  return trimmed.length < 2 ? [] : (data?.organisations.nodes ?? []);
}
