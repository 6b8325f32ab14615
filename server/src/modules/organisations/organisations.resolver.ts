import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { Location } from '../locations/dto/location.model';
import { NetworkMembership, Relationship } from '../network/dto/network.model';
import { Service } from '../services/dto/service.model';
import { OrganisationConnection, OrganisationFacets, OrganisationMarkers } from './dto/organisation-connection.model';
import { OrganisationArgs, OrganisationMarkersArgs, OrganisationsArgs } from './dto/organisation-filter.input';
import { Organisation } from './dto/organisation.model';
import { OrganisationsService } from './organisations.service';

@Resolver(() => Organisation)
export class OrganisationsResolver {
  constructor(private readonly service: OrganisationsService) {}

  @Query(() => OrganisationConnection, { description: 'The directory: filter, facets and pages of organisations.' })
  organisations(@Args() args: OrganisationsArgs, @Context() ctx: RequestContext): Promise<OrganisationConnection> {
    return this.service.search(args, ctx.viewer);
  }

  @Query(() => OrganisationMarkers, {
    description: 'All located places of the matching organisations, for the map (not paged, capped at 20,000).',
  })
  organisationMarkers(@Args() args: OrganisationMarkersArgs, @Context() ctx: RequestContext): Promise<OrganisationMarkers> {
    return this.service.markers(args.filter, ctx.viewer);
  }

  @Query(() => Organisation, { description: 'One organisation; NOT_FOUND when it does not exist or is not visible.' })
  organisation(@Args() args: OrganisationArgs, @Context() ctx: RequestContext): Promise<Organisation> {
    return this.service.findById(args.id, ctx.viewer);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'The umbrella organisation.' })
  parent(@Parent() org: Organisation, @Context() ctx: RequestContext): Promise<Organisation | null> | null {
    return org.parentOrganisationId ? ctx.loaders.parentOrganisation.load(org.parentOrganisationId) : null;
  }

  @ResolveField(() => [Location])
  locations(@Parent() org: Organisation, @Context() ctx: RequestContext): Promise<Location[]> {
    return ctx.loaders.locationsByOrganisation.load(org.id);
  }

  @ResolveField(() => [Service], { description: 'Published services.' })
  services(@Parent() org: Organisation, @Context() ctx: RequestContext): Promise<Service[]> {
    return ctx.loaders.servicesByOrganisation.load(org.id);
  }

  @ResolveField(() => [NetworkMembership])
  memberships(@Parent() org: Organisation, @Context() ctx: RequestContext): Promise<NetworkMembership[]> {
    return ctx.loaders.membershipsByOrganisation.load(org.id);
  }

  @ResolveField(() => [Relationship], { description: 'Relationships with other published organisations, in either direction.' })
  relationships(@Parent() org: Organisation, @Context() ctx: RequestContext): Promise<Relationship[]> {
    return ctx.loaders.relationshipsByOrganisation.load(org.id);
  }
}

@Resolver(() => OrganisationConnection)
export class OrganisationConnectionResolver {
  constructor(private readonly service: OrganisationsService) {}

  @ResolveField(() => OrganisationFacets, { description: 'Counts for the whole filtered set (computed only when asked for).' })
  facets(@Parent() connection: OrganisationConnection, @Context() ctx: RequestContext): Promise<OrganisationFacets> {
    return this.service.facets(connection.filter, ctx.viewer);
  }
}
