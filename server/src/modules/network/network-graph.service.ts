import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RelationshipType, TaxonomyKind } from '@partneratlas/shared';
import { FieldsOfActionService } from '../fields-of-action/fields-of-action.service';
import { Organisation } from '../organisations/dto/organisation.model';
import { compileFilter, ORG_COLUMNS, SqlParams } from '../organisations/organisation-search.sql';
import { ANONYMOUS, OrganisationsService, Viewer } from '../organisations/organisations.service';
import { NetworkFilter } from './dto/network-graph.input';
import { NetworkEdge, NetworkGraph } from './dto/network-graph.model';
import { buildGraph, computeMetrics } from './graph/graph-metrics';
import { parallelBetweenness } from './graph/parallel-betweenness';
import { InvalidNetworkInputException } from './network.exception';

interface ValidFilter {
  filter: NetworkFilter;
  date: string;
  types: RelationshipType[];
}

/** `r` is valid at the date parameter and of one of the types. */
const edgeCondition = (date: string, types: string) =>
  `(r.valid_from IS NULL OR r.valid_from <= ${date}) AND (r.valid_to IS NULL OR r.valid_to >= ${date}) AND r.type = ANY(${types})`;

const EDGE_COLUMNS = `r.id, r.source_organisation_id AS source, r.target_organisation_id AS target, r.type,
  to_char(r.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(r.valid_to, 'YYYY-MM-DD') AS "validTo",
  r.field_of_action_code AS "fieldOfActionCode"`;

