import { Module } from '@nestjs/common';
import { FieldsOfActionResolver } from './fields-of-action.resolver';
import { FieldsOfActionService } from './fields-of-action.service';

@Module({ providers: [FieldsOfActionService, FieldsOfActionResolver], exports: [FieldsOfActionService] })
export class FieldsOfActionModule {}
