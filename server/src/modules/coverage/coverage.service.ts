import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AreaKind, COUNCIL_MOTION_TAXONOMY, TaxonomyKind } from '@partneratlas/shared';
import { UnknownTermCodeException } from '../fields-of-action/fields-of-action.exception';
import { FieldsOfActionService, TermWithKind } from '../fields-of-action/fields-of-action.service';
import { ANONYMOUS, Viewer } from '../organisations/organisations.service';
import { COVERAGE_LIMITS } from './coverage.constants';
import { APP_CONFIG, AppConfig } from '../../config/config';
import { CoverageUnitNotFoundException, InvalidZoneWeightsException, NotSpatialFieldException } from './coverage.exception';
import { CachedCoverage, CoverageResultCache } from './coverage-cache';
import { ensureCoverageGrid } from './coverage-grid';
import { buildCoverageQuery, CoverageQueryOptions, CoverageRow } from './coverage.sql';
import { CoverageInput, CoverageUnitKind, CoverageWhatIfInput } from './dto/coverage.input';
import {
  CityWideCoverage,
  CityWideStatus,
  Coverage,
  CoverageField,
  CoverageGapList,
  CoverageLanguageGap,
  CoverageMatrix,
  CoverageProvider,
  CoverageSummary,
  CoverageUnit,
  CoverageUnitChange,
  CoverageWhatIf,
} from './dto/coverage.model';

interface ResolvedOptions extends Omit<CoverageQueryOptions, 'fields' | 'extra' | 'details'> {
  field: TermWithKind;
  unit: CoverageUnitKind;
}

type RowWithCount = CoverageRow & { providerCount: number };

/** Part of every result cache key: raise it when the coverage SQL changes what it returns. */
const COVERAGE_QUERY_REVISION = 1;

/** One imported group of a district (newest year). */
export type GroupRow = CoverageLanguageGap;

const unitAreaKind = (unit: CoverageUnitKind): AreaKind.GRID_CELL | AreaKind.DISTRICT =>
  unit === CoverageUnitKind.DISTRICT ? AreaKind.DISTRICT : AreaKind.GRID_CELL;

