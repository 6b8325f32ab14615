import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { COUNCIL_MOTION_TAXONOMY, type Geometry, OrganisationKind, PublicationStatus, TaxonomyKind, UserRole } from '@partneratlas/shared';
import { requireRole, requireStaff, requireUser } from '../../common/authz';
import type { SessionUser, Viewer } from '../../common/viewer';
import { ANONYMOUS } from '../../common/viewer';
import { returnedRows } from '../../database/returning';
import { CoverageService } from '../coverage/coverage.service';
import { CoverageUnitKind } from '../coverage/dto/coverage.input';
import { CoverageMatrix } from '../coverage/dto/coverage.model';
import { FieldsOfActionService } from '../fields-of-action/fields-of-action.service';
import { NetworkGraphService } from '../network/network-graph.service';
import { NetworkGraph } from '../network/dto/network-graph.model';
import { ComparisonData, compareSnapshots } from './evaluation-compare';
import { goalIndicators, IndicatorInputs } from './evaluation-indicators';
import { fieldResolver, indicatorView } from './evaluation-view';
import {
  EvaluationSnapshotNotFoundException,
  GuidingGoalConflictException,
  GuidingGoalNotFoundException,
  InvalidEvaluationInputException,
} from './evaluation.exception';
import {
  CoverageColumn,
  CoverageMatrixData,
  FieldCount,
  FieldRef,
  GapMapCell,
  OrganisationRef,
  ServiceRef,
  SNAPSHOT_FORMAT,
  SnapshotData,
  SnapshotGoal,
} from './evaluation.types';
import type { CreateEvaluationSnapshotInput, CreateGuidingGoalInput, UpdateGuidingGoalInput } from './dto/evaluation.input';
import type {
  EvaluationPeriod,
  EvaluationProgress,
  EvaluationSnapshot,
  GoalIndicator,
  GuidingGoal,
  PeriodOrganisation,
} from './dto/evaluation.model';

/** A snapshot row as the API sees it; `data` only when it was loaded. */
export interface SnapshotRow extends EvaluationSnapshot {
  data?: SnapshotData;
}

export interface ComparisonResult extends ComparisonData {
  from: SnapshotRow;
  to: SnapshotRow;
}

/** Everything the indicators and a snapshot are computed from, collected once. */
interface Landscape {
  fields: FieldRef[];
  directory: {
    organisations: (OrganisationRef & { status: PublicationStatus; fieldCodes: string[]; confirmed: boolean })[];
    services: (ServiceRef & { languages: string[]; published: boolean })[];
    byField: FieldCount[];
  };
  districts: CoverageMatrix;
  grid: CoverageMatrix;
  network: NetworkGraph;
}

const GOAL_COLUMNS = `g.id, g.title, g.description, g.period, g.source, g.source_url AS "sourceUrl", g.sort_order AS "sortOrder",
  g.version, g.updated_at AS "updatedAt",
  coalesce((SELECT array_agg(f.field_code ORDER BY t.taxonomy_id <> '${COUNCIL_MOTION_TAXONOMY}', t.taxonomy_id, t.sort_order, f.field_code)
              FROM guiding_goal_field f JOIN taxonomy_term t ON t.code = f.field_code WHERE f.goal_id = g.id), '{}') AS "fieldCodes"`;

const SNAPSHOT_COLUMNS = `s.id, s.title, to_char(s.snapshot_date, 'YYYY-MM-DD') AS date, s.created_at AS "createdAt",
  s.created_by_label AS "createdBy", coalesce((s.data->'directory'->>'organisationCount')::int, 0) AS "organisationCount",
  coalesce((s.data->'directory'->>'serviceCount')::int, 0) AS "serviceCount"`;

const OUTSTANDING_LIMIT = 500;

/** The council motion's fields first (the default taxonomy), then the others; each in display order (stable sort). */
function motionFirst<T extends { taxonomyId: string }>(terms: readonly T[]): T[] {
  return [...terms].sort((a, b) => Number(b.taxonomyId === COUNCIL_MOTION_TAXONOMY) - Number(a.taxonomyId === COUNCIL_MOTION_TAXONOMY));
}

