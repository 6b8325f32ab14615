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
