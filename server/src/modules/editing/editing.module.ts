import { Module } from '@nestjs/common';
import { EditingResolver, OrganisationEditingFieldsResolver } from './editing.resolver';
import { EditingService } from './editing.service';
import { ReviewService } from './review.service';

@Module({
  providers: [EditingService, ReviewService, EditingResolver, OrganisationEditingFieldsResolver],
  exports: [EditingService, ReviewService],
})
export class EditingModule {}
