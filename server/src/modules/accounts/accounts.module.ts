import { Module } from '@nestjs/common';
import { AccountsResolver } from './accounts.resolver';
import { SessionService } from './session.service';
import { UsersService } from './users.service';

@Module({
  providers: [SessionService, UsersService, AccountsResolver],
  exports: [SessionService, UsersService],
})
export class AccountsModule {}
