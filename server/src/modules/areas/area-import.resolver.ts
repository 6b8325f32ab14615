import { Args, Context, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { AreaImportReport, AreaImportService } from './area-import.service';
import { AreaImportMatch, AreaImportRecord, AreaImportRecordsArgs, AreaImportReportModel, ImportAreasInput } from './dto/area-import.dto';

const toModel = (r: AreaImportReport): AreaImportReportModel => ({
  ...r,
  districtsUpdated: r.districtsUpdated.map((d) => ({
    ...d,
    matchedBy: d.matchedBy === 'name' ? AreaImportMatch.NAME : AreaImportMatch.CODE,
  })),
});

/** Import of official district polygons and area statistics (administrators). Thin: the service authorises. */
@Resolver()
export class AreaImportResolver {
  constructor(private readonly imports: AreaImportService) {}

  @Mutation(() => AreaImportReportModel, {
    description:
      'Imports district polygons (GeoJSON), statistics and group statistics (CSV); administrators only. Returns the report; ' +
      'with dryRun nothing is written, and any error rolls the whole import back.',
  })
  async importAreas(@Args('input') input: ImportAreasInput, @Context() ctx: RequestContext): Promise<AreaImportReportModel> {
    return toModel(await this.imports.importUpload(ctx.viewer, { ...input, srid: input.srid ?? null }));
  }

  @Query(() => [AreaImportRecord], { description: 'Applied area imports, newest first (administrators).' })
  areaImportRecords(@Args() args: AreaImportRecordsArgs, @Context() ctx: RequestContext): Promise<AreaImportRecord[]> {
    return this.imports.records(ctx.viewer, args.first);
  }
}
