import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ISO_639_1_CODES, LIMITS } from '@partneratlas/shared';

/**
 * Optional list arguments shared by the directory, network, partner and coverage inputs: one place
 * for the GraphQL type, the list bound and the per-item validation with its message.
 * `path` names the argument in error messages (e.g. "need.languages").
 */
const bound = (path: string) => ArrayMaxSize(LIMITS.filterListMax, { message: `${path} may list at most ${LIMITS.filterListMax} values` });

/** Taxonomy codes (fields of action, target groups); existence is checked by the service. */
export const CodeListField = (path: string, description: string) =>
  applyDecorators(
    Field(() => [String], { nullable: true, description }),
    IsOptional(),
    bound(path),
    IsString({ each: true }),
    MaxLength(100, { each: true }),
  );

/** ISO 639-1 language codes. */
export const LanguageListField = (path: string, description = 'ISO 639-1 language codes, e.g. "ar".') =>
  applyDecorators(
    Field(() => [String], { nullable: true, description }),
    IsOptional(),
    bound(path),
    IsIn(ISO_639_1_CODES as string[], { each: true, message: 'languages must be ISO 639-1 codes such as "de" or "ar"' }),
  );

/** UUIDs of other objects; `what` completes the message "<path> must be <what> ids (UUIDs)". */
export const IdListField = (path: string, what: string, description: string) =>
  applyDecorators(
    Field(() => [ID], { nullable: true, description }),
    IsOptional(),
    bound(path),
    IsUUID('all', { each: true, message: `${path} must be ${what} ids (UUIDs)` }),
  );

/** Values of a registered GraphQL enum. */
export const EnumListField = (path: string, enumType: object, description?: string) =>
  applyDecorators(
    Field(() => [enumType], { nullable: true, description }),
    IsOptional(),
    bound(path),
    IsEnum(enumType, { each: true }),
  );