const num = (v: unknown): number => Number(v);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** Coverage gaps per field of action: E2SFCA in PostGIS over the hexagonal grid or the districts. */
@Injectable()
export class CoverageService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly terms: FieldsOfActionService,
    private readonly cache: CoverageResultCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // ------------------------------------------------------------------------------------------ queries

  async coverage(input: CoverageInput, viewer: Viewer = ANONYMOUS): Promise<Coverage> {
    const o = await this.resolve(input, viewer);
    if (!o.field.spatial) return this.cityWideOnly(o, viewer);
    const result = await this.run(o, [o.field.code], null, true);
    return this.toCoverage(o, result, await this.unitsWithoutGeometry(o.unitKind), await this.groupStatistics(o.unitKind));
  }

  async whatIf(input: CoverageWhatIfInput, viewer: Viewer = ANONYMOUS): Promise<CoverageWhatIf> {
    const o = await this.resolve(input, viewer);
    if (!o.field.spatial) throw new NotSpatialFieldException(o.field.code);
    const supply = o.weightByCapacity && input.capacity ? input.capacity : 1;
    const missing = await this.unitsWithoutGeometry(o.unitKind);
    const groups = await this.groupStatistics(o.unitKind);
    // the figures of this moment on both sides (a kept result may be out of date while a new one is computed)
    const before = this.toCoverage(o, await this.run(o, [o.field.code], null, true, true), missing, groups);
    const after = this.toCoverage(o, await this.run(o, [o.field.code], { lat: input.lat, lng: input.lng, supply }, true), missing, groups);
    const byId = new Map(before.units.map((u) => [u.id, u]));
    const changedUnits: CoverageUnitChange[] = [];
    for (const a of after.units) {
      const b = byId.get(a.id);
      if (!b || (b.providersInReach === a.providersInReach && b.score === a.score)) continue;
      changedUnits.push({
        unitId: a.id,
        name: a.name,
        scoreBefore: b.score,
        scoreAfter: a.score,
        providersBefore: b.providersInReach,
        providersAfter: a.providersInReach,
        newlyInReach: b.gap && !a.gap,
        population: a.population,
      });
    }
    const newly = changedUnits.filter((c) => c.newlyInReach);
    return {
      coverage: after,
      before: before.summary,
      unitsNewlyInReach: newly.length,
      populationNewlyInReach: newly.reduce((s, c) => s + (c.population ?? 0), 0),
      unitsNewlyInReachWithUnknownPopulation: newly.filter((c) => c.population === null).length,
      changedUnits,
    };
  }

  /**
   * The providers within the catchment of one unit's centre, nearest first; with `whatIf`, also the hypothetical
   * provider when it is in reach (as coverageWhatIf counts it: for every filter, since it is hypothetical).
   */
  async providers(
    input: CoverageInput,
    unitId: string,
    viewer: Viewer = ANONYMOUS,
    whatIf: { lat: number; lng: number } | null = null,
  ): Promise<CoverageProvider[]> {
    const o = await this.resolve(input, viewer);
    const rows: (CoverageProvider & { found: boolean })[] = await this.ds.query(
      `WITH unit AS (
         SELECT a.centre_utm AS c FROM area a
          WHERE a.id = $1::uuid AND a.kind = $2::area_kind AND a.geom IS NOT NULL AND a.centre_utm IS NOT NULL
       ), offers AS (
         SELECT DISTINCT false AS hypothetical, o.id AS organisation_id, o.name AS organisation_name, s.id AS service_id,
                s.name AS service_name, l.id AS location_id, s.languages, ST_Distance(u.c, l.geom_utm) AS d
           FROM unit u
           JOIN location l ON ST_DWithin(l.geom_utm, u.c, $3::float8)
           JOIN service_at_location sal ON sal.location_id = l.id
           JOIN service s ON s.id = sal.service_id AND s.status = 'PUBLISHED'
           JOIN organization o ON o.id = s.organisation_id AND o.status = ANY($4::publication_status[])
           JOIN service_taxonomy_term st ON st.service_id = s.id AND st.term_code = ANY(pa_with_descendants(ARRAY[$5::text]))
          WHERE ($6::text IS NULL OR EXISTS (SELECT 1 FROM service_taxonomy_term tg
                                              WHERE tg.service_id = s.id AND tg.term_code = ANY(pa_with_descendants(ARRAY[$6::text]))))
            AND ($7::text IS NULL OR $7::text = ANY(s.languages))
       ), hypothetical AS (
         SELECT true AS hypothetical, NULL::uuid AS organisation_id, NULL::text AS organisation_name, NULL::uuid AS service_id,
                NULL::text AS service_name, NULL::uuid AS location_id, '{}'::text[] AS languages, ST_Distance(u.c, h.p) AS d
           FROM unit u
          CROSS JOIN (SELECT ST_Transform(ST_SetSRID(ST_MakePoint($11::float8, $12::float8), 4326), 25832) AS p) h
          WHERE $11::float8 IS NOT NULL AND ST_DWithin(u.c, h.p, $3::float8)
       )
       SELECT true AS found, x.hypothetical, x.organisation_id AS "organisationId", x.organisation_name AS "organisationName",
              x.service_id AS "serviceId", x.service_name AS "serviceName", x.location_id AS "locationId", x.languages,
              x.d AS "distanceMeters",
              CASE WHEN x.d <= $3::float8 / 3 THEN $8::float8 WHEN x.d <= 2 * $3::float8 / 3 THEN $9::float8 ELSE $10::float8 END AS weight
         FROM (SELECT * FROM offers UNION ALL SELECT * FROM hypothetical) x
       UNION ALL SELECT false, false, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM unit)
       ORDER BY "distanceMeters", "organisationName" NULLS FIRST, "serviceName"`,
      [
        unitId,
        o.unitKind,
        o.catchmentMeters,
        o.visibleStatuses,
        o.field.code,
        o.targetGroup,
        o.language,
        ...o.weights,
        whatIf?.lng ?? null,
        whatIf?.lat ?? null,
      ],
    );
    if (rows.length === 1 && !rows[0].found) throw new CoverageUnitNotFoundException(unitId);
    return rows.map(({ found: _f, ...p }) => ({ ...p, distanceMeters: num(p.distanceMeters), weight: num(p.weight) }));
  }

  /**
   * Units × every spatial field of action, in one statement. `current`: the figures of this moment, waiting for a
   * computation if need be (evaluation snapshots), never an out-of-date result.
   */
  async matrix(
    unit: CoverageUnitKind,
    catchmentMeters: number | undefined,
    viewer: Viewer = ANONYMOUS,
    { current = false }: { current?: boolean } = {},
  ): Promise<CoverageMatrix> {
    // the council motion's fields first (the default taxonomy), then the 2008 concept's, each in display order
    const fields = (await this.terms.terms(TaxonomyKind.FIELD_OF_ACTION))
      .filter((t) => t.spatial)
      .sort((a, b) => Number(b.taxonomyId === COUNCIL_MOTION_TAXONOMY) - Number(a.taxonomyId === COUNCIL_MOTION_TAXONOMY));
    const base = await this.resolve({ fieldOfAction: fields[0]?.code ?? '', unit, catchmentMeters, weightByCapacity: false }, viewer);
    const result: CachedCoverage<RowWithCount> = fields.length
      ? await this.run(
          base,
          fields.map((f) => f.code),
          null,
          false,
          current,
        )
      : { rows: [], computedAt: new Date(), upToDate: true };
    const missing = await this.unitsWithoutGeometry(base.unitKind);
    const byField = new Map<string, RowWithCount[]>(fields.map((f) => [f.code, []]));
    for (const r of result.rows) byField.get(r.field)?.push(r);
    const columns = fields.map((f) => {
      const c = this.toCoverage({ ...base, field: f }, { ...result, rows: byField.get(f.code) ?? [] }, missing);
      return { fieldOfAction: c.fieldOfAction, providerCount: c.providerCount, summary: c.summary, units: c.units };
    });
    const first = columns[0]?.units ?? [];
    return {
      unit,
      catchmentMeters: base.catchmentMeters,
      computedAt: result.computedAt,
      upToDate: result.upToDate,
      fields: columns.map(({ units: _u, ...c }) => c),
      rows: first.map((u, i) => ({
        unitId: u.id,
        code: u.code,
        name: u.name,
        population: u.population,
        areaSquareMeters: u.areaSquareMeters,
        cells: columns.map((c) => {
          const x = c.units[i];
          return {
            fieldOfAction: c.fieldOfAction.code,
            providersInReach: x.providersInReach,
            weightedReach: x.weightedReach,
            score: x.score,
            gap: x.gap,
          };
        }),
      })),
    };
  }

  /** (unit, field) pairs without reach: by known affected population (largest first), then by area. */
  async gaps(
    unit: CoverageUnitKind,
    first: number,
    fieldOfAction: string | undefined,
    catchmentMeters: number | undefined,
    viewer: Viewer = ANONYMOUS,
  ): Promise<CoverageGapList> {
    let matrix: CoverageMatrix;
    if (fieldOfAction) {
      const c = await this.coverage({ fieldOfAction, unit, catchmentMeters, weightByCapacity: false }, viewer);
      matrix = {
        unit,
        catchmentMeters: c.catchmentMeters,
        computedAt: c.computedAt,
        upToDate: c.upToDate,
        fields: c.fieldOfAction.spatial ? [{ fieldOfAction: c.fieldOfAction, providerCount: c.providerCount, summary: c.summary }] : [],
        rows: c.units.map((u) => ({
          unitId: u.id,
          code: u.code,
          name: u.name,
          population: u.population,
          areaSquareMeters: u.areaSquareMeters,
          cells: [
            {
              fieldOfAction: c.fieldOfAction.code,
              providersInReach: u.providersInReach,
              weightedReach: u.weightedReach,
              score: u.score,
              gap: u.gap,
            },
          ],
        })),
      };
    } else {
      matrix = await this.matrix(unit, catchmentMeters, viewer);
    }
    const gaps = matrix.rows.flatMap((r) =>
      r.cells.flatMap((cell, i) =>
        cell.gap
          ? [
              {
                unitId: r.unitId,
                unitCode: r.code,
                unitName: r.name,
                fieldOfAction: matrix.fields[i].fieldOfAction,
                population: r.population,
                areaSquareMeters: r.areaSquareMeters,
              },
            ]
          : [],
      ),
    );
    gaps.sort(
      (a, b) =>
        (b.population ?? -1) - (a.population ?? -1) ||
        b.areaSquareMeters - a.areaSquareMeters ||
        a.fieldOfAction.code.localeCompare(b.fieldOfAction.code) ||
        a.unitCode.localeCompare(b.unitCode),
    );
    return { totalCount: gaps.length, nodes: gaps.slice(0, first) };
  }

  /** Every field of action with its city-wide provider count; only the thin and uncovered ones unless asked. */
  async cityWide(includeCovered: boolean, viewer: Viewer = ANONYMOUS): Promise<CityWideCoverage[]> {
    const fields = await this.terms.terms(TaxonomyKind.FIELD_OF_ACTION);
    const counts: { field: string; organisations: number; located: number }[] = await this.ds.query(
      `SELECT f.code AS field,
              count(DISTINCT s.organisation_id)::int AS organisations,
              count(DISTINCT (s.id, sal.location_id)) FILTER (WHERE l.geom IS NOT NULL)::int AS located
         FROM unnest($1::text[]) AS f(code)
         LEFT JOIN service_taxonomy_term st ON st.term_code = ANY(pa_with_descendants(ARRAY[f.code]))
         LEFT JOIN service s ON s.id = st.service_id AND s.status = 'PUBLISHED'
              AND EXISTS (SELECT 1 FROM organization o WHERE o.id = s.organisation_id AND o.status = ANY($2::publication_status[]))
         LEFT JOIN service_at_location sal ON sal.service_id = s.id
         LEFT JOIN location l ON l.id = sal.location_id
        GROUP BY f.code`,
      [fields.map((f) => f.code), viewer.visibleStatuses],
    );
    const byField = new Map(counts.map((c) => [c.field, c]));
    return fields
      .map((f) => {
        const c = byField.get(f.code);
        const providerCount = c?.organisations ?? 0;
        return {
          fieldOfAction: this.fieldRef(f),
          status: cityWideStatus(providerCount),
          providerCount,
          locatedProviderCount: c?.located ?? 0,
        };
      })
      .filter((c) => includeCovered || c.status !== CityWideStatus.COVERED);
  }

  // ------------------------------------------------------------------------------------------ internals

  /** Validates the input beyond the argument class and fills in the defaults. */
  async resolve(input: CoverageInput, viewer: Viewer): Promise<ResolvedOptions> {
    const all = await this.terms.allTerms();
    const field = all.find((t) => t.kind === TaxonomyKind.FIELD_OF_ACTION && t.code === input.fieldOfAction);
    if (!field) throw new UnknownTermCodeException('field of action', [input.fieldOfAction]);
    if (input.targetGroup) await this.terms.assertCodes(TaxonomyKind.TARGET_GROUP, [input.targetGroup]);
    const unit = input.unit ?? CoverageUnitKind.GRID;
    return {
      field,
      unit,
      unitKind: unitAreaKind(unit),
      catchmentMeters: input.catchmentMeters ?? COVERAGE_LIMITS.catchmentDefault,
      weights: validateZoneWeights(input.zoneWeights),
      targetGroup: input.targetGroup ?? null,
      language: input.language ?? null,
      weightByCapacity: input.weightByCapacity ?? false,
      visibleStatuses: viewer.visibleStatuses,
    };
  }

  /**
   * The E2SFCA rows: without a hypothetical provider from the result cache (kept until the data changes, see
   * coverage-cache.ts); with one (what-if) computed for this request only.
   */
  private async run(
    o: ResolvedOptions,
    fields: string[],
    extra: CoverageQueryOptions['extra'],
    details: boolean,
    current = false,
  ): Promise<CachedCoverage<RowWithCount>> {
    if (o.unitKind === AreaKind.GRID_CELL) await this.ensureGrid();
    const q = buildCoverageQuery({ ...o, fields, extra, details });
    if (extra) {
      // one statement; the transaction only scopes the memory setting (hash aggregates instead of sorts on disk)
      const rows = await this.ds.transaction(async (m) => {
        await m.query(`SET LOCAL work_mem = '64MB'`);
        return m.query<RowWithCount[]>(q.sql, q.values);
      });
      return { rows, computedAt: new Date(), upToDate: true };
    }
    const parameters = {
      query: COVERAGE_QUERY_REVISION,
      fields,
      unitKind: o.unitKind,
      catchmentMeters: o.catchmentMeters,
      weights: o.weights,
      targetGroup: o.targetGroup,
      language: o.language,
      weightByCapacity: o.weightByCapacity,
      visibleStatuses: [...o.visibleStatuses].sort(),
      details,
    };
    // a request may wait until shortly before its own timeout; the computation itself goes on beyond that
    const deadline = current ? Infinity : Date.now() + Math.max(0, this.config.GRAPHQL_TIMEOUT_MS - 1_000);
    return this.cache.get<RowWithCount>(parameters, (query) => query(q.sql, q.values), deadline, current);
  }

  /** The grid exists, was cut from the current boundary and its cells are named; (re)built when not (once after the upgrade). */
  private async ensureGrid(): Promise<void> {
    const [{ stale }]: { stale: boolean }[] = await this.ds.query(
      `SELECT EXISTS (SELECT 1 FROM area c WHERE c.kind = 'CITY' AND c.geom IS NOT NULL
                         AND NOT EXISTS (SELECT 1 FROM area g WHERE g.kind = 'GRID_CELL' AND g.parent_id = c.id
                                            AND g.properties->>'boundaryHash' = md5(ST_AsEWKB(c.geom)::text)))
                 OR EXISTS (SELECT 1 FROM area g WHERE g.kind = 'GRID_CELL' AND NOT (g.properties ? 'number')) AS stale`,
    );
    if (stale) await this.ds.transaction((m) => ensureCoverageGrid(m));
  }

  private async unitsWithoutGeometry(kind: AreaKind): Promise<number> {
    const [{ n }]: { n: number }[] = await this.ds.query(
      `SELECT count(*)::int AS n FROM area WHERE kind = $1::area_kind AND geom IS NULL`,
      [kind],
    );
    return n;
  }

  private fieldRef(t: TermWithKind): CoverageField {
    return { code: t.code, nameDe: t.nameDe, nameEn: t.nameEn, spatial: t.spatial };
  }

  private async cityWideOnly(o: ResolvedOptions, viewer: Viewer): Promise<Coverage> {
    const cityWide = (await this.cityWide(true, viewer)).find((c) => c.fieldOfAction.code === o.field.code) ?? null;
    return {
      ...this.header(o),
      populationKnown: false,
      providerCount: cityWide?.locatedProviderCount ?? 0,
      units: [],
      summary: summarise([], 0),
      cityWide,
      computedAt: new Date(),
      upToDate: true,
    };
  }

  private header(o: ResolvedOptions) {
    return {
      fieldOfAction: this.fieldRef(o.field),
      unit: o.unit,
      catchmentMeters: o.catchmentMeters,
      zoneWeights: [...o.weights],
      targetGroup: o.targetGroup,
      language: o.language,
    };
  }

  /**
   * The imported group statistics of the newest year per district. Only districts: group figures are per district,
   * and spreading them over grid cells would invent where the people live.
   */
  private async groupStatistics(kind: AreaKind): Promise<Map<string, GroupRow[]> | null> {
    if (kind !== AreaKind.DISTRICT) return null;
    const rows: (GroupRow & { areaId: string })[] = await this.ds.query(
      `SELECT g.area_id AS "areaId", g.year, g.group_kind AS "groupKind", g.group_code AS "groupCode", g.group_label AS label,
              g.language, g.persons
         FROM area_group_statistic g
         JOIN area a ON a.id = g.area_id AND a.kind = 'DISTRICT'
        WHERE g.year = (SELECT max(n.year) FROM area_group_statistic n WHERE n.area_id = g.area_id)
        ORDER BY g.persons DESC, g.group_kind, g.group_code`,
    );
    const byArea = new Map<string, GroupRow[]>();
    for (const { areaId, ...g } of rows) {
      const list = byArea.get(areaId) ?? [];
      list.push({ ...g, persons: num(g.persons), year: num(g.year) });
      byArea.set(areaId, list);
    }
    return byArea;
  }

  private toCoverage(
    o: ResolvedOptions,
    { rows, computedAt, upToDate }: CachedCoverage<RowWithCount>,
    unitsWithoutGeometry: number,
    groups: Map<string, GroupRow[]> | null = null,
  ): Coverage {
    const units: CoverageUnit[] = rows.map((r) => {
      const providersInReach = num(r.providersInReach);
      const languagesInReach = r.languages ?? [];
      const unitGroups = groups?.get(r.unitId);
      return {
        id: r.unitId,
        code: r.code,
        name: r.name,
        score: numOrNull(r.score),
        providersInReach,
        weightedReach: num(r.weightedReach),
        nearestMeters: numOrNull(r.nearestMeters),
        population: numOrNull(r.population),
        populationYear: numOrNull(r.populationYear),
        gap: providersInReach === 0,
        areaSquareMeters: num(r.areaM2),
        languagesInReach,
        languageGaps: unitGroups ? languageGaps(unitGroups, languagesInReach) : null,
      };
    });
    return {
      ...this.header(o),
      populationKnown: units.length > 0 && units.every((u) => u.population !== null),
      providerCount: rows.length ? num(rows[0].providerCount) : 0,
      units,
      summary: summarise(units, unitsWithoutGeometry),
      cityWide: null,
      computedAt,
      upToDate,
    };
  }
}