/** The stakeholder network as a graph with metrics (read side). */
@Injectable()
export class NetworkGraphService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly terms: FieldsOfActionService,
    private readonly organisations: OrganisationsService,
  ) {}

  /** Every visible organisation matching the filter, the relationships among them valid at the date, and metrics. */
  async graph(input: NetworkFilter | undefined, viewer: Viewer = ANONYMOUS): Promise<NetworkGraph> {
    const v = await this.validate(input ?? {});
    const q = this.nodeQuery(v, viewer);
    const nodes: Organisation[] = await this.ds.query(`SELECT ${ORG_COLUMNS} ${q.from} ORDER BY o.sort_name, o.id`, q.params.values);
    const edges = await this.edgesAmong(
      v,
      nodes.map((n) => n.id),
    );
    return this.assemble(nodes, edges, v.date, null);
  }

  /** The organisation and everything within `depth` steps (1 or 2) through relationships valid at the date. */
  async ego(organisationId: string, depth: number, input: NetworkFilter | undefined, viewer: Viewer = ANONYMOUS): Promise<NetworkGraph> {
    if (depth !== 1 && depth !== 2) throw new InvalidNetworkInputException('depth', 'depth must be 1 or 2');
    const v = await this.validate(input ?? {});
    const centre = await this.organisations.findById(organisationId, viewer);
    const hops = new Map<string, number>([[centre.id, 0]]);
    let frontier = [centre.id];
    for (let step = 1; step <= depth && frontier.length; step++) {
      const next = await this.neighbours(v, frontier, viewer);
      frontier = next.filter((id) => !hops.has(id));
      for (const id of frontier) hops.set(id, step);
    }
    const q = this.nodeQuery(v, viewer);
    const ids = q.params.add([...hops.keys()], '::uuid[]');
    const centreParam = q.params.add(centre.id, '::uuid');
    const nodes: Organisation[] = await this.ds.query(
      `SELECT ${ORG_COLUMNS} FROM organization o WHERE o.id = ANY(${ids}) AND (o.id = ${centreParam} OR o.id IN (SELECT o.id ${q.from}))
        ORDER BY o.sort_name, o.id`,
      q.params.values,
    );
    const edges = await this.edgesAmong(
      v,
      nodes.map((n) => n.id),
    );
    return this.assemble(nodes, edges, v.date, hops);
  }

  private async assemble(
    nodes: Organisation[],
    edges: NetworkEdge[],
    date: string,
    hops: Map<string, number> | null,
  ): Promise<NetworkGraph> {
    const graph = buildGraph(
      nodes.map((n) => n.id),
      edges,
    );
    const metrics = computeMetrics(graph, await parallelBetweenness(graph));
    const s = metrics.summary;
    return {
      date,
      nodes: nodes.map((organisation) => {
        const m = metrics.nodes.get(organisation.id)!;
        return {
          organisation,
          degree: m.degree,
          betweenness: m.betweenness,
          community: m.community,
          component: m.component,
          isolated: m.isolated,
          bridge: m.bridge,
          hops: hops?.get(organisation.id) ?? null,
        };
      }),
      edges,
      summary: {
        nodeCount: s.nodes,
        edgeCount: s.edges,
        density: s.density,
        components: s.components,
        communities: s.communities,
        isolated: s.isolated,
        bridges: s.bridges,
      },
    };
  }

  /** FROM … WHERE over `organization o` for the node filter. */
  private nodeQuery(v: ValidFilter, viewer: Viewer): { params: SqlParams; from: string } {
    const f = v.filter;
    const { params, from } = compileFilter(
      { fieldsOfAction: f.fieldsOfAction, kinds: f.kinds, areaIds: f.areaIds, includeDemo: f.includeDemo },
      viewer.visibleStatuses,
    );
    let sql = from;
    if (f.networkIds?.length) {
      const date = params.add(v.date, '::date');
      sql +=
        ` AND EXISTS (SELECT 1 FROM network_membership m WHERE m.organisation_id = o.id AND m.network_id = ANY(${params.add(f.networkIds, '::uuid[]')})` +
        ` AND (m.since IS NULL OR m.since <= ${date}) AND (m.until IS NULL OR m.until >= ${date}))`;
    }
    return { params, from: sql };
  }

  /** Relationships valid at the date between organisations of the set (both ends in it). */
  private edgesAmong(v: ValidFilter, ids: string[]): Promise<NetworkEdge[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.ds.query(
      `WITH n AS MATERIALIZED (SELECT unnest($1::uuid[]) AS id)
       SELECT ${EDGE_COLUMNS} FROM organisation_relationship r
         JOIN n s ON s.id = r.source_organisation_id
         JOIN n t ON t.id = r.target_organisation_id
        WHERE ${edgeCondition('$2::date', '$3::relationship_type[]')}
        ORDER BY r.id`,
      [ids, v.date, v.types],
    );
  }

  /** Visible organisations related to any of `ids` (either direction) at the date; uses both relationship indexes. */
  private async neighbours(v: ValidFilter, ids: string[], viewer: Viewer): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT DISTINCT x.id FROM (
          SELECT r.target_organisation_id AS id FROM organisation_relationship r
           WHERE r.source_organisation_id = ANY($1::uuid[]) AND ${edgeCondition('$2::date', '$3::relationship_type[]')}
          UNION
          SELECT r.source_organisation_id FROM organisation_relationship r
           WHERE r.target_organisation_id = ANY($1::uuid[]) AND ${edgeCondition('$2::date', '$3::relationship_type[]')}
        ) x JOIN organization o ON o.id = x.id AND o.status = ANY($4::publication_status[])`,
      [ids, v.date, v.types, viewer.visibleStatuses],
    );
    return rows.map((r) => r.id);
  }

  private async validate(filter: NetworkFilter): Promise<ValidFilter> {
    const known = new Set((await this.terms.allTerms()).filter((t) => t.kind === TaxonomyKind.FIELD_OF_ACTION).map((t) => t.code));
    const unknown = (filter.fieldsOfAction ?? []).filter((c) => !known.has(c));
    if (unknown.length)
      throw new InvalidNetworkInputException('filter.fieldsOfAction', `Unknown field of action code(s): ${unknown.join(', ')}`, unknown);
    await this.assertIds('network', 'filter.networkIds', filter.networkIds);
    await this.assertIds('area', 'filter.areaIds', filter.areaIds);
    if (filter.date && Number.isNaN(Date.parse(`${filter.date}T00:00:00Z`)))
      throw new InvalidNetworkInputException('filter.date', 'date must be an ISO date (YYYY-MM-DD)');
    const date = filter.date ?? (await this.today());
    const types = filter.relationshipTypes?.length ? filter.relationshipTypes : Object.values(RelationshipType);
    return { filter, date, types };
  }

  private async assertIds(table: 'network' | 'area', field: string, ids: string[] | undefined): Promise<void> {
    if (!ids?.length) return;
    const rows: { id: string }[] = await this.ds.query(`SELECT id FROM ${table} WHERE id = ANY($1::uuid[])`, [ids]);
    const found = new Set(rows.map((r) => r.id));
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length) throw new InvalidNetworkInputException(field, `Unknown ${table} id(s): ${unknown.join(', ')}`, unknown);
  }

  private async today(): Promise<string> {
    const [{ d }] = await this.ds.query(`SELECT to_char(current_date, 'YYYY-MM-DD') AS d`);
    return d;
  }
}
