import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { Area } from '../areas/dto/area.model';
import { Location, Schedule } from './dto/location.model';

@Resolver(() => Location)
export class LocationFieldsResolver {
  @ResolveField(() => [Schedule], { description: 'Opening hours.' })
  schedules(@Parent() location: Location, @Context() ctx: RequestContext): Promise<Schedule[]> {
    return ctx.loaders.schedulesByLocation.load(location.id);
  }

  @ResolveField(() => Area, { nullable: true, description: 'The district the location lies in, where known.' })
  async area(@Parent() location: Location, @Context() ctx: RequestContext): Promise<Area | null> {
    return location.areaId ? ctx.loaders.areaById.load(location.areaId) : null;
  }
}
