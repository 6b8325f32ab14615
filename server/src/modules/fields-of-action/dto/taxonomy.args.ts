import { ArgsType, Field } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@ArgsType()
export class TaxonomyArgs {
  @Field(() => String, { nullable: true, description: 'Taxonomy id, e.g. "ratsantrag" (default taxonomy) or "integrationskonzept-2008".' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  taxonomy?: string;
}
