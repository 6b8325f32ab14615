import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { Geometry } from '@partneratlas/shared';
import type { RequestContext } from '../../graphql/request-context';
import { GeoJSONScalar } from '../../graphql/scalars/geojson.scalar';
import { CoverageService } from './coverage.service';
import {
  CoverageArgs,
  CoverageGapsArgs,
  CoverageMatrixArgs,
  CoverageProvidersArgs,
  CoverageWhatIfArgs,
  UncoveredFieldsArgs,
} from './dto/coverage.input';
import {
  CityWideCoverage,
  Coverage,
  CoverageGapList,
  CoverageMatrix,
  CoverageProvider,
  CoverageUnit,
  CoverageWhatIf,
} from './dto/coverage.model';

@Resolver(() => Coverage)
export class CoverageResolver {
  constructor(private readonly service: CoverageService) {}

  @Query(() => Coverage, {
    description: 'E2SFCA accessibility of one field of action per grid cell or district; gaps are units without a provider in reach.',
  })
  coverage(@Args() args: CoverageArgs, @Context() ctx: RequestContext): Promise<Coverage> {
    return this.service.coverage(args.input, ctx.viewer);
  }

  @Query(() => [CoverageProvider], {
    description: 'The providers within the catchment of one unit, nearest first (with whatIf: the hypothetical one too, when in reach).',
  })
  coverageProviders(@Args() args: CoverageProvidersArgs, @Context() ctx: RequestContext): Promise<CoverageProvider[]> {
    return this.service.providers(args.input, args.unitId, ctx.viewer, args.whatIf ?? null);
  }

  @Query(() => CoverageWhatIf, { description: 'The coverage with one hypothetical provider added (not saved) and what changes.' })
  coverageWhatIf(@Args() args: CoverageWhatIfArgs, @Context() ctx: RequestContext): Promise<CoverageWhatIf> {
    return this.service.whatIf(args.input, ctx.viewer);
  }

  @Query(() => CoverageMatrix, { description: 'Units × spatial fields of action (providers in reach, score, gap).' })
  coverageMatrix(@Args() args: CoverageMatrixArgs, @Context() ctx: RequestContext): Promise<CoverageMatrix> {
    return this.service.matrix(args.unit, args.catchmentMeters, ctx.viewer);
  }

  @Query(() => CoverageGapList, { description: '(unit, field) pairs without reach, ranked by affected known population, else by area.' })
  coverageGaps(@Args() args: CoverageGapsArgs, @Context() ctx: RequestContext): Promise<CoverageGapList> {
    return this.service.gaps(args.unit, args.first, args.fieldOfAction, args.catchmentMeters, ctx.viewer);
  }

  @Query(() => [CityWideCoverage], { description: 'Fields of action with no or one provider city-wide (all fields with includeCovered).' })
  uncoveredFieldsOfAction(@Args() args: UncoveredFieldsArgs, @Context() ctx: RequestContext): Promise<CityWideCoverage[]> {
    return this.service.cityWide(args.includeCovered, ctx.viewer);
  }
}

@Resolver(() => CoverageUnit)
export class CoverageUnitFieldsResolver {
  @ResolveField(() => GeoJSONScalar, { nullable: true, description: 'The unit polygon (WGS84), batched per request.' })
  geometry(@Parent() unit: CoverageUnit, @Context() ctx: RequestContext): Promise<Geometry | null> {
    return ctx.loaders.areaGeometry.load(unit.id);
  }
}
