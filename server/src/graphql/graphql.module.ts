import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/config';
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
import { csrfPlugin } from './csrf.plugin';
import { depthLimitRule } from './depth-limit.rule';
import { createErrorFormatter } from './format-error';
import { LoaderFactory } from './loaders';
import type { RequestContext } from './request-context';

@Module({
  imports: [AccountsModule, EditingModule, OrganisationsModule, LocationsModule, ServicesModule, AreasModule, NetworkModule, FieldsOfActionModule],
  providers: [LoaderFactory],
  exports: [LoaderFactory],
})
export class LoadersModule {}

/** Apollo on /graphql, schema built from code (committed as server/schema.gql by `npm run schema`). */
export function graphqlModule() {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    imports: [LoadersModule, AccountsModule],
    inject: [APP_CONFIG, LoaderFactory, SessionService],
    useFactory: (config: AppConfig, loaders: LoaderFactory, sessions: SessionService): ApolloDriverConfig => ({
      path: '/graphql',
      autoSchemaFile: true,
      sortSchema: true,
      playground: false,
      introspection: config.introspection,
      includeStacktraceInErrorResponses: config.NODE_ENV === 'development',
      validationRules: [depthLimitRule(config.GRAPHQL_DEPTH_LIMIT)],
      formatError: createErrorFormatter({ exposeInternals: config.NODE_ENV === 'development' }),
      plugins: [csrfPlugin()],
      // The session cookie (if any) is checked once per request: one statement, which also extends the idle window.
      context: async ({ req, res }: { req: Request; res: Response }): Promise<RequestContext> => {
        const session = await sessions.authenticate(readCookie(req, SESSION_COOKIE));
        const viewer = session ? viewerFor(session.user) : ANONYMOUS;
        return { req, res, viewer, csrfToken: session?.csrfToken, loaders: loaders.create(viewer) };
      },
    }),
  });
}
