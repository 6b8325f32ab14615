import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PublicationStatus } from '@partneratlas/shared';
import { Service } from './dto/service.model';

const SERVICE_COLUMNS = `s.id, s.organisation_id AS "organisationId", s.name, s.description, s.languages, s.fees, s.free,
  s.eligibility, s.attending_access::text[] AS "attendingAccess", s.capacity, s.version`;

@Injectable()
export class ServicesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Published services of the given organisations, with their term codes (the loaders prime the term loader). */
  byOrganisationIds(ids: string[]): Promise<(Service & { termCodes: string[] })[]> {
    return this.ds.query(
      `SELECT ${SERVICE_COLUMNS},
              ARRAY(SELECT st.term_code FROM service_taxonomy_term st WHERE st.service_id = s.id ORDER BY st.term_code) AS "termCodes"
         FROM service s WHERE s.organisation_id = ANY($1::uuid[]) AND s.status = $2 ORDER BY s.name, s.id`,
      [ids, PublicationStatus.PUBLISHED],
    );
  }

  /** A page of published services of published organisations, by name; with the total. */
  async page(offset: number, limit: number, organisationId?: string): Promise<{ services: Service[]; total: number }> {
    const rows: (Service & { total: string })[] = await this.ds.query(
      `SELECT ${SERVICE_COLUMNS}, count(*) OVER () AS total
         FROM service s JOIN organization o ON o.id = s.organisation_id AND o.status = $1
        WHERE s.status = $1 AND ($4::uuid IS NULL OR s.organisation_id = $4)
        ORDER BY s.name, s.id LIMIT $2 OFFSET $3`,
      [PublicationStatus.PUBLISHED, limit, offset, organisationId ?? null],
    );
    let total = rows.length ? Number(rows[0].total) : 0;
    if (!rows.length && offset > 0) {
      const [c] = await this.ds.query(
        `SELECT count(*)::int AS n FROM service s JOIN organization o ON o.id = s.organisation_id AND o.status = $1
          WHERE s.status = $1 AND ($2::uuid IS NULL OR s.organisation_id = $2)`,
        [PublicationStatus.PUBLISHED, organisationId ?? null],
      );
      total = c.n;
    }
    return { services: rows.map(({ total: _t, ...s }) => s), total };
  }

  /** Published services (of published organisations) with the given ids. */
  publishedByIds(ids: string[]): Promise<Service[]> {
    return this.ds.query(
      `SELECT ${SERVICE_COLUMNS} FROM service s JOIN organization o ON o.id = s.organisation_id AND o.status = $2
        WHERE s.id = ANY($1::uuid[]) AND s.status = $2`,
      [ids, PublicationStatus.PUBLISHED],
    );
  }

  /** Published services at published organisations' locations, optionally by postcode and/or within metres of a point. */
  async atLocations(
    query: { postcode?: string; near?: { lat: number; lng: number; meters: number } },
    offset: number,
    limit: number,
  ): Promise<{ rows: { serviceId: string; locationId: string; distanceMeters: number | null }[]; total: number }> {
    const near = query.near;
    const rows: { serviceId: string; locationId: string; distanceMeters: number | null; total: string }[] = await this.ds.query(
      `SELECT sal.service_id AS "serviceId", sal.location_id AS "locationId",
              CASE WHEN $4::float8 IS NULL THEN NULL
                   ELSE ST_Distance(l.geom, ST_SetSRID(ST_MakePoint($5::float8, $4::float8), 4326)::geography) END AS "distanceMeters",
              count(*) OVER () AS total
         FROM service_at_location sal
         JOIN service s ON s.id = sal.service_id AND s.status = $1
         JOIN organization o ON o.id = s.organisation_id AND o.status = $1
         JOIN location l ON l.id = sal.location_id
        WHERE ($2::text IS NULL OR l.postcode = $2)
          AND ($4::float8 IS NULL OR ST_DWithin(l.geom, ST_SetSRID(ST_MakePoint($5::float8, $4::float8), 4326)::geography, $6::float8))
        ORDER BY "distanceMeters" NULLS LAST, s.name, sal.service_id, sal.location_id
        LIMIT $3 OFFSET $7`,
      [PublicationStatus.PUBLISHED, query.postcode ?? null, limit, near?.lat ?? null, near?.lng ?? null, near?.meters ?? null, offset],
    );
    return {
      rows: rows.map((r) => ({
        serviceId: r.serviceId,
        locationId: r.locationId,
        distanceMeters: r.distanceMeters === null ? null : Number(r.distanceMeters),
      })),
      total: rows.length ? Number(rows[0].total) : 0,
    };
  }

  termCodesByServiceIds(ids: string[]): Promise<{ serviceId: string; termCode: string }[]> {
    return this.ds.query(
      `SELECT st.service_id AS "serviceId", st.term_code AS "termCode" FROM service_taxonomy_term st
        WHERE st.service_id = ANY($1::uuid[]) ORDER BY st.service_id, st.term_code`,
      [ids],
    );
  }
}
