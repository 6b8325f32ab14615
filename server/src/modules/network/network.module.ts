import { Module } from '@nestjs/common';
import { NetworkMembershipFieldsResolver, NetworkResolver, RelationshipFieldsResolver } from './network.resolver';
import { FieldsOfActionModule } from '../fields-of-action/fields-of-action.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { NetworkGraphService } from './network-graph.service';
import { NetworkService } from './network.service';

@Module({
  imports: [FieldsOfActionModule, OrganisationsModule],
  providers: [NetworkService, NetworkGraphService, NetworkResolver, NetworkMembershipFieldsResolver, RelationshipFieldsResolver],
  exports: [NetworkService, NetworkGraphService],
})
export class NetworkModule {}
