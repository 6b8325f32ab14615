import * as path from 'node:path';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { requireStaff } from '../../../common/authz';
import { BadUserInputException, NotFoundException } from '../../../common/exceptions/domain.exception';
import type { SessionUser, Viewer } from '../../../common/viewer';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { FieldsOfActionService } from '../../fields-of-action/fields-of-action.service';
import { decodeBase64, megabytes } from './decode';
import { ImportJobEntity } from './import-job.entity';
import { ImportRejected, runImport } from './import-pipeline';
import { ImportActor, ImportFile, ImportJobStatus, ImportKind, ImportOptions, ImportReport, ProgressFn } from './import.types';

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
}

const MAX_FILES = 20;
/** Jobs waiting in this process (each holds its files in memory until it runs). */
const MAX_QUEUED = 5;
const PROGRESS_EVERY_MS = 250;

const JOB_COLUMNS = `id, kind, status, dry_run AS "dryRun", publish, skip_duplicates AS "skipDuplicates", file_names AS "fileNames",
  total_bytes AS "totalBytes", progress, phase, counts, error, created_by_id AS "createdById", created_by_label AS "createdByLabel",
  created_at AS "createdAt", updated_at AS "updatedAt", started_at AS "startedAt", finished_at AS "finishedAt"`;

export const actorOf = (user: SessionUser): ImportActor => ({
  id: user.id,
  label: user.displayName ? `${user.displayName} <${user.email}>` : user.email,
});

/**
 * Imports as jobs: `start` checks who asks and the upload, stores a QUEUED job and returns it at once; the job runs
 * in this process (one at a time) and writes its progress and report into `import_job`, which clients poll.
 * Only coordinators and admins import.
 */
@Injectable()
export class ImportService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Import');
  private queue: Promise<void> = Promise.resolve();
  private waiting = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly terms: FieldsOfActionService,
  ) {}

  /**
   * Jobs of a process that stopped never finish: a running job that has not reported progress for 10 minutes, or a
   * job queued for an hour, is marked failed (its transaction, if any, was rolled back with the process). Another
   * process (the CLI beside the server) leaves live jobs alone.
   */
  async onApplicationBootstrap(): Promise<void> {
    await this.ds.query(
      `UPDATE import_job SET status = 'FAILED', error = 'interrupted: the process stopped while the import was waiting or running; nothing was written',
              finished_at = now(), updated_at = now()
        WHERE (status = 'RUNNING' AND updated_at < now() - interval '10 minutes')
           OR (status = 'QUEUED' AND created_at < now() - interval '1 hour')`,
    );
  }

  /** Lets queued and running imports finish before the database goes away. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.race([this.queue, new Promise((resolve) => setTimeout(resolve, 60_000).unref())]);
  }

  get maxBytes(): number {
    return this.config.IMPORT_MAX_MB * 1024 * 1024;
  }

  async start(viewer: Viewer, input: StartImport): Promise<ImportJobEntity> {
    const user = requireStaff(viewer);
    const files = this.decode(input);
    if (this.waiting >= MAX_QUEUED)
      throw new BadUserInputException('Too many imports are waiting; try again when the running ones have finished.');
    const job = await this.createJob(input, files, actorOf(user));
    this.waiting++;
    this.queue = this.queue.then(async () => {
      this.waiting--;
      await this.execute(job.id, input, files, actorOf(user)).catch((error: unknown) => this.log.error(error));
    });
    return job;
  }

  async job(viewer: Viewer, id: string): Promise<ImportJobEntity> {
    requireStaff(viewer);
    const [row]: ImportJobEntity[] = await this.ds.query(`SELECT ${JOB_COLUMNS}, report FROM import_job WHERE id = $1`, [id]);
    if (!row) throw new NotFoundException('Import job', id);
    return row;
  }

  /** Newest first, without their reports (ask `job` for one). */
  async jobs(viewer: Viewer, first: number): Promise<ImportJobEntity[]> {
    requireStaff(viewer);
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
  ): Promise<{ job: ImportJobEntity; report: ImportReport | null }> {
    this.assertSize(files);
    const input: StartImport = { ...options, files: [] };
    const created = await this.createJob(input, files, actor);
    await this.execute(created.id, input, files, actor, onProgress);
    const [job]: ImportJobEntity[] = await this.ds.query(`SELECT ${JOB_COLUMNS}, report FROM import_job WHERE id = $1`, [created.id]);
    return { job, report: job.report };
  }

  // ---------------------------------------------------------------- internals

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
      `INSERT INTO import_job (kind, dry_run, publish, skip_duplicates, file_names, total_bytes, created_by_id, created_by_label, phase)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'queued') RETURNING ${JOB_COLUMNS}, report`,
      [
        input.kind,
        input.dryRun,
        input.publish,
        input.skipDuplicates,
        files.map((f) => f.name),
        files.reduce((n, f) => n + f.bytes.length, 0),
        actor.id,
        actor.label,
      ],
    );
    return row;
  }

  /** Runs one job; every write to the job row goes through one chain, so a late progress update never overwrites the result. */
  private async execute(id: string, input: StartImport, files: ImportFile[], actor: ImportActor, onProgress?: ProgressFn): Promise<void> {
    let chain: Promise<unknown> = Promise.resolve();
    const update = (sql: string, params: unknown[]) => {
      chain = chain.then(() => this.ds.query(sql, [id, ...params])).catch((error: unknown) => this.log.warn(`job ${id}: ${String(error)}`));
      return chain;
    };
    let last = 0;
    const progress: ProgressFn = (value, phase) => {
      onProgress?.(value, phase);
      const now = Date.now();
      if (now - last < PROGRESS_EVERY_MS && value < 1) return;
      last = now;
      void update(`UPDATE import_job SET progress = $2, phase = $3, updated_at = now() WHERE id = $1 AND status = 'RUNNING'`, [
        Math.max(0, Math.min(1, value)),
        phase,
      ]);
    };
    await update(`UPDATE import_job SET status = 'RUNNING', started_at = now(), updated_at = now(), phase = 'reading' WHERE id = $1`, []);
    const options: ImportOptions = { kind: input.kind, dryRun: input.dryRun, publish: input.publish, skipDuplicates: input.skipDuplicates };
    let status: ImportJobStatus;
    let report: ImportReport | null = null;
    let error: string | null = null;
    try {
      report = await runImport(this.ds, await this.terms.allTerms(), files, options, actor, progress);
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
  }
}
