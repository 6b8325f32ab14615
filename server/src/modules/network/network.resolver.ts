import { Context, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../../graphql/request-context';
import { FieldOfAction } from '../fields-of-action/dto/taxonomy.model';
import { Organisation } from '../organisations/dto/organisation.model';
import { Network, NetworkMembership, Relationship } from './dto/network.model';
import { NetworkService } from './network.service';

@Resolver(() => Network)
export class NetworkResolver {
  constructor(private readonly service: NetworkService) {}

  @Query(() => [Network])
  networks(): Promise<Network[]> {
    return this.service.networks();
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
