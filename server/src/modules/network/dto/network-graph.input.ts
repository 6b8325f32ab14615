import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { CodeListField, EnumListField, IdListField } from '../../../common/list-fields';
import { ArrayMaxSize, IsBoolean, IsEnum, IsIn, IsISO8601, IsOptional, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { OrganisationKind, RelationshipType } from '@partneratlas/shared';
import '../../../common/graphql/enums';

@InputType({
  description:
    'Which organisations and relationships form the network. Organisation filters select the nodes; relationships count only between ' +
    'selected organisations and only when valid at `date` (validFrom ≤ date ≤ validTo, open ends allowed).',
})
export class NetworkFilter {
  @CodeListField('fieldsOfAction', 'Field-of-action codes; a parent code matches its descendants.')
  fieldsOfAction?: string[];

  @EnumListField('kinds', OrganisationKind)
  kinds?: OrganisationKind[];

  @Field(() => [RelationshipType], { nullable: true, description: 'Relationship types that count as edges (default: all).' })
  @IsOptional()
  @ArrayMaxSize(10, { message: 'relationshipTypes may list at most 10 values' })
  @IsEnum(RelationshipType, { each: true })
  relationshipTypes?: RelationshipType[];

  @IdListField('networkIds', 'network', 'Only members of one of these networks (membership valid at `date`).')
  networkIds?: string[];

  @IdListField('areaIds', 'area', 'Only organisations with a location in one of these areas.')
  areaIds?: string[];

  @Field(() => String, {
    nullable: true,
    description: 'ISO date (YYYY-MM-DD) at which relationships and memberships count; default today.',
  })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'date must be an ISO date (YYYY-MM-DD)' })
  @MaxLength(10, { message: 'date must be an ISO date (YYYY-MM-DD)' })
  date?: string;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'Include fictional example entries.' })
  @IsOptional()
  @IsBoolean()
  includeDemo?: boolean;
}

@ArgsType()
export class NetworkGraphArgs {
  @Field(() => NetworkFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => NetworkFilter)
  filter?: NetworkFilter;
}

@ArgsType()
export class EgoNetworkArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'organisationId must be an organisation id (UUID)' })
  organisationId: string;

  @Field(() => Int, { defaultValue: 1, description: 'Steps from the organisation: 1 or 2.' })
  @IsIn([1, 2], { message: 'depth must be 1 or 2' })
  depth: number = 1;

  @Field(() => NetworkFilter, {
    nullable: true,
    description: 'Relationship types, date and organisation filters; the centre always stays.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => NetworkFilter)
  filter?: NetworkFilter;
}
