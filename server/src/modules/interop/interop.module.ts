import { Module } from '@nestjs/common';
import { FieldsOfActionModule } from '../fields-of-action/fields-of-action.module';
import { LocationsModule } from '../locations/locations.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ServicesModule } from '../services/services.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';
import { HsdsController } from './hsds/hsds.controller';
import { HsdsService } from './hsds/hsds.service';

/** Data exchange: Open Referral HSDS 3.1 read API and exports (HSDS JSON and data package, CSV, GeoJSON). */
@Module({
  imports: [OrganisationsModule, ServicesModule, LocationsModule, FieldsOfActionModule],
  controllers: [HsdsController, ExportController],
  providers: [HsdsService, ExportService],
  exports: [HsdsService, ExportService],
})
export class InteropModule {}
