import { Module } from '@nestjs/common';
import { CoverageModule } from '../coverage/coverage.module';
import { FieldsOfActionModule } from '../fields-of-action/fields-of-action.module';
import { NetworkModule } from '../network/network.module';
import {
  EvaluationPeriodFieldsResolver,
  EvaluationResolver,
  EvaluationSnapshotFieldsResolver,
  GuidingGoalFieldsResolver,
} from './evaluation.resolver';
import { EvaluationService } from './evaluation.service';

/** Guiding goals, evaluation snapshots and their comparison, the re-confirmation cycle. */
@Module({
  imports: [FieldsOfActionModule, CoverageModule, NetworkModule],
  providers: [
    EvaluationService,
    EvaluationResolver,
    GuidingGoalFieldsResolver,
    EvaluationSnapshotFieldsResolver,
    EvaluationPeriodFieldsResolver,
  ],
  exports: [EvaluationService],
})
export class EvaluationModule {}
