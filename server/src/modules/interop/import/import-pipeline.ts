import type { DataSource } from 'typeorm';
import { DomainException } from '../../../common/exceptions/domain.exception';
import type { TermWithKind } from '../../fields-of-action/fields-of-action.service';
import { assertJsonDepth, decodeText } from './decode';
import { FieldReader, Lookups, Problems } from './import-fields';
import type { OrganisationDraft, ReadResult } from './import-model';
import { actionsOf, GeocodeHook, ImportPlan, ImportPlanner } from './import-plan';
import { ImportWriter } from './import-writer';
import {
  emptyCounts,
  ImportActionKind,
  ImportActor,
  ImportCounts,
  ImportFile,
  ImportKind,
  ImportOptions,
  ImportReport,
  ProgressFn,
} from './import.types';
import { readSpreadsheetCsv } from './readers/csv.reader';
import { HsdsObjectMapper } from './readers/hsds-objects';
import { readHsdsPackage, TextFile } from './readers/hsds-package.reader';

/** HSDS JSON is never nested deeper than this (our export: 6 levels). */
export const MAX_JSON_DEPTH = 32;
/** Serialises imports that write (two applies never interleave). */
const IMPORT_LOCK = 7_202_607;

/** An apply that wrote nothing: problems in the input, or an error while writing (rolled back). The report says which. */
export class ImportRejected extends Error {
  constructor(
    readonly report: ImportReport,
    message = `${report.counts.errors} problem(s) in the input; nothing was written`,
  ) {
    super(message);
  }
}

/** A database error while writing, in words (the transaction is rolled back). */
function writeFailure(error: unknown): string {
  const e = error as { code?: string; detail?: string; message?: string; driverError?: { code?: string; detail?: string } };
  const code = e.driverError?.code ?? e.code;
  const detail = e.driverError?.detail ?? e.detail;
  const what =
    code === '23503'
      ? 'a reference to something that does not exist'
      : code === '23505'
        ? 'a value that already exists'
        : code === '23514' || code === 'P0001'
          ? 'a rule of the data model'
          : 'a database error';
  return `writing failed on ${what} (${detail ?? e.message ?? 'no detail'}); nothing was written`;
}

/**
 * One import: read (decode, parse, map) → check and plan against the database → report; with `dryRun: false`
 * the same checks and the writes run in one transaction (all or nothing).
 */
