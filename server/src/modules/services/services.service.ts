import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PublicationStatus } from '@partneratlas/shared';
import { Service } from './dto/service.model';

const SERVICE_COLUMNS = `s.id, s.organisation_id AS "organisationId", s.name, s.description, s.languages, s.fees, s.free,
  s.eligibility, s.attending_access::text[] AS "attendingAccess", s.capacity`;

@Injectable()
export class ServicesService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** Published services of the given organisations. */
  byOrganisationIds(ids: string[]): Promise<Service[]> {
    return this.ds.query(
      `SELECT ${SERVICE_COLUMNS} FROM service s WHERE s.organisation_id = ANY($1::uuid[]) AND s.status = $2 ORDER BY s.name, s.id`,
      [ids, PublicationStatus.PUBLISHED],
    );
  }

  termCodesByServiceIds(ids: string[]): Promise<{ serviceId: string; termCode: string }[]> {
    return this.ds.query(
      `SELECT st.service_id AS "serviceId", st.term_code AS "termCode" FROM service_taxonomy_term st WHERE st.service_id = ANY($1::uuid[])`,
      [ids],
    );
  }
}
