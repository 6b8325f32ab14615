import { useMemo } from 'react';
import { useMutation } from '@apollo/client/react';
import {
  ArchiveOrganisationDocument,
  ArchiveServiceDocument,
  ConfirmOrganisationDocument,
  CreateContactPersonDocument,
  CreateLocationDocument,
  CreateOrganisationDocument,
  CreateRelationshipDocument,
  CreateServiceDocument,
  DeleteContactPersonDocument,
  DeleteLocationDocument,
  DeleteRelationshipDocument,
  PublishOrganisationDocument,
  UpdateContactPersonDocument,
  UpdateLocationDocument,
  UpdateOrganisationDocument,
  UpdateRelationshipDocument,
  UpdateServiceDocument,
  type ContactPersonInput,
  type CreateOrganisationInput,
  type LocationInput,
  type RelationshipInput,
  type ServiceInput,
  type UpdateOrganisationInput,
} from '../../../lib/graphql/graphql';
import type { Input } from '../utils/edit-form';
import type { EditResult } from './useEntityEdit';

// Every edit can change what the page shows (versions, pending counts, proposals): the active queries are
// refetched before the mutation counts as done, so that the next edit starts from the stored version.
const AFTER_EDIT = { refetchQueries: 'active', awaitRefetchQueries: true } as const;

function need(version: number | null): number {
  if (version === null) throw new Error('an update needs the version it was loaded at');
  return version;
}

/** All create/update/delete calls of the editing pages, each returning the EditResult. */
export function useEditMutations() {
  const [createOrganisation] = useMutation(CreateOrganisationDocument, AFTER_EDIT);
  const [updateOrganisation] = useMutation(UpdateOrganisationDocument, AFTER_EDIT);
  const [confirmOrganisation] = useMutation(ConfirmOrganisationDocument, AFTER_EDIT);
  const [publishOrganisation] = useMutation(PublishOrganisationDocument, AFTER_EDIT);
  const [archiveOrganisation] = useMutation(ArchiveOrganisationDocument, AFTER_EDIT);
  const [createLocation] = useMutation(CreateLocationDocument, AFTER_EDIT);
  const [updateLocation] = useMutation(UpdateLocationDocument, AFTER_EDIT);
  const [deleteLocation] = useMutation(DeleteLocationDocument, AFTER_EDIT);
  const [createService] = useMutation(CreateServiceDocument, AFTER_EDIT);
  const [updateService] = useMutation(UpdateServiceDocument, AFTER_EDIT);
  const [archiveService] = useMutation(ArchiveServiceDocument, AFTER_EDIT);
  const [createContact] = useMutation(CreateContactPersonDocument, AFTER_EDIT);
  const [updateContact] = useMutation(UpdateContactPersonDocument, AFTER_EDIT);
  const [deleteContact] = useMutation(DeleteContactPersonDocument, AFTER_EDIT);
  const [createRelationship] = useMutation(CreateRelationshipDocument, AFTER_EDIT);
  const [updateRelationship] = useMutation(UpdateRelationshipDocument, AFTER_EDIT);
  const [deleteRelationship] = useMutation(DeleteRelationshipDocument, AFTER_EDIT);

  return useMemo(
    () => ({
      createOrganisation: async (input: Input): Promise<EditResult | undefined> =>
        (await createOrganisation({ variables: { input: input as unknown as CreateOrganisationInput } })).data?.createOrganisation,
      updateOrganisation: async (id: string, input: Input, version: number | null) =>
        (await updateOrganisation({ variables: { id, expectedVersion: need(version), input: input as UpdateOrganisationInput } })).data
          ?.updateOrganisation,
      confirmOrganisation: async (id: string, version: number) =>
        (await confirmOrganisation({ variables: { id, expectedVersion: version } })).data?.confirmOrganisation,
      publishOrganisation: async (id: string, version: number) =>
        (await publishOrganisation({ variables: { id, expectedVersion: version } })).data?.publishOrganisation,
      archiveOrganisation: async (id: string, version: number) =>
        (await archiveOrganisation({ variables: { id, expectedVersion: version } })).data?.archiveOrganisation,
      saveLocation: async (organisationId: string, id: string | null, input: Input, version: number | null) =>
        id
          ? (await updateLocation({ variables: { id, expectedVersion: need(version), input: input as LocationInput } })).data
              ?.updateLocation
          : (await createLocation({ variables: { organisationId, input: input as LocationInput } })).data?.createLocation,
      deleteLocation: async (id: string, version: number) =>
        (await deleteLocation({ variables: { id, expectedVersion: version } })).data?.deleteLocation,
      saveService: async (organisationId: string, id: string | null, input: Input, version: number | null) =>
        id
          ? (await updateService({ variables: { id, expectedVersion: need(version), input: input as ServiceInput } })).data?.updateService
          : (await createService({ variables: { organisationId, input: input as ServiceInput } })).data?.createService,
      archiveService: async (id: string, version: number) =>
        (await archiveService({ variables: { id, expectedVersion: version } })).data?.archiveService,
      saveContact: async (organisationId: string, id: string | null, input: Input, version: number | null) =>
        id
          ? (await updateContact({ variables: { id, expectedVersion: need(version), input: input as ContactPersonInput } })).data
              ?.updateContactPerson
          : (await createContact({ variables: { organisationId, input: input as ContactPersonInput } })).data?.createContactPerson,
      deleteContact: async (id: string, version: number) =>
        (await deleteContact({ variables: { id, expectedVersion: version } })).data?.deleteContactPerson,
      saveRelationship: async (id: string | null, input: Input, version: number | null) =>
        id
          ? (await updateRelationship({ variables: { id, expectedVersion: need(version), input: input as RelationshipInput } })).data
              ?.updateRelationship
          : (await createRelationship({ variables: { input: input as RelationshipInput } })).data?.createRelationship,
      deleteRelationship: async (id: string, version: number) =>
        (await deleteRelationship({ variables: { id, expectedVersion: version } })).data?.deleteRelationship,
    }),
    [
      createOrganisation,
      updateOrganisation,
      confirmOrganisation,
      publishOrganisation,
      archiveOrganisation,
      createLocation,
      updateLocation,
      deleteLocation,
      createService,
      updateService,
      archiveService,
      createContact,
      updateContact,
      deleteContact,
      createRelationship,
      updateRelationship,
      deleteRelationship,
    ],
  );
}

export type EditMutations = ReturnType<typeof useEditMutations>;
