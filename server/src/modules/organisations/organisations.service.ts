import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { OrganisationKind, OrganisationOrder, TaxonomyKind } from '@partneratlas/shared';
import { decodeCursor, encodeCursor } from '../../common/pagination';
import { ANONYMOUS, extraReadableOrganisations, Viewer } from '../../common/viewer';
import { FieldsOfActionService } from '../fields-of-action/fields-of-action.service';
import { OrganisationConnection, OrganisationFacets, OrganisationMarker, OrganisationMarkers } from './dto/organisation-connection.model';
import { OrganisationFilter, OrganisationsArgs } from './dto/organisation-filter.input';
import { Organisation } from './dto/organisation.model';
import { OrganisationEntity } from './organisation.entity';
import { InvalidBBoxException, InvalidOrderException, OrganisationNotFoundException } from './organisations.exception';
import { buildPageQuery, compileFilter, ORG_COLUMNS } from './organisation-search.sql';

export { ANONYMOUS } from '../../common/viewer';
export type { Viewer } from '../../common/viewer';

/** The map draws at most this many markers per request. */
export const MARKER_LIMIT = 20_000;

type OrganisationRow = Organisation & { totalCount?: string };

@Injectable()
export class OrganisationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly terms: FieldsOfActionService,
  ) {}

  /** The directory search: one statement for the page and the total; facets are a second one, on demand. */
  async search(args: OrganisationsArgs, viewer: Viewer = ANONYMOUS): Promise<OrganisationConnection> {
    const filter = await this.validateFilter(args.filter ?? {});
    const order = this.resolveOrder(filter, args.orderBy);
    const offset = decodeCursor(args.after);
    let q = buildPageQuery(filter, order, viewer.visibleStatuses, args.first, offset);
    let rows: OrganisationRow[] = await this.ds.query(q.sql, q.values);
    let totalCount = rows.length ? Number(rows[0].totalCount) : 0;
    if (!rows.length && offset > 0) {
      const [{ count }] = await this.ds.query(q.countSql, q.countValues);
      totalCount = count;
    }
    if (filter.text && totalCount === 0) {
      // Nothing matched the words: search again tolerating typos ("Migrationszentrm").
      filter.fuzzyText = true;
      q = buildPageQuery(filter, order, viewer.visibleStatuses, args.first, offset);
      rows = await this.ds.query(q.sql, q.values);
      totalCount = rows.length ? Number(rows[0].totalCount) : 0;
      if (!rows.length && offset > 0) totalCount = (await this.ds.query(q.countSql, q.countValues))[0].count;
    }
    const hasNextPage = rows.length > args.first;
    const nodes = rows.slice(0, args.first).map((r) => {
      const { totalCount: _t, ...node } = r;
      return { ...node, distanceMeters: node.distanceMeters === null ? null : Number(node.distanceMeters) };
    });
    return {
      totalCount,
      nodes,
      pageInfo: { hasNextPage, endCursor: nodes.length ? encodeCursor(offset + nodes.length) : null },
      filter,
    };
  }

  async facets(filter: OrganisationFilter, viewer: Viewer = ANONYMOUS): Promise<OrganisationFacets> {
    const { params, from } = compileFilter(filter, viewer.visibleStatuses);
    const rows: { dim: string; value: string; label: string | null; count: number }[] = await this.ds.query(
      `WITH f AS MATERIALIZED (SELECT o.kind, o.field_codes, o.target_group_codes, o.search_languages, o.area_ids ${from})
       SELECT 'kind' AS dim, kind::text AS value, NULL AS label, count(*)::int AS count FROM f GROUP BY kind
       UNION ALL SELECT 'field', c, NULL, count(*)::int FROM f, unnest(f.field_codes) c GROUP BY c
       UNION ALL SELECT 'target', c, NULL, count(*)::int FROM f, unnest(f.target_group_codes) c GROUP BY c
       UNION ALL SELECT 'lang', c, NULL, count(*)::int FROM f, unnest(f.search_languages) c GROUP BY c
       UNION ALL SELECT 'area', a.id::text, a.name, x.count FROM
         (SELECT c AS id, count(*)::int AS count FROM f, unnest(f.area_ids) c GROUP BY c) x JOIN area a ON a.id = x.id`,
      params.values,
    );
    const byCount = <T extends { count: number }>(list: T[], key: (t: T) => string) =>
      list.sort((a, b) => b.count - a.count || key(a).localeCompare(key(b)));
    const pick = (dim: string) => rows.filter((r) => r.dim === dim);
    return {
      kinds: byCount(
        pick('kind').map((r) => ({ value: r.value as OrganisationKind, count: r.count })),
        (r) => r.value,
      ),
      fieldsOfAction: byCount(
        pick('field').map((r) => ({ code: r.value, count: r.count })),
        (r) => r.code,
      ),
      targetGroups: byCount(
        pick('target').map((r) => ({ code: r.value, count: r.count })),
        (r) => r.code,
      ),
      languages: byCount(
        pick('lang').map((r) => ({ value: r.value, count: r.count })),
        (r) => r.value,
      ),
      areas: byCount(
        pick('area').map((r) => ({ id: r.value, name: r.label ?? '', count: r.count })),
        (r) => r.name,
      ),
    };
  }

  /** Every located place of the matching organisations, for the map (one statement, capped). */
  async markers(filterInput: OrganisationFilter | undefined, viewer: Viewer = ANONYMOUS): Promise<OrganisationMarkers> {
    const filter = await this.validateFilter(filterInput ?? {});
    const row = await this.markerRows(filter, viewer);
    if (filter.text && row.organisationCount === 0) {
      filter.fuzzyText = true; // as in search(): tolerate typos when the words match nothing
      return this.markersOf(await this.markerRows(filter, viewer));
    }
    return this.markersOf(row);
  }

  private markersOf(row: { organisationCount: number; unmappedCount: number; markers: OrganisationMarker[] }): OrganisationMarkers {
    const markers = row.markers;
    return {
      organisationCount: row.organisationCount,
      unmappedCount: row.unmappedCount,
      markers: markers.slice(0, MARKER_LIMIT),
      truncated: markers.length > MARKER_LIMIT,
    };
  }

  private async markerRows(
    filter: OrganisationFilter,
    viewer: Viewer,
  ): Promise<{ organisationCount: number; unmappedCount: number; markers: OrganisationMarker[] }> {
    const { params, from } = compileFilter(filter, viewer.visibleStatuses);
    const limit = params.add(MARKER_LIMIT + 1, '::int');
    const [row] = await this.ds.query(
      `WITH f AS MATERIALIZED (SELECT o.id, o.name, o.kind, o.is_demo, o.verification_status, o.last_confirmed_at ${from})
       SELECT (SELECT count(*)::int FROM f) AS "organisationCount",
              (SELECT count(*)::int FROM f WHERE NOT EXISTS (SELECT 1 FROM location l WHERE l.organisation_id = f.id AND l.geom IS NOT NULL)) AS "unmappedCount",
              (SELECT coalesce(json_agg(m), '[]'::json) FROM (
                 SELECT f.id AS "organisationId", l.id AS "locationId", ST_Y(l.geom::geometry) AS lat, ST_X(l.geom::geometry) AS lng,
                        f.name, f.kind, f.is_demo AS "isDemo", f.verification_status = 'VERIFIED' AS verified,
                        to_char(f.last_confirmed_at, 'YYYY-MM-DD') AS "lastConfirmedAt",
                        (f.last_confirmed_at IS NULL OR f.last_confirmed_at < current_date - interval '12 months') AS stale
                   FROM f JOIN location l ON l.organisation_id = f.id AND l.geom IS NOT NULL
                  ORDER BY l.id LIMIT ${limit}) m) AS markers`,
      params.values,
    );
    return row;
  }

  async findById(id: string, viewer: Viewer = ANONYMOUS): Promise<Organisation> {
    const [org] = await this.byIds([id], viewer);
    if (!org) throw new OrganisationNotFoundException(id);
    return org;
  }

  /**
   * Readable organisations with the given ids (order not guaranteed): published ones, and unpublished ones the
   * viewer may edit (their own as editor; all for coordinators and admins).
   */
  async byIds(ids: string[], viewer: Viewer = ANONYMOUS): Promise<Organisation[]> {
    if (!ids.length) return [];
    const extra = extraReadableOrganisations(viewer);
    return this.ds.query(
      `SELECT ${ORG_COLUMNS} FROM organization o
        WHERE o.id = ANY($1::uuid[]) AND (o.status = ANY($2::publication_status[]) OR $3::boolean OR o.id = ANY($4::uuid[]))`,
      [ids, viewer.visibleStatuses, extra === 'all', extra === 'all' ? [] : extra],
    );
  }

  /** Ids of all visible organisations in alphabetical order (exports walk them in batches). */
  async allIdsByName(viewer: Viewer = ANONYMOUS): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT o.id FROM organization o WHERE o.status = ANY($1::publication_status[]) ORDER BY o.sort_name, o.id`,
      [viewer.visibleStatuses],
    );
    return rows.map((r) => r.id);
  }

  /** Rebuilds the search document of the given organisations (after any write that touches them). */
  async refreshSearch(ids: string[]): Promise<void> {
    if (ids.length) await this.ds.query('SELECT pa_refresh_organisations($1::uuid[])', [ids]);
  }

  repository() {
    return this.ds.getRepository(OrganisationEntity);
  }

  private async validateFilter(filter: OrganisationFilter): Promise<OrganisationFilter> {
    await this.terms.assertCodes(TaxonomyKind.FIELD_OF_ACTION, filter.fieldsOfAction ?? []);
    await this.terms.assertCodes(TaxonomyKind.TARGET_GROUP, filter.targetGroups ?? []);
    if (filter.bbox) {
      const { west, south, east, north } = filter.bbox;
      if (west >= east) throw new InvalidBBoxException('bbox.west must be less than bbox.east');
      if (south >= north) throw new InvalidBBoxException('bbox.south must be less than bbox.north');
    }
    return filter;
  }

  private resolveOrder(filter: OrganisationFilter, requested?: OrganisationOrder): OrganisationOrder {
    const hasText = !!filter.text?.trim();
    if (requested === OrganisationOrder.DISTANCE && !filter.near) throw new InvalidOrderException('orderBy DISTANCE needs filter.near');
    if (requested === OrganisationOrder.RELEVANCE && !hasText) throw new InvalidOrderException('orderBy RELEVANCE needs filter.text');
    if (requested) return requested;
    if (hasText) return OrganisationOrder.RELEVANCE;
    if (filter.near) return OrganisationOrder.DISTANCE;
    return OrganisationOrder.NAME;
  }
}
