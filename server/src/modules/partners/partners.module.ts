import { Module } from '@nestjs/common';
import { FieldsOfActionModule } from '../fields-of-action/fields-of-action.module';
import { PartnersResolver } from './partners.resolver';
import { PartnersService } from './partners.service';

@Module({ imports: [FieldsOfActionModule], providers: [PartnersService, PartnersResolver], exports: [PartnersService] })
export class PartnersModule {}
