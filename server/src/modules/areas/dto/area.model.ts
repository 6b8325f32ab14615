import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import GraphQLJSON from 'graphql-type-json';
import { AreaKind } from '@partneratlas/shared';
import type { Geometry, Point } from '@partneratlas/shared';
import { GeoJSONScalar } from '../../../graphql/scalars/geojson.scalar';
import '../../../common/graphql/enums';

@ObjectType({ description: 'Yearly statistics of an area. Every figure is null when it is not known.' })
export class AreaStatistic {
  @Field(() => Int)
  year: number;

  @Field(() => String, { nullable: true, description: 'ISO date the figures refer to.' })
  referenceDate: string | null;

  @Field(() => Int, { nullable: true })
  population: number | null;

  @Field(() => Int, { nullable: true })
  foreignNationals: number | null;

  @Field(() => Int, { nullable: true })
  migrationBackground: number | null;

  @Field(() => String, { nullable: true, description: 'What the population figure counts.' })
  definition: string | null;

  @Field(() => String, { nullable: true })
  source: string | null;
}

@ObjectType({ description: 'A city, district, grid cell or imported area.' })
export class Area {
  @Field(() => ID)
  id: string;

  @Field(() => AreaKind)
  kind: AreaKind;

  @Field()
  name: string;

  @Field()
  code: string;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  @Field(() => GeoJSONScalar, { nullable: true, description: 'A published representative point (not a centroid).' })
  point: Point | null;

  @Field(() => GraphQLJSON, { description: 'Further published facts (Ortschaft, area in km², postcodes, notes).' })
  properties: Record<string, unknown>;

  @Field(() => String, { nullable: true })
  source: string | null;

  @Field(() => String, { nullable: true, description: 'Attribution required by the data source.' })
  attribution: string | null;

  /** resolved by AreaFieldsResolver */
  geometry?: Geometry | null;
}
