import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { LIMITS } from '@partneratlas/shared';
import { ImportKind } from '../import.types';
import './import.enums';

@InputType({ description: 'One file: its text (`content`) or its bytes as base64 (`base64`, e.g. a Windows-1252 spreadsheet).' })
export class ImportFileInput {
  @Field({ description: 'File name, e.g. organisationen.csv or services.csv (data packages: the names of datapackage.json).' })
  @IsString()
  @MaxLength(200, { message: 'files.name must be at most 200 characters' })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  content?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  base64?: string | null;
}

@InputType({ description: 'An import: every import is checked first; dryRun (default) only reports, false writes all or nothing.' })
export class StartImportInput {
  @Field(() => ImportKind)
  @IsEnum(ImportKind)
  format: ImportKind;

  @Field(() => String, { nullable: true, description: 'One file as text (shortcut for files: [{ name, content }]).' })
  @IsOptional()
  @IsString()
  content?: string | null;

  @Field(() => String, { nullable: true, description: 'One file as base64 (shortcut for files: [{ name, base64 }]).' })
  @IsOptional()
  @IsString()
  base64?: string | null;

  @Field(() => String, { nullable: true, description: 'Name of the single file given as content or base64.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  fileName?: string | null;

  @Field(() => [ImportFileInput], { nullable: true, description: 'Several files (HSDS data package; CSV organisations + services).' })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'files may list at most 20 files' })
  @ValidateNested({ each: true })
  @Type(() => ImportFileInput)
  files?: ImportFileInput[] | null;

  @Field({ defaultValue: true, description: 'Only check and report what would happen (default).' })
  @IsBoolean()
  dryRun: boolean = true;

  @Field({ defaultValue: false, description: 'New organisations are published at once (else drafts).' })
  @IsBoolean()
  publish: boolean = false;

  @Field({ defaultValue: true, description: 'Leave out rows that duplicate an existing entry (same name, or similar name within 100 m).' })
  @IsBoolean()
  skipDuplicates: boolean = true;

  @Field({
    defaultValue: false,
    description:
      'Look up coordinates for locations without them at the configured geocoder (refused without one). A dry run asks the geocoder; an apply uses the lookups of its dry run (dryRunJobId).',
  })
  @IsBoolean()
  geocode: boolean = false;

  @Field(() => ID, { nullable: true, description: 'Apply with geocode: the dry run whose lookups are written.' })
  @IsOptional()
  @IsUUID('all', { message: 'dryRunJobId must be an id (UUID)' })
  dryRunJobId?: string | null;
}

@ArgsType()
export class ImportJobArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id (UUID)' })
  id: string;
}

@ArgsType()
export class ImportJobsArgs {
  @Field(() => Int, { defaultValue: LIMITS.pageSizeDefault })
  @IsInt()
  @Min(1)
  @Max(LIMITS.pageSizeMax, { message: `first must be at most ${LIMITS.pageSizeMax}` })
  first: number = LIMITS.pageSizeDefault;
}
