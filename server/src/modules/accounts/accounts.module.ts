import { Module } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { OrganisationsModule } from '../organisations/organisations.module';
import { AccountLoaderFactory } from './accounts.loaders';
import { AccountsResolver } from './accounts.resolver';
import { InvitationFieldsResolver, InvitationsResolver } from './invitations.resolver';
import { InvitationsService } from './invitations.service';
import { createMailTransport, MAIL_TRANSPORT } from './mail/mail-transport';
import { SessionService } from './session.service';
import { UserFieldsResolver, UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [OrganisationsModule],
  providers: [
    { provide: MAIL_TRANSPORT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createMailTransport(config) },
    SessionService,
    UsersService,
    InvitationsService,
    AccountLoaderFactory,
    AccountsResolver,
    UsersResolver,
    UserFieldsResolver,
    InvitationsResolver,
    InvitationFieldsResolver,
  ],
  exports: [SessionService, UsersService, MAIL_TRANSPORT],
})
export class AccountsModule {}
