import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from './config/config';
import { RESPONSE_CACHE, ResponseCache } from './graphql/response-cache';
import { dataSourceOptions } from './database/data-source';
import { QueryCounter } from './database/query-counter';
import { createValidationPipe } from './common/validation';
import { graphqlModule } from './graphql/graphql.module';
import { GraphqlExceptionFilter } from './graphql/graphql-exception.filter';
import { AccountsModule } from './modules/accounts/accounts.module';
import { EditingModule } from './modules/editing/editing.module';
import { EvaluationModule } from './modules/evaluation/evaluation.module';
import { AreasModule } from './modules/areas/areas.module';
import { CoverageModule } from './modules/coverage/coverage.module';
import { FieldsOfActionModule } from './modules/fields-of-action/fields-of-action.module';
import { HealthModule } from './modules/health/health.module';
import { InteropModule } from './modules/interop/interop.module';
import { LocationsModule } from './modules/locations/locations.module';
import { NetworkModule } from './modules/network/network.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { PartnersModule } from './modules/partners/partners.module';
import { ServicesModule } from './modules/services/services.module';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  poolSize: number;
  queryCounter: QueryCounter;
  /** The embedded PGlite: no client-side query timeout (see dataSourceOptions). */
  embedded?: boolean;
}

@Global()
@Module({})
class CoreModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: QueryCounter, useValue: options.queryCounter },
        // anonymous directory and coverage answers, production only (staleness bound: graphql/response-cache.ts)
        {
          provide: RESPONSE_CACHE,
          useValue: options.config.isProduction
            ? new ResponseCache({
                ttlMs: options.config.RESPONSE_CACHE_TTL_MS,
                maxBytes: options.config.RESPONSE_CACHE_MAX_MB * 1024 * 1024,
              })
            : null,
        },
      ],
      exports: [APP_CONFIG, QueryCounter, RESPONSE_CACHE],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppModuleOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(options),
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: options.databaseUrl,
            poolSize: options.poolSize,
            logger: options.queryCounter,
            queryTimeoutMs: options.embedded ? 0 : options.config.GRAPHQL_TIMEOUT_MS + 5_000,
            statementTimeoutMs: options.config.GRAPHQL_TIMEOUT_MS,
          }),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        graphqlModule(),
        HealthModule,
        OrganisationsModule,
        LocationsModule,
        ServicesModule,
        AreasModule,
        NetworkModule,
        PartnersModule,
        FieldsOfActionModule,
        InteropModule,
        CoverageModule,
        AccountsModule,
        EditingModule,
        EvaluationModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: GraphqlExceptionFilter },
      ],
    };
  }
}
