import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { APP_CONFIG, AppConfig } from '../config/config';
import { requestIdOf } from '../common/request-id';
import { setLogUser } from '../common/logging/request-logging';
import { viewerFor, ANONYMOUS } from '../common/viewer';
import { AccountsModule } from '../modules/accounts/accounts.module';
import { readCookie } from '../modules/accounts/cookies';
import { SESSION_COOKIE, SessionService } from '../modules/accounts/session.service';
import { EditingModule } from '../modules/editing/editing.module';
import { AreasModule } from '../modules/areas/areas.module';
import { FieldsOfActionModule } from '../modules/fields-of-action/fields-of-action.module';
import { LocationsModule } from '../modules/locations/locations.module';
import { NetworkModule } from '../modules/network/network.module';
import { OrganisationsModule } from '../modules/organisations/organisations.module';
import { ServicesModule } from '../modules/services/services.module';
import { RateLimitModule } from '../modules/rate-limit/rate-limit.module';
import { RateLimitService } from '../modules/rate-limit/rate-limit.service';
import { csrfPlugin } from './csrf.plugin';
import { depthLimitRule } from './depth-limit.rule';
import { createErrorFormatter } from './format-error';
import { aliasLimitRule } from './limits/alias-limit.rule';
import { costLimitPlugin } from './limits/cost';
import { enforceRateLimit, rateLimitsOf } from './limits/rate-limit';
import { createRequestGate, gateLimitsOf } from './limits/request-gate';
import { applyDeadlines, timeoutPlugin } from './limits/timeout';
import { LoaderFactory } from './loaders';
import { maskedErrorsPlugin } from './masked-errors.plugin';
import type { RequestContext } from './request-context';
import { RESPONSE_CACHE, ResponseCache, responseCachePlugin } from './response-cache';

@Module({
  imports: [
    AccountsModule,
    EditingModule,
    OrganisationsModule,
    LocationsModule,
    ServicesModule,
    AreasModule,
    NetworkModule,
    FieldsOfActionModule,
  ],
  providers: [LoaderFactory],
  exports: [LoaderFactory],
})
export class LoadersModule {}

/**
 * Apollo on /graphql, schema built from code (committed as server/schema.gql by `npm run schema`), with the abuse
 * limits of README "Limits": batch size and tokens (before anything else), rate limits (one statement), depth,
 * aliases and cost (validation / once the operation is known), execution timeout, masked errors with request id.
 */
export function graphqlModule() {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    imports: [LoadersModule, AccountsModule, RateLimitModule],
    inject: [APP_CONFIG, LoaderFactory, SessionService, RateLimitService, RESPONSE_CACHE],
    useFactory: (
      config: AppConfig,
      loaders: LoaderFactory,
      sessions: SessionService,
      rateLimits: RateLimitService,
      responseCache: ResponseCache | null,
    ): ApolloDriverConfig => {
      const gate = createRequestGate(gateLimitsOf(config));
      return {
        path: '/graphql',
        autoSchemaFile: true,
        sortSchema: true,
        playground: false,
        introspection: config.introspection,
        includeStacktraceInErrorResponses: config.NODE_ENV === 'development',
        // Batches of up to GRAPHQL_MAX_BATCH operations (each counts against the rate limit); no persisted queries
        // (the client does not use them, and a hash-only request would hide its document from the request gate).
        allowBatchedHttpRequests: true,
        persistedQueries: false,
        parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS }, // backstop; the request gate refuses with TOO_MANY_TOKENS first
        validationRules: [depthLimitRule(config.GRAPHQL_DEPTH_LIMIT), aliasLimitRule(config.GRAPHQL_MAX_ALIASES)],
        transformSchema: applyDeadlines,
        formatError: createErrorFormatter({ exposeInternals: config.NODE_ENV === 'development' }),
        plugins: [
          csrfPlugin(),
          costLimitPlugin(config.GRAPHQL_MAX_COST),
          timeoutPlugin(config.GRAPHQL_TIMEOUT_MS),
          maskedErrorsPlugin(),
          // anonymous directory and coverage answers from a cache in production (staleness bound: response-cache.ts)
          responseCachePlugin(responseCache),
        ],
        // Once per HTTP request (a batch shares it): the request gate (no SQL), the session cookie (one statement, which
        // also extends the idle window) and the rate limit (in memory far below the limit, else one statement).
        context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
          try {
            const units = gate(req);
            const session = await sessions.authenticate(readCookie(req, SESSION_COOKIE));
            setLogUser(req, session?.user.id);
            await enforceRateLimit(rateLimits, rateLimitsOf(config), { userId: session?.user.id, ip: req.ip }, units);
            const viewer = session ? viewerFor(session.user) : ANONYMOUS;
            return { req, res, viewer, csrfToken: session?.csrfToken, loaders: loaders.create(viewer) };
          } catch (error) {
            if (error instanceof GraphQLError) throw error;
            // Unexpected (the formatter masks it): keep the request id, as the masked-errors plugin does during execution.
            throw new GraphQLError(error instanceof Error ? error.message : String(error), {
              originalError: error instanceof Error ? error : undefined,
              extensions: { requestId: requestIdOf(req) },
            });
          }
        },
      };
    },
  });
}
