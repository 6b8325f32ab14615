import * as path from 'node:path';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireStaff } from '../../../common/authz';
import { BadUserInputException, NotFoundException } from '../../../common/exceptions/domain.exception';
import type { SessionUser, Viewer } from '../../../common/viewer';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { FieldsOfActionService } from '../../fields-of-action/fields-of-action.service';
import { GeocoderService } from '../geocoding/geocoder.service';
import { decodeBase64, megabytes } from './decode';
import { ImportJobEntity } from './import-job.entity';
import { ImportRejected, runImport } from './import-pipeline';
import type { GeocodeHook, GeocodeTarget } from './import-plan';
import {
  GeocodeStatus,
  ImportActor,
  ImportFile,
  ImportGeocoding,
  ImportJobStatus,
  ImportKind,
  ImportOptions,
  ImportReport,
  ProgressFn,
} from './import.types';

/** One file of an upload: text as it is, or bytes as base64 (needed for Windows-1252 spreadsheets). */
export interface UploadFile {
  name: string;
  content?: string | null;
  base64?: string | null;
}

export interface StartImport {
  kind: ImportKind;
  files: UploadFile[];
  dryRun: boolean;
  publish: boolean;
  skipDuplicates: boolean;
  /** Look up coordinates (needs GEOCODER_URL). A dry run asks the geocoder; an apply takes the lookups of `dryRunJobId`. */
  geocode?: boolean;
  /** The dry run (with `geocode`) whose lookups an apply uses. */
  dryRunJobId?: string | null;
}

const MAX_FILES = 20;
/** Jobs waiting in this process (each holds its files in memory until it runs). */
const MAX_QUEUED = 5;
const PROGRESS_EVERY_MS = 250;
/** A queued or running job writes `updated_at` this often (also while it waits or a long statement runs). */
export const IMPORT_HEARTBEAT_MS = 5_000;
/** A queued or running job without a heartbeat for this long belongs to a process that stopped. */
export const IMPORT_STALE_SECONDS = 30;
export const IMPORT_INTERRUPTED = 'interrupted: the server process running the import stopped; nothing was written, run it again';

