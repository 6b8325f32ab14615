import { Module } from '@nestjs/common';
import { FieldsOfActionModule } from '../fields-of-action/fields-of-action.module';
import { CoverageResultCache } from './coverage-cache';
import { CoverageResolver, CoverageUnitFieldsResolver } from './coverage.resolver';
import { CoverageService } from './coverage.service';

@Module({
  imports: [FieldsOfActionModule],
  providers: [CoverageService, CoverageResultCache, CoverageResolver, CoverageUnitFieldsResolver],
  exports: [CoverageService],
})
export class CoverageModule {}
