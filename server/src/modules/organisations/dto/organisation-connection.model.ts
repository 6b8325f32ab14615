import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { OrganisationKind } from '@partneratlas/shared';
import { PageInfo } from '../../../common/pagination';
import { Organisation } from './organisation.model';
import { OrganisationFilter } from './organisation-filter.input';

@ObjectType()
export class CodeCount {
  @Field()
  code: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class ValueCount {
  @Field()
  value: string;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class KindCount {
  @Field(() => OrganisationKind)
  value: OrganisationKind;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class AreaCount {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Counts of organisations in the filtered set, per value (an organisation counts once per value).' })
export class OrganisationFacets {
  @Field(() => [CodeCount], { description: 'Per field of action; a parent counts organisations with any descendant.' })
  fieldsOfAction: CodeCount[];

  @Field(() => [KindCount])
  kinds: KindCount[];

  @Field(() => [ValueCount], { description: 'Per ISO 639-1 language.' })
  languages: ValueCount[];

  @Field(() => [CodeCount])
  targetGroups: CodeCount[];

  @Field(() => [AreaCount], { description: 'Per district (area) of the organisations’ locations.' })
  areas: AreaCount[];
}

@ObjectType()
export class OrganisationConnection {
  @Field(() => Int)
  totalCount: number;

  @Field(() => [Organisation])
  nodes: Organisation[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;

  /** The filter, kept for the facets field resolver. */
  filter: OrganisationFilter;
}

@ObjectType({ description: 'One located place of an organisation, for drawing the map (all matches, not paged).' })
export class OrganisationMarker {
  @Field(() => ID)
  organisationId: string;

  @Field(() => ID)
  locationId: string;

  @Field(() => Float)
  lat: number;

  @Field(() => Float)
  lng: number;

  @Field()
  name: string;

  @Field(() => OrganisationKind)
  kind: OrganisationKind;

  @Field()
  isDemo: boolean;

  @Field()
  verified: boolean;

  @Field(() => String, { nullable: true, description: 'ISO date the entry was last confirmed.' })
  lastConfirmedAt: string | null;

  @Field({ description: 'Not confirmed for 12 months (or never): the map shows it faded and says why.' })
  stale: boolean;
}

@ObjectType()
export class OrganisationMarkers {
  @Field(() => Int, { description: 'Matching organisations (with or without coordinates).' })
  organisationCount: number;

  @Field(() => Int, { description: 'Matching organisations that have no known coordinates (not on the map).' })
  unmappedCount: number;

  @Field(() => [OrganisationMarker])
  markers: OrganisationMarker[];

  @Field({ description: 'True when there were more markers than the limit.' })
  truncated: boolean;
}
