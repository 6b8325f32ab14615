import { Field, Int, Float, ID, ObjectType } from '@nestjs/graphql';
import { Weekday } from '@partneratlas/shared';
import '../../../common/graphql/enums';

@ObjectType({ description: 'One weekly opening-hours row (HSDS schedule).' })
export class Schedule {
  @Field(() => ID)
  id: string;

  @Field(() => Weekday)
  byday: Weekday;

  @Field(() => String, { nullable: true, description: 'HH:MM' })
  opensAt: string | null;

  @Field(() => String, { nullable: true, description: 'HH:MM' })
  closesAt: string | null;

  @Field(() => String, { nullable: true })
  description: string | null;

  locationId: string | null;
  serviceId: string | null;
}

@ObjectType({ description: 'A place where an organisation works (HSDS location with address).' })
export class Location {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  organisationId: string;

  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => String, { nullable: true })
  street: string | null;

  @Field(() => String, { nullable: true })
  postcode: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS84 latitude; null when the coordinates are not known.' })
  latitude: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS84 longitude; null when the coordinates are not known.' })
  longitude: number | null;

  @Field(() => String, { nullable: true })
  accessibility: string | null;

  @Field(() => ID, { nullable: true })
  areaId: string | null;

  @Field(() => Int, { description: 'Optimistic-concurrency version: pass it as expectedVersion when editing.' })
  version: number;
}
