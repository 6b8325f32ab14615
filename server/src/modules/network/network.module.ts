import { Module } from '@nestjs/common';
import { NetworkMembershipFieldsResolver, NetworkResolver, RelationshipFieldsResolver } from './network.resolver';
import { NetworkService } from './network.service';

@Module({
  providers: [NetworkService, NetworkResolver, NetworkMembershipFieldsResolver, RelationshipFieldsResolver],
  exports: [NetworkService],
})
export class NetworkModule {}
