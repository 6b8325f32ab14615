import { applyDecorators } from '@nestjs/common';
import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { LIMITS } from '@partneratlas/shared';
import { CodeListField } from '../../../common/list-fields';

export const EVALUATION_LIMITS = {
  titleMaxLength: LIMITS.nameMaxLength,
  periodMaxLength: 50,
  sourceMaxLength: 1000,
  urlMaxLength: 500,
} as const;

const URL_PATTERN = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** Optional text: null clears, absent leaves unchanged. */
const Text = (path: string, max: number, description?: string) =>
  applyDecorators(
    Field(() => String, { nullable: true, description }),
    IsOptional(),
    IsString({ message: `${path} must be text` }),
    MaxLength(max, { message: `${path} must be at most ${max} characters` }),
  );

const Title = (path: string, required: boolean) =>
  applyDecorators(
    Field(() => String, { nullable: !required }),
    ...(required ? [] : [IsOptional()]),
    IsString({ message: `${path} must be text` }),
    MinLength(1, { message: `${path} must not be empty` }),
    MaxLength(EVALUATION_LIMITS.titleMaxLength, { message: `${path} must be at most ${EVALUATION_LIMITS.titleMaxLength} characters` }),
  );

const SourceUrl = (path: string) =>
  applyDecorators(
    Text(path, EVALUATION_LIMITS.urlMaxLength, 'http(s) address of the source.'),
    Matches(URL_PATTERN, { message: `${path} must be an http(s) address` }),
  );

const SortOrder = () =>
  applyDecorators(
    Field(() => Int, { nullable: true }),
    IsOptional(),
    IsInt({ message: 'sortOrder must be a whole number' }),
    Min(0),
    Max(10_000),
  );

@InputType({ description: 'A new guiding goal.' })
export class CreateGuidingGoalInput {
  @Title('input.title', true)
  title: string;

  @Text('input.description', LIMITS.longTextMaxLength)
  description?: string | null;

  @Text('input.period', EVALUATION_LIMITS.periodMaxLength, 'Free text, e.g. "2024–2026".')
  period?: string | null;

  @Text('input.source', EVALUATION_LIMITS.sourceMaxLength, 'Where the goal comes from (attribution).')
  source?: string | null;

  @SourceUrl('input.sourceUrl')
  sourceUrl?: string | null;

  @CodeListField('fieldsOfAction', 'Field-of-action codes the goal relates to.')
  fieldsOfAction?: string[];

  @SortOrder()
  sortOrder?: number | null;
}

@InputType({ description: 'Fields left out stay unchanged; null clears. fieldsOfAction replaces the links.' })
export class UpdateGuidingGoalInput {
  @Title('input.title', false)
  title?: string;

  @Text('input.description', LIMITS.longTextMaxLength)
  description?: string | null;

  @Text('input.period', EVALUATION_LIMITS.periodMaxLength)
  period?: string | null;

  @Text('input.source', EVALUATION_LIMITS.sourceMaxLength)
  source?: string | null;

  @SourceUrl('input.sourceUrl')
  sourceUrl?: string | null;

  @CodeListField('fieldsOfAction', 'Field-of-action codes; replaces the links.')
  fieldsOfAction?: string[];

  @SortOrder()
  sortOrder?: number | null;
}

@ArgsType()
export class CreateGuidingGoalArgs {
  @Field(() => CreateGuidingGoalInput)
  @ValidateNested()
  @Type(() => CreateGuidingGoalInput)
  input: CreateGuidingGoalInput;
}

@ArgsType()
export class EvaluationIdArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id (UUID)' })
  id: string;
}

@ArgsType()
export class VersionedGoalArgs extends EvaluationIdArgs {
  @Field(() => Int, { description: 'The version the edit is based on; a stale one gets CONFLICT with the current version.' })
  @IsInt()
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  expectedVersion: number;
}

@ArgsType()
export class UpdateGuidingGoalArgs extends VersionedGoalArgs {
  @Field(() => UpdateGuidingGoalInput)
  @ValidateNested()
  @Type(() => UpdateGuidingGoalInput)
  input: UpdateGuidingGoalInput;
}

@InputType({ description: 'A new snapshot: a title (e.g. "Evaluation 2026") and its reference date.' })
export class CreateEvaluationSnapshotInput {
  @Title('input.title', true)
  title: string;

  @Field({ description: 'Reference date, ISO YYYY-MM-DD, not in the future.' })
  @IsISO8601({ strict: true }, { message: 'input.date must be an ISO date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'input.date must be an ISO date (YYYY-MM-DD)' })
  date: string;
}

@ArgsType()
export class CreateEvaluationSnapshotArgs {
  @Field(() => CreateEvaluationSnapshotInput)
  @ValidateNested()
  @Type(() => CreateEvaluationSnapshotInput)
  input: CreateEvaluationSnapshotInput;
}

@ArgsType()
export class CompareEvaluationSnapshotsArgs {
  @Field(() => ID, { description: 'The earlier snapshot.' })
  @IsUUID('all', { message: 'fromId must be a snapshot id (UUID)' })
  fromId: string;

  @Field(() => ID, { description: 'The later snapshot.' })
  @IsUUID('all', { message: 'toId must be a snapshot id (UUID)' })
  toId: string;
}
