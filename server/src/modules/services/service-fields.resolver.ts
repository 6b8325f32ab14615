import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { TaxonomyKind } from '@partneratlas/shared';
import type { RequestContext } from '../../graphql/request-context';
import { FieldOfAction, TargetGroup } from '../fields-of-action/dto/taxonomy.model';
import { Location } from '../locations/dto/location.model';
import { Service } from './dto/service.model';

@Resolver(() => Service)
export class ServiceFieldsResolver {
  @ResolveField(() => [FieldOfAction])
  async fieldsOfAction(@Parent() service: Service, @Context() ctx: RequestContext): Promise<FieldOfAction[]> {
    return ctx.loaders.termsOfService(service.id, TaxonomyKind.FIELD_OF_ACTION);
  }

  @ResolveField(() => [TargetGroup])
  async targetGroups(@Parent() service: Service, @Context() ctx: RequestContext): Promise<TargetGroup[]> {
    return ctx.loaders.termsOfService(service.id, TaxonomyKind.TARGET_GROUP);
  }

  @ResolveField(() => [Location], { description: 'Where the service is offered (HSDS service_at_location).' })
  locations(@Parent() service: Service, @Context() ctx: RequestContext): Promise<Location[]> {
    return ctx.loaders.locationsByService.load(service.id);
  }
}