const JOB_COLUMNS = `id, kind, status, dry_run AS "dryRun", publish, skip_duplicates AS "skipDuplicates", geocode, file_names AS "fileNames",
  total_bytes AS "totalBytes", progress, phase, counts, error, created_by_id AS "createdById", created_by_label AS "createdByLabel",
  created_at AS "createdAt", updated_at AS "updatedAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

export const actorOf = (user: SessionUser): ImportActor => ({
  id: user.id,
  label: user.displayName ? `${user.displayName} <${user.email}>` : user.email,
});

/**
 * Imports as jobs: `start` checks who asks and the upload, stores a QUEUED job and returns it at once; the job runs
 * in this process (one at a time) and writes its progress and report into `import_job`, which clients poll (through
 * any instance). While a job of this process is queued or running, a heartbeat keeps its `updated_at` fresh; a job
 * whose heartbeat stopped (its process was killed) is marked failed when it is read, so it never stays "running".
 * Only coordinators and admins import.
 */
@Injectable()
export class ImportService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Import');
  private queue: Promise<void> = Promise.resolve();
  private waiting = 0;
  /** Jobs queued or running in this process: they get the heartbeat and are never taken for interrupted here. */
  private readonly live = new Set<string>();
  private heartbeat: NodeJS.Timeout | null = null;
  private beating = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly terms: FieldsOfActionService,
    private readonly geocoder: GeocoderService,
  ) {}

  /** Jobs of a process that stopped never finish: those without a heartbeat are marked failed at start-up too. */
  async onApplicationBootstrap(): Promise<void> {
    this.heartbeat = setInterval(() => void this.beat(), IMPORT_HEARTBEAT_MS);
    this.heartbeat.unref();
    await this.failInterrupted();
  }

  /** Lets queued and running imports finish before the database goes away. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.race([this.queue, new Promise((resolve) => setTimeout(resolve, 60_000).unref())]);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
  }

  get maxBytes(): number {
    return this.config.IMPORT_MAX_MB * 1024 * 1024;
  }

  async start(viewer: Viewer, input: StartImport): Promise<ImportJobEntity> {
    const user = requireStaff(viewer);
    const files = this.decode(input);
    const lookups = await this.geocodingOf(input, files);
    if (this.waiting >= MAX_QUEUED)
      throw new BadUserInputException('Too many imports are waiting; try again when the running ones have finished.');
    const job = await this.createJob(input, files, actorOf(user));
    this.waiting++;
    this.live.add(job.id);
    this.queue = this.queue.then(async () => {
      this.waiting--;
      await this.execute(job.id, input, files, actorOf(user), undefined, lookups).catch((error: unknown) => this.log.error(error));
    });
    return job;
  }

  async job(viewer: Viewer, id: string): Promise<ImportJobEntity> {
    requireStaff(viewer);
    await this.failInterrupted(id);
    const [row]: ImportJobEntity[] = await this.ds.query(`SELECT ${JOB_COLUMNS}, report FROM import_job WHERE id = $1`, [id]);
    if (!row) throw new NotFoundException('Import job', id);
    return row;
  }

  /** Newest first, without their reports (ask `job` for one). */
  async jobs(viewer: Viewer, first: number): Promise<ImportJobEntity[]> {
    requireStaff(viewer);
    await this.failInterrupted();
    const rows: ImportJobEntity[] = await this.ds.query(
      `SELECT ${JOB_COLUMNS}, NULL::jsonb AS report FROM import_job ORDER BY created_at DESC, id LIMIT $1`,
      [first],
    );
    return rows;
  }

  /** For the command line: runs at once in this process, reporting progress to `onProgress`; the job is recorded too. */
  async runNow(
    files: ImportFile[],
    options: ImportOptions,
    actor: ImportActor,
    onProgress: ProgressFn = () => undefined,
    dryRunJobId?: string,
  ): Promise<{ job: ImportJobEntity; report: ImportReport | null }> {
    this.assertSize(files);
    const input: StartImport = { ...options, files: [], dryRunJobId };
    const lookups = await this.geocodingOf(input, files);
    const created = await this.createJob(input, files, actor);
    this.live.add(created.id);
    await this.execute(created.id, input, files, actor, onProgress, lookups);
    const [job]: ImportJobEntity[] = await this.ds.query(`SELECT ${JOB_COLUMNS}, report FROM import_job WHERE id = $1`, [created.id]);
    return { job, report: job.report };
  }

  // ---------------------------------------------------------------- internals

  /**
   * The option `geocode`: refused without a geocoder. A dry run asks the geocoder while it runs; an apply never does:
   * it takes the lookups of its dry run (`dryRunJobId`: the same format and files, finished, with `geocode`), so it
   * writes exactly the coordinates the dry run showed.
   */
  private async geocodingOf(input: StartImport, files: ImportFile[]): Promise<ImportGeocoding[] | undefined> {
    if (!input.geocode) return undefined;
    this.geocoder.assertEnabled();
    if (input.dryRun) return undefined;
    if (!input.dryRunJobId) {
      throw new BadUserInputException(
        'An import with geocode writes the coordinates its dry run showed: run the dry run with geocode first and pass its id as dryRunJobId.',
        { field: 'input.dryRunJobId' },
      );
    }
    const [job]: { status: string; kind: string; geocode: boolean; file_names: string[]; geocoded: ImportGeocoding[] | null }[] =
      await this.ds.query(`SELECT status, kind, geocode, file_names, report->'geocoded' AS geocoded FROM import_job WHERE id = $1`, [
        input.dryRunJobId,
      ]);
    if (!job) throw new NotFoundException('Import job', input.dryRunJobId);
    const sameFiles =
      [...job.file_names].sort().join('\n') ===
      files
        .map((f) => f.name)
        .sort()
        .join('\n');
    if (job.status !== ImportJobStatus.DRY_RUN_DONE || !job.geocode || job.kind !== input.kind || !sameFiles) {
      throw new BadUserInputException(
        `Import job ${input.dryRunJobId} is not a finished dry run with geocode of the same format and files.`,
        { field: 'input.dryRunJobId' },
      );
    }
    return job.geocoded ?? [];
  }

  /** Asks the geocoder for each target, one after the other (rate-limited); stops asking once it does not answer. */
  private liveGeocoding(progress: ProgressFn): GeocodeHook {
    return async (targets) => {
      const out: ImportGeocoding[] = [];
      const max = this.config.GEOCODER_IMPORT_MAX;
      let down: string | null = null;
      for (const [i, t] of targets.entries()) {
        progress(0.15 + 0.1 * (i / targets.length), 'geocoding');
        if (i >= max) {
          out.push(geocodingEntry(t, GeocodeStatus.LIMIT, null, `not looked up: at most ${max} lookups per import (GEOCODER_IMPORT_MAX)`));
          continue;
        }
        if (down) {
          out.push(geocodingEntry(t, GeocodeStatus.FAILED, null, `not looked up: ${down}`));
          continue;
        }
        const v = t.location.values;
        const r = await this.geocoder.locate({ street: v.street!, postcode: v.postcode, city: v.city });
        if (r.status === GeocodeStatus.FAILED) down = r.message;
        if (r.candidate) useGeocoded(t, r.candidate);
        out.push(geocodingEntry(t, r.status, r.candidate, r.message));
      }
      return out;
    };
  }

  /** The lookups of the dry run, by location and address; a location the dry run did not look up stays unmapped. */
  private storedGeocoding(lookups: ImportGeocoding[]): GeocodeHook {
    const byKey = new Map(lookups.map((g) => [`${g.locationId}|${g.address}`, g]));
    return (targets) =>
      Promise.resolve(
        targets.map((t) => {
          const g = byKey.get(`${t.location.id}|${addressOf(t)}`);
          if (!g)
            return geocodingEntry(t, GeocodeStatus.NOT_FOUND, null, 'not looked up in the dry run (the file changed?); place it by hand');
          if (g.status === GeocodeStatus.FOUND && g.latitude !== null && g.longitude !== null) {
            useGeocoded(t, {
              latitude: g.latitude,
              longitude: g.longitude,
              displayName: g.displayName ?? '',
              attribution: g.attribution ?? '',
            });
          }
          return g;
        }),
      );
  }

  /** Keeps the jobs of this process visibly alive for the other instances (one statement for all of them). */
  private async beat(): Promise<void> {
    if (this.beating || !this.live.size) return;
    this.beating = true;
    try {
      await this.ds.query(`UPDATE import_job SET updated_at = now() WHERE id = ANY($1::uuid[]) AND status IN ('QUEUED', 'RUNNING')`, [
        [...this.live],
      ]);
    } catch (error) {
      this.log.warn(`import heartbeat: ${String(error)}`);
    } finally {
      this.beating = false;
    }
  }

  /**
   * Marks queued or running jobs (all, or the one asked for) without a heartbeat for IMPORT_STALE_SECONDS as failed:
   * their process stopped, and with it their transaction, so nothing of them was written. Jobs of this process are
   * left alone (their heartbeat may be waiting for a connection, e.g. on the embedded database's single one).
   */
  private async failInterrupted(id?: string): Promise<void> {
    await this.ds.query(
      `UPDATE import_job SET status = 'FAILED', error = $1, finished_at = now(), updated_at = now()
        WHERE status IN ('QUEUED', 'RUNNING') AND updated_at < now() - make_interval(secs => $2)
          AND NOT (id = ANY($3::uuid[])) AND ($4::uuid IS NULL OR id = $4)`,
      [IMPORT_INTERRUPTED, IMPORT_STALE_SECONDS, [...this.live], id ?? null],
    );
  }

  private decode(input: StartImport): ImportFile[] {
    if (!input.files.length) throw new BadUserInputException('No file given: pass content, base64 or files', { field: 'input.files' });
    if (input.files.length > MAX_FILES) throw new BadUserInputException(`At most ${MAX_FILES} files per import`, { field: 'input.files' });
    const files = input.files.map((f, i) => {
      const what = `input.files[${i}]`;
      const name = path.basename(f.name.trim());
      if (!name) throw new BadUserInputException(`${what}.name is empty`, { field: `${what}.name` });
      const given = (f.content !== undefined && f.content !== null ? 1 : 0) + (f.base64 !== undefined && f.base64 !== null ? 1 : 0);
      if (given !== 1) throw new BadUserInputException(`${what}: give exactly one of content and base64`, { field: what });
      if (f.content !== undefined && f.content !== null) {
        // Cheap upper bound first: a UTF-8 character has at most 3 bytes per UTF-16 unit.
        if (f.content.length > this.maxBytes) this.tooLarge(Buffer.byteLength(f.content, 'utf8'));
        return { name, bytes: Buffer.from(f.content, 'utf8') };
      }
      if ((f.base64!.length * 3) / 4 > this.maxBytes + 4) this.tooLarge(Math.floor((f.base64!.length * 3) / 4));
      return { name, bytes: decodeBase64(f.base64!, `${what}.base64`) };
    });
    this.assertSize(files);
    const names = new Set(files.map((f) => f.name));
    if (names.size !== files.length) throw new BadUserInputException('Two files have the same name', { field: 'input.files' });
    if (input.kind === ImportKind.HSDS_JSON && files.length !== 1) {
      throw new BadUserInputException('HSDS JSON is one file (an array of organizations)', { field: 'input.files' });
    }
    if (input.kind === ImportKind.CSV && files.length > 2) {
      throw new BadUserInputException('CSV: one organisations file and at most one services file', { field: 'input.files' });
    }
    return files;
  }

  private assertSize(files: ImportFile[]): void {
    const total = files.reduce((n, f) => n + f.bytes.length, 0);
    if (total > this.maxBytes) this.tooLarge(total);
  }

  private tooLarge(bytes: number): never {
    throw new BadUserInputException(
      `The import is ${megabytes(bytes)}; the limit is ${this.config.IMPORT_MAX_MB} MB. Split the file (e.g. by district) and import the parts one after the other.`,
      { field: 'input.files', limitBytes: this.maxBytes, bytes },
    );
  }

  private async createJob(input: StartImport, files: ImportFile[], actor: ImportActor): Promise<ImportJobEntity> {
    const [row]: ImportJobEntity[] = await this.ds.query(
      `INSERT INTO import_job (kind, dry_run, publish, skip_duplicates, file_names, total_bytes, created_by_id, created_by_label, phase, geocode)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued', $9) RETURNING ${JOB_COLUMNS}, report`,
      [
        input.kind,
        input.dryRun,
        input.publish,
        input.skipDuplicates,
        files.map((f) => f.name),
        files.reduce((n, f) => n + f.bytes.length, 0),
        actor.id,
        actor.label,
        input.geocode ?? false,
      ],
    );
    return row;
  }

  /** Runs one job; every write to the job row goes through one chain, so a late progress update never overwrites the result. */
  private async execute(
    id: string,
    input: StartImport,
    files: ImportFile[],
    actor: ImportActor,
    onProgress?: ProgressFn,
    lookups?: ImportGeocoding[],
  ): Promise<void> {
    let chain: Promise<unknown> = Promise.resolve();
    const update = (sql: string, params: unknown[]) => {
      chain = chain.then(() => this.ds.query(sql, [id, ...params])).catch((error: unknown) => this.log.warn(`job ${id}: ${String(error)}`));
      return chain;
    };
    let last = 0;
    let lastPhase = 'reading';
    const progress: ProgressFn = (value, phase) => {
      onProgress?.(value, phase);
      const now = Date.now();
      // Progress is stored at most every PROGRESS_EVERY_MS; a new phase always at once (pollers show it).
      if (phase === lastPhase && now - last < PROGRESS_EVERY_MS && value < 1) return;
      last = now;
      lastPhase = phase;
      void update(`UPDATE import_job SET progress = $2, phase = $3, updated_at = now() WHERE id = $1 AND status = 'RUNNING'`, [
        Math.max(0, Math.min(1, value)),
        phase,
      ]);
    };
    await update(`UPDATE import_job SET status = 'RUNNING', started_at = now(), updated_at = now(), phase = 'reading' WHERE id = $1`, []);
    const options: ImportOptions = {
      kind: input.kind,
      dryRun: input.dryRun,
      publish: input.publish,
      skipDuplicates: input.skipDuplicates,
      geocode: input.geocode,
    };
    let status: ImportJobStatus;
    let report: ImportReport | null = null;
    let error: string | null = null;
    try {
      const geocode = input.geocode ? (input.dryRun ? this.liveGeocoding(progress) : this.storedGeocoding(lookups ?? [])) : undefined;
      report = await runImport(this.ds, await this.terms.allTerms(), files, options, actor, progress, geocode);
      status = input.dryRun ? ImportJobStatus.DRY_RUN_DONE : ImportJobStatus.APPLIED;
    } catch (e) {
      status = ImportJobStatus.FAILED;
      if (e instanceof ImportRejected) {
        report = e.report;
        error = e.message;
      } else {
        this.log.error(`import job ${id} failed`, e instanceof Error ? e.stack : String(e));
        error = `the import failed unexpectedly (${e instanceof Error ? e.message : String(e)}); nothing was written`;
      }
    }
    await update(
      `UPDATE import_job SET status = $2, progress = 1, phase = 'done', counts = $3::jsonb, report = $4::jsonb, error = $5,
              finished_at = now(), updated_at = now() WHERE id = $1`,
      [status, JSON.stringify(report?.counts ?? {}), report ? JSON.stringify(report) : null, error],
    );
    this.live.delete(id);
  }
}

/** The address of a geocoder target as looked up and reported: "street, postcode city". */
function addressOf(t: GeocodeTarget): string {
  const v = t.location.values;
  return [v.street, [v.postcode, v.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
}

function useGeocoded(t: GeocodeTarget, c: { latitude: number; longitude: number; displayName: string; attribution: string }): void {
  t.location.values.coordinates = { latitude: c.latitude, longitude: c.longitude };
  t.location.coordinatesSource = `geocoder: ${c.displayName} (${c.attribution})`;
}

function geocodingEntry(
  t: GeocodeTarget,
  status: GeocodeStatus,
  c: { latitude: number; longitude: number; displayName: string; attribution: string } | null,
  message: string | null,
): ImportGeocoding {
  const ref = t.location.at('street');
  return {
    file: ref.file ?? null,
    row: t.location.at().row,
    column: ref.column ?? null,
    organisationId: t.organisation.id,
    locationId: t.location.id,
    name: t.organisation.values.name ?? '',
    address: addressOf(t),
    status,
    latitude: c?.latitude ?? null,
    longitude: c?.longitude ?? null,
    displayName: c?.displayName ?? null,
    attribution: c?.attribution ?? null,
    message,
  };
}
