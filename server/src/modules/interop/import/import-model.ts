import type { VerificationStatus, Weekday } from '@partneratlas/shared';
import type { SourceRef } from './import.types';

/** Where a field of a record is in the input. */
export type Locate = (field?: string) => SourceRef;

/** A reference to a taxonomy term or language as written in the file, resolved later. */
export interface Token {
  raw: string;
  at: SourceRef;
}

/**
 * Records read from any format, in the field names of the editing specs (entity-specs.ts): a value that is
 * `undefined` was not given (an import never clears a stored value).
 */
export interface ScheduleDraft {
  at: Locate;
  id: string;
  locationId: string | null;
  serviceId: string | null;
  byday: Weekday;
  opensAt: string | null;
  closesAt: string | null;
  description: string | null;
}

export interface LocationDraft {
  at: Locate;
  id: string;
  /** The id came from the file (else derived). */
  idGiven: boolean;
  /** A spreadsheet row's address: updates the organisation's first stored location when the derived id is not stored. */
  matchFirstLocation?: boolean;
  values: {
    name?: string;
    street?: string;
    postcode?: string;
    city?: string;
    coordinates?: { latitude: number; longitude: number };
    accessibility?: string;
    areaId?: string;
  };
  /** An HSDS `area` attribute to check against the stored districts. */
  areaToken?: Token;
  /** Profile extension `x_district`: the district, created when it is not stored (without a polygon). */
  district?: DistrictDraft;
  /** Where the coordinates came from when the import looked them up (geocoder). */
  coordinatesSource?: string;
  schedules: ScheduleDraft[];
}

/** `location.x_district` (or a row of x_districts.csv with its x_district_statistics.csv rows). */
export interface DistrictDraft {
  at: Locate;
  id: string;
  kind: string;
  code: string;
  name: string;
  source: string | null;
  attribution: string | null;
  statistics: {
    year: number;
    referenceDate: string | null;
    population: number | null;
    foreignNationals: number | null;
    migrationBackground: number | null;
    definition: string | null;
    source: string | null;
  }[];
}

/** `organization.x_relationships[]`: a relationship appears under both organisations with the same id. */
export interface RelationshipDraft {
  at: Locate;
  id: string;
  values: {
    sourceOrganisationId: string;
    targetOrganisationId: string;
    type: string;
    validFrom: string | null;
    validTo: string | null;
    fieldOfActionCode: string | null;
    note: string | null;
  };
}

/** `organization.x_memberships[]`: the network is created (with its name) when it is not stored. */
export interface MembershipDraft {
  at: Locate;
  id: string;
  networkName: string | null;
  values: {
    networkId: string;
    organisationId: string;
    role: string;
    since: string | null;
    until: string | null;
  };
}

export interface ServiceDraft {
  at: Locate;
  id: string;
  idGiven: boolean;
  values: {
    name?: string;
    description?: string;
    languages?: string[];
    fees?: string;
    free?: boolean;
    eligibility?: string;
    status?: string;
    fieldsOfAction?: string[];
    targetGroups?: string[];
    locationIds?: string[];
  };
  fieldTokens?: Token[];
  groupTokens?: Token[];
  languageTokens?: Token[];
  /** HSDS service_at_location ids of locations (checked: same organisation). */
  locationRefs?: Token[];
  /** Offered at every location of the organisation in this import (CSV). */
  atAllLocations?: boolean;
  schedules: ScheduleDraft[];
}

export interface OrganisationDraft {
  at: Locate;
  id: string;
  idGiven: boolean;
  values: {
    kind?: string;
    name?: string;
    alternateName?: string;
    description?: string;
    website?: string;
    email?: string;
    phones?: { number: string; description: string | null }[];
    yearFounded?: number;
    parentOrganisationId?: string;
    lastConfirmedAt?: string;
  };
  verification?: VerificationStatus;
  isDemo?: boolean;
  sourceNote?: string;
  locations: LocationDraft[];
  services: ServiceDraft[];
  relationships?: RelationshipDraft[];
  memberships?: MembershipDraft[];
  /** Not an organisation (e.g. a network row of the real list): reported and left out. */
  skipReason?: string;
}

export interface ReadResult {
  organisations: OrganisationDraft[];
  rows: number;
  detected: string[];
}
