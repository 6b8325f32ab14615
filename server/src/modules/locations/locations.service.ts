import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Location, Schedule } from './dto/location.model';

const LOCATION_COLUMNS = `l.id, l.organisation_id AS "organisationId", l.name, l.street, l.postcode, l.city,
  ST_Y(l.geom::geometry) AS latitude, ST_X(l.geom::geometry) AS longitude, l.accessibility, l.area_id AS "areaId", l.version`;

const SCHEDULE_COLUMNS = `s.id, s.byday, to_char(s.opens_at, 'HH24:MI') AS "opensAt", to_char(s.closes_at, 'HH24:MI') AS "closesAt",
  s.description, s.location_id AS "locationId", s.service_id AS "serviceId"`;

const BYDAY_ORDER = `array_position(ARRAY['MO','TU','WE','TH','FR','SA','SU']::weekday[], s.byday)`;

@Injectable()
export class LocationsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  byOrganisationIds(ids: string[]): Promise<Location[]> {
    return this.ds.query(
      `SELECT ${LOCATION_COLUMNS} FROM location l WHERE l.organisation_id = ANY($1::uuid[]) ORDER BY l.created_at, l.id`,
      [ids],
    );
  }

  /**
   * Locations with their schedules folded in (one statement instead of two round trips); the loaders prime the
   * schedule loader with them.
   */
  byOrganisationIdsWithSchedules(ids: string[]): Promise<(Location & { schedules: Schedule[] })[]> {
    return this.ds.query(
      `SELECT ${LOCATION_COLUMNS},
              COALESCE((SELECT json_agg(x) FROM (SELECT ${SCHEDULE_COLUMNS} FROM schedule s WHERE s.location_id = l.id
                                                  ORDER BY ${BYDAY_ORDER}, s.opens_at) x), '[]'::json) AS schedules
         FROM location l WHERE l.organisation_id = ANY($1::uuid[]) ORDER BY l.created_at, l.id`,
      [ids],
    );
  }

  /** Locations of services (service at location), tagged with the service id. */
  byServiceIds(ids: string[]): Promise<(Location & { serviceId: string })[]> {
    return this.ds.query(
      `SELECT ${LOCATION_COLUMNS}, sal.service_id AS "serviceId"
         FROM service_at_location sal JOIN location l ON l.id = sal.location_id
        WHERE sal.service_id = ANY($1::uuid[]) ORDER BY l.created_at, l.id`,
      [ids],
    );
  }

  schedulesByLocationIds(ids: string[]): Promise<Schedule[]> {
    return this.ds.query(
      `SELECT ${SCHEDULE_COLUMNS} FROM schedule s WHERE s.location_id = ANY($1::uuid[]) ORDER BY ${BYDAY_ORDER}, s.opens_at`,
      [ids],
    );
  }
}
