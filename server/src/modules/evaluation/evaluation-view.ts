import { CoverageUnitKind } from '../coverage/dto/coverage.input';
import { CityWideStatus } from '../coverage/dto/coverage.model';
import type {
  EvaluationField,
  GoalIndicator,
  SnapshotCoverage,
  SnapshotCoverageMatrix,
  SnapshotDirectory,
  SnapshotGoal,
  SnapshotNetwork,
} from './dto/evaluation.model';
import { CoverageMatrixData, FieldRef, HIGHER_IS_BETTER, IndicatorData, SnapshotData, UnitKindName } from './evaluation.types';

/** Frozen snapshot data shaped for the GraphQL types (field codes resolved to the names frozen with it). */
export interface SnapshotView {
  takenAt: Date;
  fieldsOfAction: EvaluationField[];
  headlineFields: string[];
  directory: SnapshotDirectory;
  coverage: SnapshotCoverage;
  network: SnapshotNetwork;
  goals: SnapshotGoal[];
}

export type FieldResolver = (code: string) => EvaluationField;

export function fieldResolver(fields: readonly FieldRef[]): FieldResolver {
  const byCode = new Map(fields.map((f) => [f.code, f]));
  return (code) => byCode.get(code) ?? { code, nameDe: code, nameEn: code, spatial: true, parentCode: null, taxonomyId: '' };
}

const unitKind = (u: UnitKindName | null): CoverageUnitKind | null =>
  u === null ? null : u === 'GRID' ? CoverageUnitKind.GRID : CoverageUnitKind.DISTRICT;

export function indicatorView(i: IndicatorData, field: FieldResolver): GoalIndicator {
  return {
    kind: i.kind,
    field: i.field ? field(i.field) : null,
    value: i.value,
    numerator: i.numerator,
    denominator: i.denominator,
    basis: unitKind(i.basis),
    languages: i.languages,
    higherIsBetter: HIGHER_IS_BETTER[i.kind],
  };
}

function matrixView(m: CoverageMatrixData, field: FieldResolver): SnapshotCoverageMatrix {
  return {
    unit: unitKind(m.unit)!,
    unitCount: m.unitCount,
    unitsWithoutGeometry: m.unitsWithoutGeometry,
    columns: m.columns.map((c) => ({ ...c, field: field(c.field) })),
    rows: m.rows,
  };
}

const cityWideStatus = (s: string): CityWideStatus =>
  (Object.values(CityWideStatus) as string[]).includes(s) ? (s as CityWideStatus) : CityWideStatus.UNCOVERED;

export function snapshotView(data: SnapshotData): SnapshotView {
  const field = fieldResolver(data.fields);
  const d = data.directory;
  const c = data.coverage;
  return {
    takenAt: new Date(data.takenAt),
    fieldsOfAction: data.fields,
    headlineFields: data.headlineFields,
    directory: {
      organisationCount: d.organisationCount,
      demoOrganisationCount: d.demoOrganisationCount,
      serviceCount: d.serviceCount,
      languages: d.languages,
      byKind: d.byKind,
      byField: d.byField.map((x) => ({ ...x, field: field(x.field) })),
      confirmedLast12Months: d.confirmedLast12Months,
      organisations: d.organisations,
      services: d.services,
    },
    coverage: {
      catchmentMeters: c.catchmentMeters,
      districts: matrixView(c.districts, field),
      grid: matrixView(c.grid, field),
      gaps: c.gaps.map((g) => ({ ...g, field: field(g.field) })),
      gapMap: { unit: unitKind(c.gapMap.unit), fields: c.gapMap.fields.map(field), cells: c.gapMap.cells },
      cityWide: c.cityWide.map((x) => ({ field: field(x.field), providerCount: x.providerCount, status: cityWideStatus(x.status) })),
    },
    network: data.network,
    goals: data.goals.map((g) => ({
      id: g.id,
      title: g.title,
      description: g.description,
      period: g.period,
      source: g.source,
      sourceUrl: g.sourceUrl,
      fieldsOfAction: g.fields.map(field),
      indicators: g.indicators.map((i) => indicatorView(i, field)),
    })),
  };
}
