/** Domain enums shared by server and client. String values are stable API and database values. */

export enum OrganisationKind {
  MIGRANT_SELF_ORGANISATION = 'MIGRANT_SELF_ORGANISATION',
  EDUCATION_PROVIDER = 'EDUCATION_PROVIDER',
  COUNSELLING_SERVICE = 'COUNSELLING_SERVICE',
  WELFARE_ASSOCIATION = 'WELFARE_ASSOCIATION',
  PUBLIC_AUTHORITY = 'PUBLIC_AUTHORITY',
  INITIATIVE_OTHER = 'INITIATIVE_OTHER',
}

export enum VerificationStatus {
  /** Imported or entered but not confirmed by the organisation or a coordinator. */
  UNVERIFIED = 'UNVERIFIED',
  /** Confirmed; see lastConfirmedAt. */
  VERIFIED = 'VERIFIED',
}

/** Publication state: anonymous users only ever see PUBLISHED entries. */
export enum PublicationStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

export enum AttendingAccess {
  APPOINTMENT = 'APPOINTMENT',
  DROP_IN = 'DROP_IN',
  REFERRAL = 'REFERRAL',
}

export enum AreaKind {
  CITY = 'CITY',
  DISTRICT = 'DISTRICT',
  GRID_CELL = 'GRID_CELL',
  IMPORTED = 'IMPORTED',
}

export enum RelationshipType {
  COOPERATION = 'COOPERATION',
  REFERRAL = 'REFERRAL',
  FUNDING = 'FUNDING',
  MEMBERSHIP = 'MEMBERSHIP',
  UMBRELLA = 'UMBRELLA',
}

export enum MembershipRole {
  MEMBER = 'MEMBER',
  COORDINATING_BODY = 'COORDINATING_BODY',
}

export enum TaxonomyKind {
  FIELD_OF_ACTION = 'FIELD_OF_ACTION',
  TARGET_GROUP = 'TARGET_GROUP',
}

export enum OrganisationOrder {
  RELEVANCE = 'RELEVANCE',
  DISTANCE = 'DISTANCE',
  NAME = 'NAME',
}

/** HSDS-style weekday codes (iCal BYDAY). */
export enum Weekday {
  MO = 'MO',
  TU = 'TU',
  WE = 'WE',
  TH = 'TH',
  FR = 'FR',
  SA = 'SA',
  SU = 'SU',
}

/** Roles of signed-in users; anonymous visitors have none and see published entries only. */
export enum UserRole {
  /** The city's integration office: everything, including users. */
  ADMIN = 'ADMIN',
  /** Netzwerk Migration: all entries, memberships, review, invitations. */
  COORDINATOR = 'COORDINATOR',
  /** Bound to one or more organisations; edits only those. */
  EDITOR = 'EDITOR',
}

/** What an edit can touch. */
export enum EditableEntity {
  ORGANISATION = 'ORGANISATION',
  LOCATION = 'LOCATION',
  SERVICE = 'SERVICE',
  CONTACT_PERSON = 'CONTACT_PERSON',
  RELATIONSHIP = 'RELATIONSHIP',
  NETWORK_MEMBERSHIP = 'NETWORK_MEMBERSHIP',
}

export enum EditOperation {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
}

/** Applied at once, or stored as a pending change for a coordinator's review. */
export enum EditOutcome {
  APPLIED = 'APPLIED',
  PENDING_REVIEW = 'PENDING_REVIEW',
}

export enum ChangeStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

/** Action recorded with every audit record (HSDS `metadata.last_action_type`). */
export enum AuditAction {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  DELETE = 'DELETE',
  ARCHIVE = 'ARCHIVE',
  PUBLISH = 'PUBLISH',
  CONFIRM = 'CONFIRM',
  APPROVE = 'APPROVE',
  RESTORE = 'RESTORE',
  ERASE = 'ERASE',
}
