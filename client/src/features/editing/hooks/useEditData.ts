import { useQuery } from '@apollo/client/react';
import { COUNCIL_MOTION_TAXONOMY } from '@partneratlas/shared';
import {
  EditFormOptionsDocument,
  EditOrganisationDocument,
  EditOrganisationSearchDocument,
  MyOrganisationsDocument,
  type EditOrganisationQuery,
} from '../../../lib/graphql/graphql';

export type EditableOrganisation = EditOrganisationQuery['organisation'];

export function useEditableOrganisation(id: string) {
  return useQuery(EditOrganisationDocument, { variables: { id }, fetchPolicy: 'cache-and-network' });
}

export function useMyOrganisations() {
  return useQuery(MyOrganisationsDocument, { fetchPolicy: 'cache-and-network' });
}

/** Fields of action, target groups and districts for the checkboxes and selects. */
export function useEditFormOptions() {
  const { data } = useQuery(EditFormOptionsDocument, { variables: { taxonomy: COUNCIL_MOTION_TAXONOMY } });
  return {
    fieldsOfAction: data?.editFieldsOfAction ?? [],
    targetGroups: data?.editTargetGroups ?? [],
    districts: data?.editDistricts ?? [],
  };
}

export function useOrganisationSearch(text: string) {
  const trimmed = text.trim();
  const { data } = useQuery(EditOrganisationSearchDocument, { variables: { text: trimmed }, skip: trimmed.length < 2 });
  return trimmed.length < 2 ? [] : (data?.organisations.nodes ?? []);
}
