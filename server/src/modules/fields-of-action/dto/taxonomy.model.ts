import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TaxonomyKind } from '@partneratlas/shared';
import '../../../common/graphql/enums';

@ObjectType({ description: 'A vocabulary of terms (HSDS taxonomy).' })
export class Taxonomy {
  @Field(() => ID)
  id: string;

  @Field(() => TaxonomyKind)
  kind: TaxonomyKind;

  @Field()
  nameDe: string;

  @Field()
  nameEn: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  source: string | null;
}

@ObjectType({ description: 'A field of action (Handlungsfeld): a term of a field-of-action taxonomy.' })
export class FieldOfAction {
  @Field()
  code: string;

  @Field()
  taxonomyId: string;

  @Field()
  nameDe: string;

  @Field()
  nameEn: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  parentCode: string | null;

  @Field({ description: 'false for city-wide fields that are not bound to a place.' })
  spatial: boolean;

  @Field(() => Int)
  sortOrder: number;
}

@ObjectType({ description: 'A target group a service is meant for.' })
export class TargetGroup {
  @Field()
  code: string;

  @Field()
  nameDe: string;

  @Field()
  nameEn: string;

  @Field(() => String, { nullable: true })
  description: string | null;

  @Field(() => String, { nullable: true })
  parentCode: string | null;

  @Field(() => Int)
  sortOrder: number;
}
