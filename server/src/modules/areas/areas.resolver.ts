import { ArgsType, Args, Context, Field, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { AreaKind } from '@partneratlas/shared';
import type { Geometry } from '@partneratlas/shared';
import type { RequestContext } from '../../graphql/request-context';
import { GeoJSONScalar } from '../../graphql/scalars/geojson.scalar';
import { Area, AreaStatistic } from './dto/area.model';
import { AreasService } from './areas.service';

@ArgsType()
export class AreasArgs {
  @Field(() => AreaKind, { nullable: true })
  @IsOptional()
  @IsEnum(AreaKind)
  kind?: AreaKind;
}

@Resolver(() => Area)
export class AreasResolver {
  constructor(private readonly service: AreasService) {}

  @Query(() => [Area], { description: 'Areas (city, districts, …). District polygons are null until official ones are imported.' })
  areas(@Args() args: AreasArgs): Promise<Area[]> {
    return this.service.list(args.kind);
  }

  @ResolveField(() => GeoJSONScalar, { nullable: true, description: 'The area’s (Multi)Polygon; null when no official shape is known.' })
  async geometry(@Parent() area: Area, @Context() ctx: RequestContext): Promise<Geometry | null> {
    return ctx.loaders.areaGeometry.load(area.id);
  }

  @ResolveField(() => [AreaStatistic], { description: 'Yearly statistics, newest first.' })
  statistics(@Parent() area: Area, @Context() ctx: RequestContext): Promise<AreaStatistic[]> {
    return ctx.loaders.areaStatistics.load(area.id);
  }

  @ResolveField(() => AreaStatistic, { nullable: true, description: 'The newest statistics row with a known population.' })
  async latestPopulation(@Parent() area: Area, @Context() ctx: RequestContext): Promise<AreaStatistic | null> {
    const rows = await ctx.loaders.areaStatistics.load(area.id);
    return rows.find((r) => r.population !== null) ?? null;
  }
}
