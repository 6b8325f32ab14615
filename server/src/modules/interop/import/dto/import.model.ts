import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  GeocodeStatus,
  ImportActionKind,
  ImportDuplicateReason,
  ImportEntity,
  ImportJobStatus,
  ImportKind,
  ImportSeverity,
} from '../import.types';
import './import.enums';

@ObjectType({ isAbstract: true })
abstract class Located {
  @Field(() => String, { nullable: true, description: 'File (imports of several files).' })
  file: string | null;

  @Field(() => Int, { nullable: true, description: 'Row: CSV record number (header = 1); HSDS JSON: organization number (1-based).' })
  row: number | null;

  @Field(() => String, { nullable: true, description: 'Column (CSV header, table column) or JSON path within the organization.' })
  column: string | null;
}

@ObjectType()
export class ImportProblem extends Located {
  @Field(() => ImportSeverity)
  severity: ImportSeverity;

  @Field({ description: 'Stable code, e.g. REQUIRED, UNKNOWN_CODE, OUTSIDE_REGION, DUPLICATE_ID, CSV_QUOTING.' })
  code: string;

  @Field(() => String, { nullable: true })
  value: string | null;

  @Field()
  message: string;
}

@ObjectType()
export class ImportDuplicate extends Located {
  @Field()
  name: string;

  @Field(() => ImportDuplicateReason)
  reason: ImportDuplicateReason;

  @Field(() => ID, { nullable: true })
  existingId: string | null;

  @Field(() => String, { nullable: true })
  existingName: string | null;

  @Field(() => Int, { nullable: true })
  firstRow: number | null;

  @Field(() => Float, { nullable: true })
  similarity: number | null;

  @Field(() => Float, { nullable: true })
  distanceMeters: number | null;

  @Field({ description: 'Left out of the import.' })
  skipped: boolean;
}

@ObjectType()
export class ImportAction extends Located {
  @Field(() => ImportEntity)
  entity: ImportEntity;

  @Field(() => ID)
  id: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => ImportActionKind)
  action: ImportActionKind;

  @Field(() => [String], { nullable: true, description: 'Changed fields of an UPDATE.' })
  fields: string[] | null;
}

@ObjectType({ description: 'An organisation without coordinates after the import: place it by hand (nothing is guessed).' })
export class ImportPlacement extends Located {
  @Field(() => ID)
  organisationId: string;

  @Field(() => ID, { nullable: true })
  locationId: string | null;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'With geocode: why the geocoder gave no usable place.' })
  geocoder: string | null;
}

@ObjectType({ description: 'A geocoder lookup of a dry run with geocode (an apply writes exactly these).' })
export class ImportGeocoding extends Located {
  @Field(() => ID)
  organisationId: string;

  @Field(() => ID)
  locationId: string;

  @Field()
  name: string;

  @Field({ description: 'The address as looked up.' })
  address: string;

  @Field(() => GeocodeStatus)
  status: GeocodeStatus;

  @Field(() => Float, { nullable: true })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  longitude: number | null;

  @Field(() => String, { nullable: true, description: 'The place as the geocoder names it (FOUND).' })
  displayName: string | null;

  @Field(() => String, { nullable: true, description: 'To be shown with the coordinates, as the service requires.' })
  attribution: string | null;

  @Field(() => String, { nullable: true, description: 'Why there is no place (not FOUND).' })
  message: string | null;
}

@ObjectType()
export class ImportCounts {
  @Field(() => Int) rows: number;
  @Field(() => Int) organisationsCreated: number;
  @Field(() => Int) organisationsUpdated: number;
  @Field(() => Int) organisationsUnchanged: number;
  @Field(() => Int) organisationsSkipped: number;
  @Field(() => Int) locationsCreated: number;
  @Field(() => Int) locationsUpdated: number;
  @Field(() => Int) servicesCreated: number;
  @Field(() => Int) servicesUpdated: number;
  @Field(() => Int) schedulesWritten: number;
  @Field(() => Int) errors: number;
  @Field(() => Int) warnings: number;
  @Field(() => Int) duplicates: number;
  @Field(() => Int) needsPlacing: number;
  @Field(() => Int, { description: 'Locations that get coordinates from the geocoder.' }) geocoded: number;
  @Field(() => Int) relationshipsCreated: number;
  @Field(() => Int) relationshipsUpdated: number;
  @Field(() => Int) membershipsCreated: number;
  @Field(() => Int) membershipsUpdated: number;
  @Field(() => Int, { description: 'Networks of x_memberships that were not stored.' }) networksCreated: number;
  @Field(() => Int, { description: 'Districts of x_district that were not stored (created without a polygon).' }) districtsCreated: number;
  @Field(() => Int, { description: 'Audit records written (0 for a dry run).' }) auditRecords: number;
}

@ObjectType({ description: 'What the import found and did (or would do). Lists hold at most 1000 entries; counts are complete.' })
export class ImportReport {
  @Field(() => ImportKind)
  kind: ImportKind;

  @Field()
  dryRun: boolean;

  @Field(() => [String])
  files: string[];

  @Field(() => [String], { description: 'Detected encoding and separator per file.' })
  detected: string[];

  @Field({ description: 'No ERROR problems: an apply would be allowed.' })
  canApply: boolean;

  @Field(() => ImportCounts)
  counts: ImportCounts;

  @Field(() => [ImportProblem])
  problems: ImportProblem[];

  @Field(() => [ImportDuplicate])
  duplicates: ImportDuplicate[];

  @Field(() => [ImportAction])
  actions: ImportAction[];

  @Field(() => [ImportPlacement], { description: 'Organisations that need manual placing on the map.' })
  needsPlacing: ImportPlacement[];

  @Field(() => [ImportGeocoding], { description: 'Geocoder lookups (option geocode).' })
  geocoded: ImportGeocoding[];

  @Field({ description: 'Some list was cut at 1000 entries.' })
  truncated: boolean;

  @Field(() => Int)
  durationMs: number;
}

@ObjectType({ description: 'An import job; poll importJob(id) until status is DRY_RUN_DONE, APPLIED or FAILED.' })
export class ImportJob {
  @Field(() => ID)
  id: string;

  @Field(() => ImportKind)
  format: ImportKind;

  @Field(() => ImportJobStatus)
  status: ImportJobStatus;

  @Field()
  dryRun: boolean;

  @Field()
  publish: boolean;

  @Field()
  skipDuplicates: boolean;

  @Field({ description: 'Coordinates are looked up for locations without them.' })
  geocode: boolean;

  @Field(() => [String])
  fileNames: string[];

  @Field(() => Int)
  totalBytes: number;

  @Field(() => Float, { description: '0..1' })
  progress: number;

  @Field(() => String, { nullable: true, description: 'queued, reading, checking, geocoding (option geocode), writing, done' })
  phase: string | null;

  @Field(() => ImportCounts, { nullable: true, description: 'Set when the job has finished.' })
  counts: ImportCounts | null;

  @Field(() => ImportReport, { nullable: true, description: 'Set when the job has finished; importJobs lists jobs without it.' })
  report: ImportReport | null;

  @Field(() => String, { nullable: true, description: 'Why it failed (nothing was written).' })
  error: string | null;

  @Field(() => String, { nullable: true })
  createdBy: string | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => Date, { nullable: true })
  startedAt: Date | null;

  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
}