/** Today in Göttingen (ISO date). */
export function berlinToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const actorLabel = (user: SessionUser): string => (user.displayName ? `${user.displayName} <${user.email}>` : user.email);
const clean = (value: string | null | undefined): string | null | undefined =>
  value === undefined ? undefined : value === null ? null : value.trim() || null;

function toColumn(c: CoverageMatrix['fields'][number]): CoverageColumn {
  const s = c.summary;
  return {
    field: c.fieldOfAction.code,
    providerCount: c.providerCount,
    unitCount: s.unitCount,
    gapUnitCount: s.gapUnitCount,
    reachedUnitShare: s.unitCount > 0 ? (s.unitCount - s.gapUnitCount) / s.unitCount : null,
    knownPopulation: s.knownPopulation,
    populationWithoutReach: s.populationWithoutReach,
    populationReachedShare: s.knownPopulation > 0 ? (s.knownPopulation - s.populationWithoutReach) / s.knownPopulation : null,
  };
}

function toMatrixData(m: CoverageMatrix, unit: 'GRID' | 'DISTRICT', withRows: boolean): CoverageMatrixData {
  return {
    unit,
    unitCount: m.rows.length,
    unitsWithoutGeometry: m.fields[0]?.summary.unitsWithoutGeometry ?? 0,
    columns: m.fields.map(toColumn),
    rows: withRows
      ? m.rows.map((r) => ({
          unitId: r.unitId,
          code: r.code,
          name: r.name,
          population: r.population,
          cells: r.cells.map((c) => ({ providersInReach: c.providersInReach, gap: c.gap })),
        }))
      : [],
  };
}

/**
 * Guiding goals, evaluation snapshots and their comparison, and the re-confirmation cycle. Authorisation is checked
 * here for every operation: goals are public, editing them and everything about snapshots is for admins, the
 * re-confirmation cycle for coordinators and admins.
 */