export async function runImport(
  ds: DataSource,
  terms: readonly TermWithKind[],
  files: ImportFile[],
  options: ImportOptions,
  actor: ImportActor,
  progress: ProgressFn = () => undefined,
  geocode?: GeocodeHook,
): Promise<ImportReport> {
  const started = Date.now();
  const problems = new Problems();
  const fields = new FieldReader(problems);
  progress(0.02, 'reading');
  const read = readFiles(files, options.kind, fields);
  progress(0.15, 'checking');
  const lookups = new Lookups(terms);

  const report = (plan: ImportPlan | null, counts: Partial<ImportCounts> = {}): ImportReport => {
    const c: ImportCounts = { ...emptyCounts(), rows: read.rows, ...counts };
    const actions = plan ? actionsOf(plan) : { actions: [], total: 0 };
    if (plan) {
      for (const o of plan.organisations) {
        if (o.action === ImportActionKind.CREATE) c.organisationsCreated++;
        else if (o.action === ImportActionKind.UPDATE) c.organisationsUpdated++;
        else if (o.action === ImportActionKind.UNCHANGED) c.organisationsUnchanged++;
        else c.organisationsSkipped++;
        for (const l of o.locations) {
          if (l.action === ImportActionKind.CREATE) c.locationsCreated++;
          else if (l.action === ImportActionKind.UPDATE) c.locationsUpdated++;
        }
        for (const s of o.services) {
          if (s.action === ImportActionKind.CREATE) c.servicesCreated++;
          else if (s.action === ImportActionKind.UPDATE) c.servicesUpdated++;
        }
        c.schedulesWritten += o.schedules.length;
      }
      c.duplicates = plan.duplicateCount;
      c.needsPlacing = plan.placementCount;
      c.geocoded = plan.geocoded.filter((g) => g.latitude !== null).length;
      for (const r of plan.relationships) {
        if (r.action === ImportActionKind.CREATE) c.relationshipsCreated++;
        else if (r.action === ImportActionKind.UPDATE) c.relationshipsUpdated++;
      }
      for (const m of plan.memberships) {
        if (m.action === ImportActionKind.CREATE) c.membershipsCreated++;
        else if (m.action === ImportActionKind.UPDATE) c.membershipsUpdated++;
      }
      c.networksCreated = plan.networks.length;
      c.districtsCreated = plan.districts.length;
    }
    c.errors = problems.errors;
    c.warnings = problems.warnings;
    return {
      kind: options.kind,
      dryRun: options.dryRun,
      files: files.map((f) => f.name),
      detected: read.detected,
      canApply: problems.errors === 0,
      counts: c,
      problems: problems.list,
      duplicates: plan?.duplicates ?? [],
      actions: actions.actions,
      needsPlacing: plan?.placements ?? [],
      geocoded: plan?.geocoded ?? [],
      truncated:
        problems.list.length < problems.errors + problems.warnings ||
        actions.actions.length < actions.total ||
        (plan ? plan.duplicates.length < plan.duplicateCount || plan.placements.length < plan.placementCount : false),
      durationMs: Date.now() - started,
    };
  };

  const plannerOptions = { publish: options.publish, skipDuplicates: options.skipDuplicates, geocode };
  if (options.dryRun || problems.errors) {
    const plan = await new ImportPlanner(ds, problems, lookups, { ...plannerOptions, lock: false }).plan(read.organisations);
    progress(1, 'done');
    const r = report(plan);
    if (!options.dryRun) throw new ImportRejected(r);
    return r;
  }
  return ds.transaction(async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock($1)`, [IMPORT_LOCK]);
    const plan = await new ImportPlanner(m, problems, lookups, { ...plannerOptions, lock: true }).plan(read.organisations);
    if (problems.errors) throw new ImportRejected(report(plan));
    progress(0.3, 'writing');
    let result;
    try {
      result = await new ImportWriter(m, actor, (done) => progress(0.3 + 0.69 * done, 'writing')).write(plan);
    } catch (error) {
      throw new ImportRejected(report(plan), writeFailure(error));
    }
    progress(1, 'done');
    return report(plan, { auditRecords: result.auditRecords });
  });
}

function readFiles(files: ImportFile[], kind: ImportKind, fields: FieldReader): ReadResult {
  const problems = fields.problems;
  const texts: (TextFile & { encoding: string })[] = [];
  for (const f of files) {
    try {
      const { text, encoding } = decodeText(f.bytes);
      texts.push({ name: f.name, text, encoding });
    } catch (error) {
      if (!(error instanceof DomainException)) throw error;
      problems.error({ file: f.name, row: null }, 'UNREADABLE_FILE', error.message);
    }
  }
  switch (kind) {
    case ImportKind.CSV:
      return readSpreadsheetCsv(texts, fields);
    case ImportKind.HSDS_PACKAGE: {
      const { organisations, rows } = readHsdsPackage(texts, problems);
      const mapper = new HsdsObjectMapper(fields);
      return {
        organisations: organisations.map((o, i) => mapper.organisation(o, i)).filter((o): o is OrganisationDraft => o !== null),
        rows,
        detected: texts.map((t) => `${t.name}: ${t.encoding}`),
      };
    }
    case ImportKind.HSDS_JSON: {
      const detected = texts.map((t) => `${t.name}: ${t.encoding}`);
      if (texts.length !== 1) {
        if (files.length !== 1) problems.error({ row: null }, 'ONE_FILE', 'HSDS JSON is one file (an array of organizations)');
        return { organisations: [], rows: 0, detected };
      }
      const file = texts[0];
      let data: unknown;
      try {
        assertJsonDepth(file.text, MAX_JSON_DEPTH);
        data = JSON.parse(file.text);
      } catch (error) {
        const message = error instanceof DomainException ? error.message : `not valid JSON: ${(error as Error).message}`;
        problems.error({ file: file.name, row: null }, error instanceof DomainException ? 'TOO_DEEP' : 'INVALID_JSON', message);
        return { organisations: [], rows: 0, detected };
      }
      const list = Array.isArray(data)
        ? data
        : data && typeof data === 'object' && Array.isArray((data as { contents?: unknown }).contents)
          ? (data as { contents: unknown[] }).contents
          : data && typeof data === 'object' && 'name' in data
            ? [data]
            : null;
      if (!list) {
        problems.error(
          { file: file.name, row: null },
          'NOT_HSDS',
          'expected an array of HSDS organizations (or one organization, or a page with "contents")',
        );
        return { organisations: [], rows: 0, detected };
      }
      const mapper = new HsdsObjectMapper(fields);
      return {
        organisations: list.map((o, i) => mapper.organisation(o, i)).filter((o): o is OrganisationDraft => o !== null),
        rows: list.length,
        detected,
      };
    }
  }
}
