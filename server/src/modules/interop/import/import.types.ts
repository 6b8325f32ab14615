/** Import formats, job states and the report, shared by the readers, the pipeline, the API and the CLI. */
import { GeocodeStatus } from '../geocoding/geocode-status';

export { GeocodeStatus };

export enum ImportKind {
  /** Open Referral HSDS 3.1 nested JSON: an array of organizations (what `hsds.json` exports). */
  HSDS_JSON = 'HSDS_JSON',
  /** HSDS 3.1 tabular data package: datapackage.json plus one CSV per table. */
  HSDS_PACKAGE = 'HSDS_PACKAGE',
  /** Spreadsheet CSV (Excel/LibreOffice): organisations, optionally a second file with services. */
  CSV = 'CSV',
}

export enum ImportJobStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  /** The dry run finished; the report says what an apply would do. */
  DRY_RUN_DONE = 'DRY_RUN_DONE',
  /** Written, in one transaction. */
  APPLIED = 'APPLIED',
  /** Nothing was written: unreadable input, problems in rows, or an error while writing (rolled back). */
  FAILED = 'FAILED',
}

export enum ImportSeverity {
  /** Blocks the apply. */
  ERROR = 'ERROR',
  /** Reported; the row is imported (possibly without the value in question). */
  WARNING = 'WARNING',
}

export enum ImportEntity {
  ORGANISATION = 'ORGANISATION',
  LOCATION = 'LOCATION',
  SERVICE = 'SERVICE',
  SCHEDULE = 'SCHEDULE',
  /** Profile extension x_relationships. */
  RELATIONSHIP = 'RELATIONSHIP',
  /** Profile extension x_memberships. */
  NETWORK_MEMBERSHIP = 'NETWORK_MEMBERSHIP',
}

export enum ImportActionKind {
  CREATE = 'CREATE',
  UPDATE = 'UPDATE',
  UNCHANGED = 'UNCHANGED',
  /** Left out (a duplicate of an existing entry, or a row that is not an organisation). */
  SKIP = 'SKIP',
}

export enum ImportDuplicateReason {
  /** Same folded name (pa_fold) as an existing organisation. */
  SAME_NAME = 'SAME_NAME',
  /** Name similarity ≥ 0.6 (pg_trgm) and a location within 100 m. */
  SIMILAR_NAME_NEARBY = 'SIMILAR_NAME_NEARBY',
  /** The same folded name appears earlier in the file. */
  SAME_NAME_IN_FILE = 'SAME_NAME_IN_FILE',
}

/** Where something is in the input: file (for several files), row (1-based; CSV: header = row 1), column (or JSON path). */
export interface SourceRef {
  file?: string | null;
  row: number | null;
  column?: string | null;
}

export interface ImportProblem extends SourceRef {
  severity: ImportSeverity;
  /** Stable machine code, e.g. REQUIRED, UNKNOWN_CODE, OUTSIDE_REGION, DUPLICATE_ID, CSV_QUOTING. */
  code: string;
  /** The offending value (shortened). */
  value?: string | null;
  message: string;
}

export interface ImportDuplicate extends SourceRef {
  name: string;
  reason: ImportDuplicateReason;
  existingId: string | null;
  existingName: string | null;
  /** Row of the earlier occurrence (SAME_NAME_IN_FILE). */
  firstRow?: number | null;
  similarity?: number | null;
  distanceMeters?: number | null;
  /** Left out of the import (skipDuplicates). */
  skipped: boolean;
}

export interface ImportAction extends SourceRef {
  entity: ImportEntity;
  id: string;
  name: string | null;
  action: ImportActionKind;
  /** Changed fields of an UPDATE. */
  fields?: string[];
}

/** An organisation that ends up without coordinates: to be placed by hand (nothing is ever guessed). */
export interface ImportPlacement extends SourceRef {
  organisationId: string;
  locationId: string | null;
  name: string;
  address: string | null;
  /** With `geocode`: why the geocoder gave no usable place (nothing found, ambiguous, outside the region …). */
  geocoder?: string | null;
}

/** One lookup of a dry run with `geocode`; the apply uses exactly these (it never asks the geocoder itself). */
export interface ImportGeocoding extends SourceRef {
  organisationId: string;
  locationId: string;
  name: string;
  /** The address as looked up (street, postcode city). */
  address: string;
  status: GeocodeStatus;
  latitude: number | null;
  longitude: number | null;
  /** The place as the geocoder names it (FOUND). */
  displayName: string | null;
  attribution: string | null;
  /** Why there is no place (not FOUND). */
  message: string | null;
}

export interface ImportCounts {
  /** Records read (organisations for HSDS JSON; data rows of all files for CSV and data packages). */
  rows: number;
  organisationsCreated: number;
  organisationsUpdated: number;
  organisationsUnchanged: number;
  organisationsSkipped: number;
  locationsCreated: number;
  locationsUpdated: number;
  servicesCreated: number;
  servicesUpdated: number;
  schedulesWritten: number;
  errors: number;
  warnings: number;
  duplicates: number;
  needsPlacing: number;
  /** Locations that get coordinates from the geocoder (option `geocode`). */
  geocoded: number;
  relationshipsCreated: number;
  relationshipsUpdated: number;
  membershipsCreated: number;
  membershipsUpdated: number;
  /** Networks and districts (x_memberships, x_district) that were not stored yet. */
  networksCreated: number;
  districtsCreated: number;
  auditRecords: number;
}

export interface ImportReport {
  kind: ImportKind;
  dryRun: boolean;
  files: string[];
  /** Detected text encoding and CSV separator per file (e.g. "organisationen.csv: windows-1252, ';'"). */
  detected: string[];
  /** Whether an apply would be allowed (no ERROR problems). */
  canApply: boolean;
  counts: ImportCounts;
  /** At most REPORT_LIST_MAX each; the counts give the totals. */
  problems: ImportProblem[];
  duplicates: ImportDuplicate[];
  actions: ImportAction[];
  needsPlacing: ImportPlacement[];
  /** Geocoder lookups (option `geocode`): at most GEOCODER_IMPORT_MAX, so never cut. */
  geocoded: ImportGeocoding[];
  truncated: boolean;
  durationMs: number;
}

export const REPORT_LIST_MAX = 1000;

export function emptyCounts(): ImportCounts {
  return {
    rows: 0,
    organisationsCreated: 0,
    organisationsUpdated: 0,
    organisationsUnchanged: 0,
    organisationsSkipped: 0,
    locationsCreated: 0,
    locationsUpdated: 0,
    servicesCreated: 0,
    servicesUpdated: 0,
    schedulesWritten: 0,
    errors: 0,
    warnings: 0,
    duplicates: 0,
    needsPlacing: 0,
    geocoded: 0,
    relationshipsCreated: 0,
    relationshipsUpdated: 0,
    membershipsCreated: 0,
    membershipsUpdated: 0,
    networksCreated: 0,
    districtsCreated: 0,
    auditRecords: 0,
  };
}

/** One uploaded or read file, still as bytes. */
export interface ImportFile {
  name: string;
  bytes: Buffer;
}

export interface ImportOptions {
  kind: ImportKind;
  dryRun: boolean;
  publish: boolean;
  skipDuplicates: boolean;
  /** Look up coordinates for locations without them (needs GEOCODER_URL; a dry run asks, an apply reuses its dry run's lookups). */
  geocode?: boolean;
}

/** Who imports: written into audit records and the job. */
export interface ImportActor {
  id: string | null;
  label: string;
}

export type ProgressFn = (progress: number, phase: string) => void;
