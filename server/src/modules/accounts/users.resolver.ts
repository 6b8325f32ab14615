import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { UserRole } from '@partneratlas/shared';
import type { RequestContext } from '../../graphql/request-context';
import { Organisation } from '../organisations/dto/organisation.model';
import { AccountLoaderFactory } from './accounts.loaders';
import { UpdateUserArgs } from './dto/accounts.input';
import { User } from './dto/user.model';
import { UsersService } from './users.service';

@Resolver()
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Query(() => [User], { description: 'All users. ADMIN and COORDINATOR only.' })
  users(@Context() ctx: RequestContext): Promise<User[]> {
    return this.service.list(ctx.viewer);
  }

  @Mutation(() => User, {
    description:
      'Changes a user (optimistic concurrency: CONFLICT with extensions.currentVersion when expectedVersion is stale). ' +
      'Only ADMINs change roles or edit ADMINs; COORDINATORs edit EDITORs and COORDINATORs; nobody disables or demotes themselves.',
  })
  updateUser(@Args() args: UpdateUserArgs, @Context() ctx: RequestContext): Promise<User> {
    return this.service.update(ctx.viewer, args.id, args.expectedVersion, args.input);
  }
}

@Resolver(() => User)
export class UserFieldsResolver {
  constructor(private readonly loaders: AccountLoaderFactory) {}

  @ResolveField(() => [Organisation], {
    description: 'Organisations an EDITOR may edit (empty for ADMIN/COORDINATOR: they may edit all).',
  })
  organisations(@Parent() user: User, @Context() ctx: RequestContext): Promise<Organisation[]> {
    if (user.role !== UserRole.EDITOR) return Promise.resolve([]);
    return this.loaders.organisationsOf(ctx, user.organisationIds);
  }
}
