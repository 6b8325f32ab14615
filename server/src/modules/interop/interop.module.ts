import { Module } from '@nestjs/common';
import { AreasModule } from '../areas/areas.module';
import { CoverageModule } from '../coverage/coverage.module';
import { FieldsOfActionModule } from '../fields-of-action/fields-of-action.module';
import { LocationsModule } from '../locations/locations.module';
import { NetworkModule } from '../network/network.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { ServicesModule } from '../services/services.module';
import { ExportController } from './export.controller';
import { ExportService } from './export.service';
import { HsdsController } from './hsds/hsds.controller';
import { HsdsService } from './hsds/hsds.service';
import { GeocoderService } from './geocoding/geocoder.service';
import { GeocodingResolver } from './geocoding/geocoding.resolver';
import { ImportResolver } from './import/import.resolver';
import { ImportService } from './import/import.service';

/** Data exchange: Open Referral HSDS 3.1 read API, exports (HSDS JSON and data package, CSV, GeoJSON of places and coverage), imports and the optional geocoder. */
@Module({
  imports: [OrganisationsModule, ServicesModule, LocationsModule, FieldsOfActionModule, NetworkModule, AreasModule, CoverageModule],
  controllers: [HsdsController, ExportController],
  providers: [HsdsService, ExportService, ImportService, ImportResolver, GeocoderService, GeocodingResolver],
  exports: [HsdsService, ExportService, ImportService, GeocoderService],
})
export class InteropModule {}
