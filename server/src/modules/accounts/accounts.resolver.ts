import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { ArgsType, Field } from '@nestjs/graphql';
import { LIMITS } from '@partneratlas/shared';
import { requireUser } from '../../common/authz';
import { APP_CONFIG, AppConfig } from '../../config/config';
import type { RequestContext } from '../../graphql/request-context';
import { clearSessionCookies, clientIp, setSessionCookies } from './cookies';
import { User, UserSession } from './dto/user.model';
import { SessionService } from './session.service';
import { UsersService } from './users.service';

@ArgsType()
export class LoginArgs {
  @Field()
  @IsString()
  @MinLength(3)
  @MaxLength(320)
  email: string;

  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(LIMITS.passwordMaxLength)
  password: string;
}

@ArgsType()
export class ChangePasswordArgs {
  @Field()
  @IsString()
  @MaxLength(LIMITS.passwordMaxLength)
  currentPassword: string;

  @Field()
  @IsString()
  @MaxLength(LIMITS.passwordMaxLength)
  newPassword: string;
}

@ArgsType()
export class SessionIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be a session id (UUID)' })
  id: string;
}

@Resolver()
export class AccountsResolver {
  constructor(
    private readonly sessions: SessionService,
    private readonly users: UsersService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Query(() => User, { nullable: true, description: 'The signed-in user; null when anonymous.' })
  async me(@Context() ctx: RequestContext): Promise<User | null> {
    return ctx.viewer.user ? this.users.byId(ctx.viewer.user.id) : null;
  }

  @Mutation(() => User, {
    description:
      'Signs in and sets the session cookie (httpOnly) and the CSRF cookie. Unknown email and wrong password give the same UNAUTHENTICATED answer; repeated failures TOO_MANY_REQUESTS.',
  })
  async login(@Args() args: LoginArgs, @Context() ctx: RequestContext): Promise<User> {
    const s = await this.sessions.login(args.email, args.password, clientIp(ctx.req), ctx.req.headers['user-agent'] ?? null);
    if (ctx.viewer.user) await this.sessions.end(ctx.viewer.user.sessionId);
    setSessionCookies(ctx.res, this.config, s.token, s.csrfToken, s.expiresAt);
    return (await this.users.byId(s.user.id))!;
  }

  @Mutation(() => Boolean, { description: 'Ends the current session (true also when there was none).' })
  async logout(@Context() ctx: RequestContext): Promise<boolean> {
    if (ctx.viewer.user) await this.sessions.end(ctx.viewer.user.sessionId);
    clearSessionCookies(ctx.res, this.config);
    return true;
  }

  @Query(() => [UserSession], { description: "The current user's open sessions." })
  async mySessions(@Context() ctx: RequestContext): Promise<UserSession[]> {
    const user = requireUser(ctx.viewer);
    const rows = await this.sessions.listOpen(user.id);
    return rows.map((r) => ({ ...r, current: r.id === user.sessionId }));
  }

  @Mutation(() => Boolean, { description: 'Ends one of your own sessions; false when it was not open.' })
  async endSession(@Args() args: SessionIdArgs, @Context() ctx: RequestContext): Promise<boolean> {
    const user = requireUser(ctx.viewer);
    return this.sessions.endOwn(user.id, args.id);
  }

  @Mutation(() => Boolean, { description: 'Sets a new password (12+ characters, not a common one) and ends your other sessions.' })
  async changePassword(@Args() args: ChangePasswordArgs, @Context() ctx: RequestContext): Promise<boolean> {
    await this.sessions.changePassword(requireUser(ctx.viewer), args.currentPassword, args.newPassword);
    return true;
  }
}
