import { Args, Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { FieldOfAction } from '../fields-of-action/dto/taxonomy.model';
import { Organisation } from '../organisations/dto/organisation.model';
import { Network, NetworkMembership, Relationship } from './dto/network.model';
import { EgoNetworkArgs, NetworkGraphArgs } from './dto/network-graph.input';
import { NetworkGraph } from './dto/network-graph.model';
import { NetworkGraphService } from './network-graph.service';
import { NetworkService } from './network.service';

@Resolver(() => Network)
export class NetworkResolver {
  constructor(
    private readonly service: NetworkService,
    private readonly graphs: NetworkGraphService,
  ) {}

  @Query(() => [Network])
  networks(): Promise<Network[]> {
    return this.service.networks();
  }

  @Query(() => NetworkGraph, {
    description: 'The stakeholder network for a filter: organisations, relationships and metrics (degree, betweenness, communities).',
  })
  network(@Args() args: NetworkGraphArgs, @Context() ctx: RequestContext): Promise<NetworkGraph> {
    return this.graphs.graph(args.filter, ctx.viewer);
  }

  @Query(() => NetworkGraph, { description: 'An organisation and its partners (depth 1) or also their partners (depth 2), with metrics.' })
  egoNetwork(@Args() args: EgoNetworkArgs, @Context() ctx: RequestContext): Promise<NetworkGraph> {
    return this.graphs.ego(args.organisationId, args.depth, args.filter, ctx.viewer);
  }
}

@Resolver(() => NetworkMembership)
export class NetworkMembershipFieldsResolver {
  @ResolveField(() => Network)
  async network(@Parent() m: NetworkMembership, @Context() ctx: RequestContext): Promise<Network | null> {
    return ctx.loaders.networkById.load(m.networkId);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'Null when the organisation is not visible to you.' })
  organisation(@Parent() m: NetworkMembership, @Context() ctx: RequestContext): Promise<Organisation | null> {
    return ctx.loaders.memberOrganisation.load(m.organisationId);
  }
}

@Resolver(() => Relationship)
export class RelationshipFieldsResolver {
  @ResolveField(() => Organisation, { nullable: true })
  source(@Parent() r: Relationship, @Context() ctx: RequestContext): Promise<Organisation | null> {
    return ctx.loaders.relatedOrganisation.load(r.sourceOrganisationId);
  }

  @ResolveField(() => Organisation, { nullable: true })
  target(@Parent() r: Relationship, @Context() ctx: RequestContext): Promise<Organisation | null> {
    return ctx.loaders.relatedOrganisation.load(r.targetOrganisationId);
  }

  @ResolveField(() => FieldOfAction, { nullable: true })
  async fieldOfAction(@Parent() r: Relationship, @Context() ctx: RequestContext): Promise<FieldOfAction | null> {
    return r.fieldOfActionCode ? ctx.loaders.termByCode(r.fieldOfActionCode) : null;
  }
}