@Injectable()
export class EvaluationService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly terms: FieldsOfActionService,
    private readonly coverage: CoverageService,
    private readonly network: NetworkGraphService,
  ) {}

  // ------------------------------------------------------------------------------------------ guiding goals

  /** All guiding goals (public). */
  goals(): Promise<GuidingGoal[]> {
    return this.ds.query(`SELECT ${GOAL_COLUMNS} FROM guiding_goal g WHERE g.deleted_at IS NULL ORDER BY g.sort_order, g.title, g.id`);
  }

  private async goalById(m: EntityManager | DataSource, id: string): Promise<GuidingGoal | null> {
    const [row]: GuidingGoal[] = await m.query(`SELECT ${GOAL_COLUMNS} FROM guiding_goal g WHERE g.id = $1 AND g.deleted_at IS NULL`, [id]);
    return row ?? null;
  }

  /** Field-of-action terms of a goal, in display order. */
  async fieldsOf(goal: GuidingGoal) {
    const all = motionFirst(await this.terms.allTerms());
    const wanted = new Set(goal.fieldCodes);
    return all.filter((t) => wanted.has(t.code));
  }

  async createGoal(viewer: Viewer, input: CreateGuidingGoalInput): Promise<GuidingGoal> {
    const user = requireRole(viewer, UserRole.ADMIN);
    const title = this.requireTitle(input.title);
    const codes = await this.assertFields(input.fieldsOfAction);
    const id = await this.ds.transaction(async (m) => {
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO guiding_goal (title, description, period, source, source_url, sort_order, updated_by_id)
         VALUES ($1, $2, $3, $4, $5, coalesce($6, (SELECT coalesce(max(sort_order), 0) + 1 FROM guiding_goal WHERE deleted_at IS NULL)), $7)
         RETURNING id`,
        [
          title,
          clean(input.description) ?? null,
          clean(input.period) ?? null,
          clean(input.source) ?? null,
          clean(input.sourceUrl) ?? null,
          input.sortOrder ?? null,
          user.id,
        ],
      );
      if (codes) await this.linkFields(m, row.id, codes);
      return row.id;
    });
    return (await this.goalById(this.ds, id))!;
  }

  /** Conditional UPDATE … WHERE version = expectedVersion; a stale version gets CONFLICT with the current goal. */
  async updateGoal(viewer: Viewer, id: string, expectedVersion: number, input: UpdateGuidingGoalInput): Promise<GuidingGoal> {
    const user = requireRole(viewer, UserRole.ADMIN);
    const title = input.title === undefined || input.title === null ? undefined : this.requireTitle(input.title);
    const codes = await this.assertFields(input.fieldsOfAction);
    await this.ds.transaction(async (m) => {
      const set = (v: string | null | undefined) => [v !== undefined, v ?? null];
      const updated = returnedRows<{ id: string }>(
        await m.query(
          `UPDATE guiding_goal SET
              title = coalesce($3, title),
              description = CASE WHEN $4::boolean THEN $5 ELSE description END,
              period = CASE WHEN $6::boolean THEN $7 ELSE period END,
              source = CASE WHEN $8::boolean THEN $9 ELSE source END,
              source_url = CASE WHEN $10::boolean THEN $11 ELSE source_url END,
              sort_order = coalesce($12, sort_order),
              updated_by_id = $13, updated_at = now(), version = version + 1
            WHERE id = $1 AND version = $2 AND deleted_at IS NULL
            RETURNING id`,
          [
            id,
            expectedVersion,
            title ?? null,
            ...set(clean(input.description)),
            ...set(clean(input.period)),
            ...set(clean(input.source)),
            ...set(clean(input.sourceUrl)),
            input.sortOrder ?? null,
            user.id,
          ],
        ),
      );
      if (!updated.length) await this.failStale(m, id);
      if (codes) {
        await m.query(`DELETE FROM guiding_goal_field WHERE goal_id = $1`, [id]);
        await this.linkFields(m, id, codes);
      }
    });
    return (await this.goalById(this.ds, id))!;
  }

  /** Marks the goal deleted (a tombstone, so the seed does not bring a seeded goal back); snapshots keep their copy. */
  async deleteGoal(viewer: Viewer, id: string, expectedVersion: number): Promise<string> {
    const user = requireRole(viewer, UserRole.ADMIN);
    await this.ds.transaction(async (m) => {
      const updated = returnedRows<{ id: string }>(
        await m.query(
          `UPDATE guiding_goal SET deleted_at = now(), updated_by_id = $3, updated_at = now(), version = version + 1
            WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING id`,
          [id, expectedVersion, user.id],
        ),
      );
      if (!updated.length) await this.failStale(m, id);
      await m.query(`DELETE FROM guiding_goal_field WHERE goal_id = $1`, [id]);
    });
    return id;
  }

  private async failStale(m: EntityManager, id: string): Promise<never> {
    const current = await this.goalById(m, id);
    if (!current) throw new GuidingGoalNotFoundException(id);
    const { version, updatedAt: _u, ...values } = current;
    throw new GuidingGoalConflictException(id, version, values);
  }

  private requireTitle(title: string): string {
    const t = title.trim();
    if (!t) throw new InvalidEvaluationInputException('input.title', 'must not be empty');
    return t;
  }

  private async assertFields(codes: string[] | undefined): Promise<string[] | undefined> {
    if (codes === undefined || codes === null) return undefined;
    const unique = [...new Set(codes)];
    const known = new Set((await this.terms.terms(TaxonomyKind.FIELD_OF_ACTION)).map((t) => t.code));
    const unknown = unique.filter((c) => !known.has(c));
    if (unknown.length)
      throw new InvalidEvaluationInputException('input.fieldsOfAction', `unknown field of action code(s): ${unknown.join(', ')}`);
    return unique;
  }

  private async linkFields(m: EntityManager, goalId: string, codes: string[]): Promise<void> {
    if (!codes.length) return;
    await m.query(`INSERT INTO guiding_goal_field (goal_id, field_code) SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [
      goalId,
      codes,
    ]);
  }

  /**
   * Indicators of the goals from the current published data. Computed once per `scope` (the request) for all
   * goals, whichever goal asks first; a constant number of statements however many goals there are.
   */
  async liveIndicators(scope: object, goal: GuidingGoal): Promise<GoalIndicator[]> {
    let pending = this.liveCache.get(scope);
    if (!pending) {
      pending = this.collect(berlinToday()).then((l) => ({ landscape: l, inputs: this.indicatorInputs(l) }));
      this.liveCache.set(scope, pending);
    }
    const { landscape, inputs } = await pending;
    const field = fieldResolver(landscape.fields);
    return goalIndicators(goal.fieldCodes, inputs).map((i) => indicatorView(i, field));
  }

  private readonly liveCache = new WeakMap<object, Promise<{ landscape: Landscape; inputs: IndicatorInputs }>>();

  // ------------------------------------------------------------------------------------------ snapshots

  async snapshots(viewer: Viewer): Promise<SnapshotRow[]> {
    requireRole(viewer, UserRole.ADMIN);
    return this.ds.query(`SELECT ${SNAPSHOT_COLUMNS} FROM evaluation_snapshot s ORDER BY s.snapshot_date DESC, s.created_at DESC`);
  }

  async snapshot(viewer: Viewer, id: string): Promise<SnapshotRow> {
    requireRole(viewer, UserRole.ADMIN);
    const [row] = await this.snapshotsWithData([id]);
    if (!row) throw new EvaluationSnapshotNotFoundException(id);
    return row;
  }

  /** Rows with their frozen data (for the per-request loader of the heavy fields). */
  snapshotsWithData(ids: string[]): Promise<SnapshotRow[]> {
    return this.ds.query(`SELECT ${SNAPSHOT_COLUMNS}, s.data FROM evaluation_snapshot s WHERE s.id = ANY($1::uuid[])`, [ids]);
  }

  async deleteSnapshot(viewer: Viewer, id: string): Promise<string> {
    requireRole(viewer, UserRole.ADMIN);
    const deleted = returnedRows<{ id: string }>(await this.ds.query(`DELETE FROM evaluation_snapshot WHERE id = $1 RETURNING id`, [id]));
    if (!deleted.length) throw new EvaluationSnapshotNotFoundException(id);
    return id;
  }

  /** Freezes the current published landscape: directory, coverage, network and the indicators of every goal. */
  async createSnapshot(viewer: Viewer, input: CreateEvaluationSnapshotInput): Promise<SnapshotRow> {
    const user = requireRole(viewer, UserRole.ADMIN);
    const title = this.requireTitle(input.title);
    const today = berlinToday();
    if (Number.isNaN(Date.parse(`${input.date}T00:00:00Z`))) throw new InvalidEvaluationInputException('input.date', 'must be an ISO date');
    if (input.date > today) throw new InvalidEvaluationInputException('input.date', `must not be in the future (today is ${today})`);
    const data = await this.freeze(input.date);
    const [row]: { id: string }[] = await this.ds.query(
      `INSERT INTO evaluation_snapshot (title, snapshot_date, created_by_id, created_by_label, data) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id`,
      [title, input.date, user.id, actorLabel(user), JSON.stringify(data)],
    );
    const [created] = await this.snapshotsWithData([row.id]);
    return created;
  }

  async compare(viewer: Viewer, fromId: string, toId: string): Promise<ComparisonResult> {
    requireRole(viewer, UserRole.ADMIN);
    const rows = await this.snapshotsWithData([fromId, toId]);
    const from = rows.find((r) => r.id === fromId);
    const to = rows.find((r) => r.id === toId);
    if (!from) throw new EvaluationSnapshotNotFoundException(fromId);
    if (!to) throw new EvaluationSnapshotNotFoundException(toId);
    return { from, to, ...compareSnapshots(from.data!, to.data!) };
  }

  /** The snapshot content (pure data) computed from the database now, with `date` as reference date of the network. */
  async freeze(date: string): Promise<SnapshotData> {
    const landscape = await this.collect(date);
    const inputs = this.indicatorInputs(landscape);
    const { fields, directory, districts, grid, network } = landscape;
    const headline = fields.filter((f) => f.taxonomyId === COUNCIL_MOTION_TAXONOMY && f.spatial && !f.parentCode).map((f) => f.code);
    const gaps = await this.coverage.gaps(CoverageUnitKind.DISTRICT, 100_000, undefined, undefined, ANONYMOUS);
    const cityWide = (await this.coverage.cityWide(true, ANONYMOUS)).filter((c) => !c.fieldOfAction.spatial);
    const published = directory.organisations.filter((o) => o.status === PublicationStatus.PUBLISHED);
    const publishedServices = directory.services.filter((s) => s.published);
    const byKind = new Map<OrganisationKind, number>();
    for (const o of published) byKind.set(o.kind, (byKind.get(o.kind) ?? 0) + 1);
    const goals: SnapshotGoal[] = (await this.goals()).map((g) => ({
      id: g.id,
      title: g.title,
      description: g.description,
      period: g.period,
      source: g.source,
      sourceUrl: g.sourceUrl,
      fields: g.fieldCodes,
      indicators: goalIndicators(g.fieldCodes, inputs),
    }));
    return {
      format: SNAPSHOT_FORMAT,
      takenAt: new Date().toISOString(),
      fields,
      headlineFields: headline,
      directory: {
        organisationCount: published.length,
        demoOrganisationCount: published.filter((o) => o.isDemo).length,
        serviceCount: publishedServices.length,
        languages: [...new Set(publishedServices.flatMap((s) => s.languages))].sort(),
        byKind: [...byKind.entries()]
          .map(([kind, organisations]) => ({ kind, organisations }))
          .sort((a, b) => b.organisations - a.organisations),
        byField: directory.byField,
        organisations: published.map(({ id, name, kind, isDemo }) => ({ id, name, kind, isDemo })),
        services: publishedServices.map(({ id, name, organisationId, organisationName }) => ({
          id,
          name,
          organisationId,
          organisationName,
        })),
        archivedOrganisationIds: directory.organisations.filter((o) => o.status === PublicationStatus.ARCHIVED).map((o) => o.id),
        archivedServiceIds: directory.services.filter((s) => !s.published).map((s) => s.id),
        confirmedLast12Months: published.filter((o) => o.confirmed).length,
      },
      coverage: {
        catchmentMeters: districts.catchmentMeters,
        districts: toMatrixData(districts, 'DISTRICT', true),
        grid: toMatrixData(grid, 'GRID', false),
        gaps: gaps.nodes.map((g) => ({
          unitCode: g.unitCode,
          unitName: g.unitName,
          field: g.fieldOfAction.code,
          population: g.population,
          areaSquareMeters: g.areaSquareMeters,
        })),
        gapMap: await this.gapMap(grid.rows.length ? grid : districts, grid.rows.length ? 'GRID' : 'DISTRICT', headline),
        cityWide: cityWide.map((c) => ({ field: c.fieldOfAction.code, providerCount: c.providerCount, status: c.status })),
      },
      network: {
        date: network.date,
        summary: network.summary,
        nodes: network.nodes.map((n) => ({
          id: n.organisation.id,
          name: n.organisation.name,
          degree: n.degree,
          isolated: n.isolated,
          bridge: n.bridge,
        })),
        edges: network.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, type: e.type })),
      },
      goals,
    };
  }

  /** Per unit, how many headline fields have a gap; polygons copied (lightly simplified) so the map stays as it was. */
  private async gapMap(matrix: CoverageMatrix, unit: 'GRID' | 'DISTRICT', headline: string[]): Promise<SnapshotData['coverage']['gapMap']> {
    if (!matrix.rows.length) return { unit: null, fields: headline, cells: [] };
    const columns = matrix.fields.map((f) => f.fieldOfAction.code);
    const indexes = headline.map((code) => columns.indexOf(code)).filter((i) => i >= 0);
    const shapes: { id: string; geometry: Geometry }[] = await this.ds.query(
      `SELECT a.id, ST_AsGeoJSON(ST_Multi(ST_SimplifyPreserveTopology(a.geom, 0.00002)), 5)::json AS geometry
         FROM area a WHERE a.id = ANY($1::uuid[]) AND a.geom IS NOT NULL`,
      [matrix.rows.map((r) => r.unitId)],
    );
    const byId = new Map(shapes.map((s) => [s.id, s.geometry]));
    const cells: GapMapCell[] = [];
    for (const r of matrix.rows) {
      const geometry = byId.get(r.unitId);
      if (!geometry) continue;
      cells.push({
        code: r.code,
        name: r.name,
        population: r.population,
        gapFields: indexes.filter((i) => r.cells[i].gap).length,
        geometry,
      });
    }
    return { unit, fields: indexes.map((i) => columns[i]), cells };
  }

  /** Reads the published landscape: fields, directory, coverage over districts and grid, network at `date`. */
  private async collect(date: string): Promise<Landscape> {
    const fields: FieldRef[] = motionFirst(await this.terms.terms(TaxonomyKind.FIELD_OF_ACTION)).map((t) => ({
      code: t.code,
      nameDe: t.nameDe,
      nameEn: t.nameEn,
      spatial: t.spatial,
      parentCode: t.parentCode,
      taxonomyId: t.taxonomyId,
    }));
    const organisations: Landscape['directory']['organisations'] = await this.ds.query(
      `SELECT o.id, o.name, o.kind, o.is_demo AS "isDemo", o.status, o.field_codes AS "fieldCodes",
              coalesce(o.last_confirmed_at >= (current_date - interval '12 months')::date, false) AS confirmed
         FROM organization o WHERE o.status = ANY($1::publication_status[]) ORDER BY o.sort_name, o.id`,
      [[PublicationStatus.PUBLISHED, PublicationStatus.ARCHIVED]],
    );
    const services: Landscape['directory']['services'] = await this.ds.query(
      `SELECT s.id, s.name, s.organisation_id AS "organisationId", o.name AS "organisationName", s.languages,
              (s.status = 'PUBLISHED' AND o.status = 'PUBLISHED') AS published
         FROM service s JOIN organization o ON o.id = s.organisation_id
        WHERE (s.status = 'PUBLISHED' AND o.status = 'PUBLISHED') OR s.status = 'ARCHIVED' OR o.status = 'ARCHIVED'
        ORDER BY o.sort_name, s.name, s.id`,
    );
    const byField: FieldCount[] = await this.ds.query(
      `SELECT f.code AS field, count(DISTINCT s.organisation_id)::int AS organisations, count(DISTINCT s.id)::int AS services,
              coalesce(array_agg(DISTINCT l.code ORDER BY l.code) FILTER (WHERE l.code IS NOT NULL), '{}') AS languages
         FROM unnest($1::text[]) WITH ORDINALITY AS f(code, ord)
         LEFT JOIN service_taxonomy_term st ON st.term_code = ANY(pa_with_descendants(ARRAY[f.code]))
         LEFT JOIN service s ON s.id = st.service_id AND s.status = 'PUBLISHED'
              AND EXISTS (SELECT 1 FROM organization o WHERE o.id = s.organisation_id AND o.status = 'PUBLISHED')
         LEFT JOIN LATERAL unnest(s.languages) AS l(code) ON true
        GROUP BY f.code, f.ord ORDER BY f.ord`,
      [fields.map((f) => f.code)],
    );
    // the figures of this moment: never an out-of-date kept result
    const districts = await this.coverage.matrix(CoverageUnitKind.DISTRICT, undefined, ANONYMOUS, { current: true });
    const grid = await this.coverage.matrix(CoverageUnitKind.GRID, undefined, ANONYMOUS, { current: true });
    const network = await this.network.graph({ date }, ANONYMOUS);
    return { fields, directory: { organisations, services, byField }, districts, grid, network };
  }

  private indicatorInputs(l: Landscape): IndicatorInputs {
    return {
      fields: new Map(l.fields.map((f) => [f.code, f])),
      counts: new Map(l.directory.byField.map((c) => [c.field, c])),
      districtColumns: new Map(l.districts.fields.map((c) => [c.fieldOfAction.code, toColumn(c)])),
      gridColumns: new Map(l.grid.fields.map((c) => [c.fieldOfAction.code, toColumn(c)])),
      organisations: l.directory.organisations
        .filter((o) => o.status === PublicationStatus.PUBLISHED)
        .map((o) => ({ id: o.id, fieldCodes: o.fieldCodes, confirmedLast12Months: o.confirmed })),
      edges: l.network.edges,
    };
  }

  // ------------------------------------------------------------------------------------------ re-confirmation cycle

  /** Starts a period: from now on every entry not confirmed since is due. Sends no mail (editors see a banner). */
  async startPeriod(viewer: Viewer): Promise<EvaluationPeriod> {
    const user = requireStaff(viewer);
    const [row]: EvaluationPeriod[] = await this.ds.query(
      `INSERT INTO evaluation_period (started_by_id, started_by_label) VALUES ($1, $2)
       RETURNING id, started_at AS "startedAt", started_by_label AS "startedBy"`,
      [user.id, actorLabel(user)],
    );
    return row;
  }

  /** The current (newest) period, for everyone signed in; null when none was started. */
  async currentPeriod(viewer: Viewer): Promise<EvaluationPeriod | null> {
    requireUser(viewer);
    const [row]: EvaluationPeriod[] = await this.ds.query(
      `SELECT id, started_at AS "startedAt", started_by_label AS "startedBy" FROM evaluation_period ORDER BY started_at DESC, id LIMIT 1`,
    );
    return row ?? null;
  }

  /**
   * Share of non-archived organisations whose last confirmation (a date, set in UTC by confirmOrganisation) is on or
   * after the day the period started (UTC), and those still due.
   */
  async progress(viewer: Viewer, periodId: string): Promise<EvaluationProgress> {
    requireStaff(viewer);
    const [counts]: { total: number; confirmed: number }[] = await this.ds.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE o.last_confirmed_at >= (p.started_at AT TIME ZONE 'UTC')::date)::int AS confirmed
         FROM evaluation_period p JOIN organization o ON o.status <> 'ARCHIVED'
        WHERE p.id = $1`,
      [periodId],
    );
    const outstanding = await this.outstanding(periodId, null, OUTSTANDING_LIMIT);
    const total = counts?.total ?? 0;
    const confirmed = counts?.confirmed ?? 0;
    return { total, confirmed, share: total > 0 ? confirmed / total : null, outstandingCount: total - confirmed, outstanding };
  }

  /** An editor's own organisations still due in the period (empty for coordinators and admins: they see the progress). */
  myOutstanding(viewer: Viewer, periodId: string): Promise<PeriodOrganisation[]> {
    const user = requireUser(viewer);
    if (user.role !== UserRole.EDITOR || !user.organisationIds.length) return Promise.resolve([]);
    return this.outstanding(periodId, user.organisationIds, OUTSTANDING_LIMIT);
  }

  private outstanding(periodId: string, organisationIds: string[] | null, limit: number): Promise<PeriodOrganisation[]> {
    return this.ds.query(
      `SELECT o.id, o.name, to_char(o.last_confirmed_at, 'YYYY-MM-DD') AS "lastConfirmedAt", o.status
         FROM evaluation_period p JOIN organization o ON o.status <> 'ARCHIVED'
              AND (o.last_confirmed_at IS NULL OR o.last_confirmed_at < (p.started_at AT TIME ZONE 'UTC')::date)
        WHERE p.id = $1 AND ($2::uuid[] IS NULL OR o.id = ANY($2::uuid[]))
        ORDER BY o.last_confirmed_at NULLS FIRST, o.sort_name, o.id
        LIMIT $3`,
      [periodId, organisationIds, limit],
    );
  }
}
