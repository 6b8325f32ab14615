import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../../graphql/request-context';
import { ImportJobArgs, ImportJobsArgs, StartImportInput } from './dto/import.input';
import { ImportCounts, ImportJob } from './dto/import.model';
import type { ImportJobEntity } from './import-job.entity';
import { ImportService } from './import.service';
import { emptyCounts } from './import.types';

function toModel(job: ImportJobEntity): ImportJob {
  const finished = job.counts && Object.keys(job.counts).length > 0;
  return {
    id: job.id,
    format: job.kind,
    status: job.status,
    dryRun: job.dryRun,
    publish: job.publish,
    skipDuplicates: job.skipDuplicates,
    geocode: job.geocode,
    fileNames: job.fileNames,
    totalBytes: job.totalBytes,
    progress: job.progress,
    phase: job.phase,
    // Jobs stored before a field was added to the report get its empty value.
    counts: finished ? ({ ...emptyCounts(), ...job.counts } as ImportCounts) : null,
    report: job.report
      ? ({ ...job.report, counts: { ...emptyCounts(), ...job.report.counts }, geocoded: job.report.geocoded ?? [] } as ImportJob['report'])
      : null,
    error: job.error,
    createdBy: job.createdByLabel,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
  };
}

/** Imports (coordinators and admins). Thin: the service authorises and does the work. */
@Resolver(() => ImportJob)
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Mutation(() => ImportJob, {
    description: 'Starts an import job (dry run by default) and returns it at once; poll importJob(id) for progress and the report.',
  })
  async startImport(@Args('input') input: StartImportInput, @Context() ctx: RequestContext): Promise<ImportJob> {
    const single = input.content ?? input.base64;
    const files =
      single !== undefined && single !== null
        ? [{ name: input.fileName ?? 'upload', content: input.content, base64: input.base64 }]
        : (input.files ?? []);
    const job = await this.imports.start(ctx.viewer, {
      kind: input.format,
      files,
      dryRun: input.dryRun,
      publish: input.publish,
      skipDuplicates: input.skipDuplicates,
      geocode: input.geocode,
      dryRunJobId: input.dryRunJobId,
    });
    return toModel(job);
  }

  @Query(() => ImportJob, { description: 'One import job with its progress and (when finished) its report.' })
  async importJob(@Args() a: ImportJobArgs, @Context() ctx: RequestContext): Promise<ImportJob> {
    return toModel(await this.imports.job(ctx.viewer, a.id));
  }

  @Query(() => [ImportJob], { description: 'Recent import jobs, newest first (without reports).' })
  async importJobs(@Args() a: ImportJobsArgs, @Context() ctx: RequestContext): Promise<ImportJob[]> {
    return (await this.imports.jobs(ctx.viewer, a.first)).map(toModel);
  }
}
