import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { APP_CONFIG, AppConfig } from '../config/config';
import { AreasModule } from '../modules/areas/areas.module';
import { FieldsOfActionModule } from '../modules/fields-of-action/fields-of-action.module';
import { LocationsModule } from '../modules/locations/locations.module';
import { NetworkModule } from '../modules/network/network.module';
import { ANONYMOUS } from '../modules/organisations/organisations.service';
import { OrganisationsModule } from '../modules/organisations/organisations.module';
import { ServicesModule } from '../modules/services/services.module';
import { depthLimitRule } from './depth-limit.rule';
import { createErrorFormatter } from './format-error';
import { LoaderFactory } from './loaders';
import type { RequestContext } from './request-context';

@Module({
  imports: [OrganisationsModule, LocationsModule, ServicesModule, AreasModule, NetworkModule, FieldsOfActionModule],
  providers: [LoaderFactory],
  exports: [LoaderFactory],
})
export class LoadersModule {}

/** Apollo on /graphql, schema built from code (committed as server/schema.gql by `npm run schema`). */
export function graphqlModule() {
  return GraphQLModule.forRootAsync<ApolloDriverConfig>({
    driver: ApolloDriver,
    imports: [LoadersModule],
    inject: [APP_CONFIG, LoaderFactory],
    useFactory: (config: AppConfig, loaders: LoaderFactory): ApolloDriverConfig => ({
      path: '/graphql',
      autoSchemaFile: true,
      sortSchema: true,
      playground: false,
      introspection: config.introspection,
      includeStacktraceInErrorResponses: config.NODE_ENV === 'development',
      validationRules: [depthLimitRule(config.GRAPHQL_DEPTH_LIMIT)],
      formatError: createErrorFormatter({ exposeInternals: config.NODE_ENV === 'development' }),
      context: ({ req, res }: { req: Request; res: Response }): RequestContext => ({
        req,
        res,
        viewer: ANONYMOUS,
        loaders: loaders.create(ANONYMOUS),
      }),
    }),
  });
}