export function cityWideStatus(providerCount: number): CityWideStatus {
  if (providerCount === 0) return CityWideStatus.UNCOVERED;
  return providerCount <= COVERAGE_LIMITS.thinMax ? CityWideStatus.THIN : CityWideStatus.COVERED;
}

/** Three zone weights in (0, 1], not increasing from the inner to the outer zone; the default when absent. */
export function validateZoneWeights(weights: number[] | undefined | null): [number, number, number] {
  if (weights === undefined || weights === null) return [...COVERAGE_LIMITS.weightsDefault];
  if (weights.length !== 3) throw new InvalidZoneWeightsException('must have exactly 3 values (inner, middle, outer zone)');
  if (weights.some((w) => !Number.isFinite(w) || w <= 0 || w > 1))
    throw new InvalidZoneWeightsException('must each be greater than 0 and at most 1');
  if (weights[1] > weights[0] || weights[2] > weights[1])
    throw new InvalidZoneWeightsException('must not increase from the inner to the outer zone (descending)');
  return [weights[0], weights[1], weights[2]];
}

/** The groups whose language (as the imported data states it) no provider in reach offers. */
export function languageGaps(groups: GroupRow[], languagesInReach: string[]): CoverageLanguageGap[] {
  const offered = new Set(languagesInReach);
  return groups.filter((g) => !offered.has(g.language));
}

