import { Inject } from '@nestjs/common';
import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { RequestContext } from '../../graphql/request-context';
import { Organisation } from '../organisations/dto/organisation.model';
import { AccountLoaderFactory } from './accounts.loaders';
import { setSessionCookies } from './cookies';
import { AcceptInvitationArgs, InvitationIdArgs, InvitationsArgs, InvitationTokenArgs, InviteUserArgs } from './dto/accounts.input';
import { Invitation, InvitationPreview } from './dto/invitation.model';
import { User } from './dto/user.model';
import { InvitationsService } from './invitations.service';
import { SessionService } from './session.service';
import { UsersService } from './users.service';

@Resolver()
export class InvitationsResolver {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => [Invitation], { name: 'invitations', description: 'Open invitations, newest first. ADMIN and COORDINATOR only.' })
  list(@Args() args: InvitationsArgs, @Context() ctx: RequestContext): Promise<Invitation[]> {
    return this.invitations.list(ctx.viewer, args.includeClosed ?? false);
  }

  @Query(() => InvitationPreview, {
    description: 'For anyone holding the link; NOT_FOUND (extensions.reason: UNKNOWN, EXPIRED, ACCEPTED, REVOKED) unless open.',
  })
  invitationPreview(@Args() args: InvitationTokenArgs): Promise<InvitationPreview> {
    return this.invitations.preview(args.token);
  }

  @Mutation(() => Invitation, {
    description:
      'Invites a person by email (a one-time link, valid INVITATION_TTL_HOURS). ADMIN: any role; COORDINATOR: EDITOR or COORDINATOR. ' +
      'An open invitation for the same email is revoked.',
  })
  inviteUser(@Args() args: InviteUserArgs, @Context() ctx: RequestContext): Promise<Invitation> {
    return this.invitations.invite(ctx.viewer, args.input);
  }

  @Mutation(() => Invitation, { description: 'Revokes an open invitation: its link stops working.' })
  revokeInvitation(@Args() args: InvitationIdArgs, @Context() ctx: RequestContext): Promise<Invitation> {
    return this.invitations.revoke(ctx.viewer, args.id);
  }

  @Mutation(() => User, {
    description:
      'Accepts an invitation once: sets the password (12+ characters, not a common one), creates the user and signs in (sets the cookies like login).',
  })
  async acceptInvitation(@Args() args: AcceptInvitationArgs, @Context() ctx: RequestContext): Promise<User> {
    const s = await this.invitations.accept(args.token, args.password, args.displayName, ctx.req.headers['user-agent'] ?? null);
    if (ctx.viewer.user) await this.sessions.end(ctx.viewer.user.sessionId);
    setSessionCookies(ctx.res, this.config, s.token, s.csrfToken, s.expiresAt);
    return (await this.users.byId(s.user.id))!;
  }
}

@Resolver(() => Invitation)
export class InvitationFieldsResolver {
  constructor(private readonly loaders: AccountLoaderFactory) {}

  @ResolveField(() => [Organisation], { description: 'The organisations an invited EDITOR will edit.' })
  organisations(@Parent() invitation: Invitation, @Context() ctx: RequestContext): Promise<Organisation[]> {
    return this.loaders.organisationsOf(ctx, invitation.organisationIds);
  }

  @ResolveField(() => User, { nullable: true })
  async invitedBy(@Parent() invitation: Invitation, @Context() ctx: RequestContext): Promise<User | null> {
    return invitation.invitedById ? this.loaders.of(ctx).user.load(invitation.invitedById) : null;
  }
}
