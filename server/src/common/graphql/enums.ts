import { registerEnumType } from '@nestjs/graphql';
import {
  AreaKind,
  AttendingAccess,
  AuditAction,
  ChangeStatus,
  EditableEntity,
  EditOperation,
  EditOutcome,
  MembershipRole,
  OrganisationKind,
  OrganisationOrder,
  PublicationStatus,
  RelationshipType,
  TaxonomyKind,
  UserRole,
  VerificationStatus,
  Weekday,
} from '@partneratlas/shared';

registerEnumType(OrganisationKind, { name: 'OrganisationKind', description: 'What kind of body an organisation is.' });
registerEnumType(VerificationStatus, { name: 'VerificationStatus' });
registerEnumType(PublicationStatus, { name: 'PublicationStatus' });
registerEnumType(AttendingAccess, { name: 'AttendingAccess', description: 'How people get to a service.' });
registerEnumType(AreaKind, { name: 'AreaKind' });
registerEnumType(RelationshipType, { name: 'RelationshipType' });
registerEnumType(MembershipRole, { name: 'MembershipRole' });
registerEnumType(TaxonomyKind, { name: 'TaxonomyKind' });
registerEnumType(OrganisationOrder, { name: 'OrganisationOrder' });
registerEnumType(Weekday, { name: 'Weekday', description: 'iCal BYDAY weekday code (HSDS schedule).' });
registerEnumType(UserRole, {
  name: 'UserRole',
  description: 'ADMIN: integration office; COORDINATOR: Netzwerk Migration; EDITOR: own organisations.',
});
registerEnumType(EditableEntity, { name: 'EditableEntity' });
registerEnumType(EditOperation, { name: 'EditOperation' });
registerEnumType(EditOutcome, { name: 'EditOutcome', description: 'APPLIED now, or PENDING_REVIEW by a coordinator.' });
registerEnumType(ChangeStatus, { name: 'ChangeStatus' });
registerEnumType(AuditAction, { name: 'AuditAction' });

export {};
