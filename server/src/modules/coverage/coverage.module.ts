import { Module } from '@nestjs/common';
import { FieldsOfActionModule } from '../fields-of-action/fields-of-action.module';
import { CoverageResolver, CoverageUnitFieldsResolver } from './coverage.resolver';
import { CoverageService } from './coverage.service';

@Module({
  imports: [FieldsOfActionModule],
  providers: [CoverageService, CoverageResolver, CoverageUnitFieldsResolver],
  exports: [CoverageService],
})
export class CoverageModule {}
