import { Module } from '@nestjs/common';
import { LocationsService } from './locations.service';
import { LocationFieldsResolver } from './location-fields.resolver';

@Module({ providers: [LocationsService, LocationFieldsResolver], exports: [LocationsService] })
export class LocationsModule {}