export function summarise(units: CoverageUnit[], unitsWithoutGeometry: number): CoverageSummary {
  const gaps = units.filter((u) => u.gap);
  const known = units.filter((u) => u.population !== null);
  const knownPopulation = known.reduce((s, u) => s + (u.population ?? 0), 0);
  const populationWithoutReach = gaps.reduce((s, u) => s + (u.population ?? 0), 0);
  const scores = units.map((u) => u.score).filter((s): s is number => s !== null);
  const withGroups = units.filter((u) => u.languageGaps !== null && u.languageGaps !== undefined);
  return {
    unitCount: units.length,
    gapUnitCount: gaps.length,
    gapUnitShare: units.length ? gaps.length / units.length : 0,
    gapAreaSquareMeters: gaps.reduce((s, u) => s + u.areaSquareMeters, 0),
    unitsWithPopulation: known.length,
    knownPopulation,
    populationWithoutReach,
    populationShareWithoutReach: knownPopulation > 0 ? populationWithoutReach / knownPopulation : null,
    gapUnitsWithUnknownPopulation: gaps.filter((u) => u.population === null).length,
    unitsWithoutGeometry,
    maxScore: scores.length ? Math.max(...scores) : null,
    maxWeightedReach: units.reduce((m, u) => Math.max(m, u.weightedReach), 0),
    unitsWithGroupStatistics: withGroups.length,
    languageGapGroups: withGroups.length ? withGroups.reduce((n, u) => n + (u.languageGaps?.length ?? 0), 0) : null,
    languageGapPersons: withGroups.length
      ? withGroups.reduce((n, u) => n + (u.languageGaps ?? []).reduce((p, g) => p + g.persons, 0), 0)
      : null,
  };
}
