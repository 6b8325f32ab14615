import { Module } from '@nestjs/common';
import { FieldsOfActionModule } from '../fields-of-action/fields-of-action.module';
import { OrganisationConnectionResolver, OrganisationsResolver } from './organisations.resolver';
import { OrganisationsService } from './organisations.service';

@Module({
  imports: [FieldsOfActionModule],
  providers: [OrganisationsService, OrganisationsResolver, OrganisationConnectionResolver],
  exports: [OrganisationsService],
})
export class OrganisationsModule {}
