import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PublicationStatus } from '@partneratlas/shared';
import { Network, NetworkMembership, Relationship } from './dto/network.model';

const NETWORK_COLUMNS = `n.id, n.name, n.description, n.website, n.is_demo AS "isDemo", n.source_note AS "sourceNote",
  (SELECT count(*)::int FROM network_membership m JOIN organization o ON o.id = m.organisation_id
    WHERE m.network_id = n.id AND o.status = '${PublicationStatus.PUBLISHED}' AND (m.until IS NULL OR m.until >= current_date)) AS "memberCount"`;

const MEMBERSHIP_COLUMNS = `m.id, m.network_id AS "networkId", m.organisation_id AS "organisationId", m.role,
  to_char(m.since, 'YYYY-MM-DD') AS since, to_char(m.until, 'YYYY-MM-DD') AS until, m.version`;

const RELATIONSHIP_COLUMNS = `r.id, r.type, r.source_organisation_id AS "sourceOrganisationId", r.target_organisation_id AS "targetOrganisationId",
  to_char(r.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(r.valid_to, 'YYYY-MM-DD') AS "validTo",
  r.field_of_action_code AS "fieldOfActionCode", r.note, r.version`;

@Injectable()
export class NetworkService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  networks(): Promise<Network[]> {
    return this.ds.query(`SELECT ${NETWORK_COLUMNS} FROM network n ORDER BY n.name`);
  }

  byIds(ids: string[]): Promise<Network[]> {
    return this.ds.query(`SELECT ${NETWORK_COLUMNS} FROM network n WHERE n.id = ANY($1::uuid[])`, [ids]);
  }

  /** Memberships with their network folded in (the loaders prime the network loader with it). */
  membershipsByOrganisationIds(ids: string[]): Promise<(NetworkMembership & { network: Network })[]> {
    return this.ds.query(
      `SELECT ${MEMBERSHIP_COLUMNS}, (SELECT row_to_json(x) FROM (SELECT ${NETWORK_COLUMNS} FROM network n WHERE n.id = m.network_id) x) AS network
         FROM network_membership m WHERE m.organisation_id = ANY($1::uuid[]) ORDER BY m.since NULLS LAST, m.id`,
      [ids],
    );
  }

  /** Relationships in which the organisations take part (either end), only between published organisations. */
  relationshipsByOrganisationIds(ids: string[]): Promise<(Relationship & { organisationId: string })[]> {
    return this.ds.query(
      `SELECT ${RELATIONSHIP_COLUMNS}, x.org AS "organisationId"
         FROM organisation_relationship r
         JOIN LATERAL (VALUES (r.source_organisation_id), (r.target_organisation_id)) x(org) ON x.org = ANY($1::uuid[])
         JOIN organization s ON s.id = r.source_organisation_id AND s.status = $2
         JOIN organization t ON t.id = r.target_organisation_id AND t.status = $2
        ORDER BY r.valid_from NULLS LAST, r.id`,
      [ids, PublicationStatus.PUBLISHED],
    );
  }
}
