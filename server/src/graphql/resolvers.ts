import { AccountsResolver } from '../modules/accounts/accounts.resolver';
import { InvitationFieldsResolver, InvitationsResolver } from '../modules/accounts/invitations.resolver';
import { UserFieldsResolver, UsersResolver } from '../modules/accounts/users.resolver';
import { EditingResolver, OrganisationEditingFieldsResolver } from '../modules/editing/editing.resolver';
import { AreaImportResolver } from '../modules/areas/area-import.resolver';
import { AreasResolver } from '../modules/areas/areas.resolver';
import { CoverageResolver, CoverageUnitFieldsResolver } from '../modules/coverage/coverage.resolver';
import {
  EvaluationPeriodFieldsResolver,
  EvaluationResolver,
  EvaluationSnapshotFieldsResolver,
  GuidingGoalFieldsResolver,
} from '../modules/evaluation/evaluation.resolver';
import { FieldsOfActionResolver } from '../modules/fields-of-action/fields-of-action.resolver';
import { GeocodingResolver } from '../modules/interop/geocoding/geocoding.resolver';
import { ImportResolver } from '../modules/interop/import/import.resolver';
import { LocationFieldsResolver } from '../modules/locations/location-fields.resolver';
import { NetworkMembershipFieldsResolver, NetworkResolver, RelationshipFieldsResolver } from '../modules/network/network.resolver';
import { OrganisationConnectionResolver, OrganisationsResolver } from '../modules/organisations/organisations.resolver';
import { PartnersResolver } from '../modules/partners/partners.resolver';
import { ServiceFieldsResolver } from '../modules/services/service-fields.resolver';

/** Every resolver class; used to print the schema without a database (a test checks it matches the app). */
export const RESOLVERS = [
  AccountsResolver,
  InvitationsResolver,
  InvitationFieldsResolver,
  UsersResolver,
  UserFieldsResolver,
  AreasResolver,
  AreaImportResolver,
  EditingResolver,
  OrganisationEditingFieldsResolver,
  CoverageResolver,
  CoverageUnitFieldsResolver,
  EvaluationResolver,
  GuidingGoalFieldsResolver,
  EvaluationSnapshotFieldsResolver,
  EvaluationPeriodFieldsResolver,
  FieldsOfActionResolver,
  ImportResolver,
  GeocodingResolver,
  LocationFieldsResolver,
  NetworkResolver,
  NetworkMembershipFieldsResolver,
  RelationshipFieldsResolver,
  OrganisationsResolver,
  OrganisationConnectionResolver,
  PartnersResolver,
  ServiceFieldsResolver,
];
