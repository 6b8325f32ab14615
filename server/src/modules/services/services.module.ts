import { Module } from '@nestjs/common';
import { ServicesService } from './services.service';
import { ServiceFieldsResolver } from './service-fields.resolver';

@Module({ providers: [ServicesService, ServiceFieldsResolver], exports: [ServicesService] })
export class ServicesModule {}
