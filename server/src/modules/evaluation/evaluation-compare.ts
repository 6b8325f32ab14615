import type { Geometry, RelationshipType } from '@partneratlas/shared';
import {
  CoverageColumn,
  CoverageMatrixData,
  FieldRef,
  HIGHER_IS_BETTER,
  IndicatorKind,
  NetworkSummaryData,
  OrganisationRef,
  ServiceRef,
  SnapshotData,
  UnitKindName,
} from './evaluation.types';

/** Why an entry of the earlier snapshot is missing from the later one. */
export enum ClosedReason {
  /** Archived by the time of the later snapshot. */
  ARCHIVED = 'ARCHIVED',
  /** Deleted, or no longer published (draft). */
  GONE = 'GONE',
}

export enum ChangeDirection {
  UP = 'UP',
  DOWN = 'DOWN',
  SAME = 'SAME',
  /** One side is unknown (e.g. no population known, or the figure is only in one snapshot). */
  UNKNOWN = 'UNKNOWN',
}

export enum ChangeAssessment {
  BETTER = 'BETTER',
  WORSE = 'WORSE',
  UNCHANGED = 'UNCHANGED',
  UNKNOWN = 'UNKNOWN',
}

export enum CoverageCellChangeKind {
  NEWLY_REACHED = 'NEWLY_REACHED',
  NEWLY_GAP = 'NEWLY_GAP',
  MORE_PROVIDERS = 'MORE_PROVIDERS',
  FEWER_PROVIDERS = 'FEWER_PROVIDERS',
  UNCHANGED = 'UNCHANGED',
  /** The district or the field is only in one of the two snapshots. */
  NOT_COMPARABLE = 'NOT_COMPARABLE',
}

export interface NumberChange {
  before: number | null;
  after: number | null;
  delta: number | null;
  direction: ChangeDirection;
}

export interface ClosedOrganisation extends OrganisationRef {
  reason: ClosedReason;
}

export interface ClosedService extends ServiceRef {
  reason: ClosedReason;
}

export interface CoverageCellChange {
  unitCode: string;
  unitName: string;
  field: FieldRef;
  providersBefore: number | null;
  providersAfter: number | null;
  gapBefore: boolean | null;
  gapAfter: boolean | null;
  change: CoverageCellChangeKind;
}

export interface CoverageShareChange {
  field: FieldRef;
  reachedUnitShare: NumberChange;
  gapUnits: NumberChange;
  populationReachedShare: NumberChange;
  providers: NumberChange;
}

export interface GapMapChangeCell {
  code: string;
  name: string;
  gapFieldsBefore: number | null;
  gapFieldsAfter: number | null;
  geometry: Geometry;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface RelationshipChange {
  id: string;
  source: NamedRef;
  target: NamedRef;
  type: RelationshipType;
}

export interface IndicatorChange {
  kind: IndicatorKind;
  field: FieldRef | null;
  before: number | null;
  after: number | null;
  delta: number | null;
  direction: ChangeDirection;
  assessment: ChangeAssessment;
  higherIsBetter: boolean;
}

export interface GoalChange {
  goalId: string;
  title: string;
  inFrom: boolean;
  inTo: boolean;
  fieldsOfAction: FieldRef[];
  indicators: IndicatorChange[];
}

export interface ComparisonData {
  directory: {
    organisations: NumberChange;
    services: NumberChange;
    languages: NumberChange;
    demoOrganisations: NumberChange;
    addedLanguages: string[];
    removedLanguages: string[];
    byField: { field: FieldRef; organisations: NumberChange; services: NumberChange; languages: NumberChange }[];
    addedOrganisations: OrganisationRef[];
    closedOrganisations: ClosedOrganisation[];
    addedServices: ServiceRef[];
    closedServices: ClosedService[];
  };
  coverage: {
    catchmentMeters: NumberChange;
    districtCells: CoverageCellChange[];
    districtShares: CoverageShareChange[];
    gridShares: CoverageShareChange[];
    gapMap: { unit: UnitKindName | null; fields: FieldRef[]; cells: GapMapChangeCell[] };
  };
  network: {
    before: NetworkSummaryData;
    after: NetworkSummaryData;
    newRelationships: RelationshipChange[];
    endedRelationships: RelationshipChange[];
    newlyConnected: NamedRef[];
    newlyIsolated: NamedRef[];
  };
  goals: GoalChange[];
}

const EPSILON = 1e-9;

export function numberChange(before: number | null | undefined, after: number | null | undefined): NumberChange {
  const b = before ?? null;
  const a = after ?? null;
  if (b === null || a === null) return { before: b, after: a, delta: null, direction: ChangeDirection.UNKNOWN };
  const delta = a - b;
  const direction = Math.abs(delta) < EPSILON ? ChangeDirection.SAME : delta > 0 ? ChangeDirection.UP : ChangeDirection.DOWN;
  return { before: b, after: a, delta: direction === ChangeDirection.SAME ? 0 : delta, direction };
}

export function assess(direction: ChangeDirection, higherIsBetter: boolean): ChangeAssessment {
  switch (direction) {
    case ChangeDirection.SAME:
      return ChangeAssessment.UNCHANGED;
    case ChangeDirection.UNKNOWN:
      return ChangeAssessment.UNKNOWN;
    case ChangeDirection.UP:
      return higherIsBetter ? ChangeAssessment.BETTER : ChangeAssessment.WORSE;
    case ChangeDirection.DOWN:
      return higherIsBetter ? ChangeAssessment.WORSE : ChangeAssessment.BETTER;
  }
}

/** Keys of `a` in order, then those only in `b`. */
function union<T>(a: readonly T[], b: readonly T[]): T[] {
  const seen = new Set(a);
  return [...a, ...b.filter((x) => !seen.has(x))];
}

function fieldLookup(from: SnapshotData, to: SnapshotData): (code: string) => FieldRef {
  const byCode = new Map<string, FieldRef>();
  for (const f of from.fields) byCode.set(f.code, f);
  for (const f of to.fields) byCode.set(f.code, f);
  return (code) => byCode.get(code) ?? { code, nameDe: code, nameEn: code, spatial: true, parentCode: null, taxonomyId: '' };
}

function shareChanges(from: CoverageMatrixData, to: CoverageMatrixData, field: (code: string) => FieldRef): CoverageShareChange[] {
  const before = new Map(from.columns.map((c) => [c.field, c]));
  const after = new Map(to.columns.map((c) => [c.field, c]));
  return union(
    to.columns.map((c) => c.field),
    from.columns.map((c) => c.field),
  ).map((code) => {
    const b: CoverageColumn | undefined = before.get(code);
    const a: CoverageColumn | undefined = after.get(code);
    return {
      field: field(code),
      reachedUnitShare: numberChange(b?.reachedUnitShare, a?.reachedUnitShare),
      gapUnits: numberChange(b?.gapUnitCount, a?.gapUnitCount),
      populationReachedShare: numberChange(b?.populationReachedShare, a?.populationReachedShare),
      providers: numberChange(b?.providerCount, a?.providerCount),
    };
  });
}

function cellChanges(from: CoverageMatrixData, to: CoverageMatrixData, field: (code: string) => FieldRef): CoverageCellChange[] {
  const cells = (m: CoverageMatrixData) => {
    const out = new Map<string, { providersInReach: number; gap: boolean }>();
    const codes = m.columns.map((c) => c.field);
    for (const r of m.rows) r.cells.forEach((cell, i) => out.set(`${r.code}\u0000${codes[i]}`, cell));
    return out;
  };
  const before = cells(from);
  const after = cells(to);
  const names = new Map<string, string>();
  for (const r of [...from.rows, ...to.rows]) names.set(r.code, r.name);
  const units = union(
    to.rows.map((r) => r.code),
    from.rows.map((r) => r.code),
  );
  const fields = union(
    to.columns.map((c) => c.field),
    from.columns.map((c) => c.field),
  );
  const out: CoverageCellChange[] = [];
  for (const unit of units) {
    for (const code of fields) {
      const b = before.get(`${unit}\u0000${code}`);
      const a = after.get(`${unit}\u0000${code}`);
      if (!a && !b) continue;
      let change: CoverageCellChangeKind;
      if (!a || !b) change = CoverageCellChangeKind.NOT_COMPARABLE;
      else if (b.gap && !a.gap) change = CoverageCellChangeKind.NEWLY_REACHED;
      else if (!b.gap && a.gap) change = CoverageCellChangeKind.NEWLY_GAP;
      else if (a.providersInReach > b.providersInReach) change = CoverageCellChangeKind.MORE_PROVIDERS;
      else if (a.providersInReach < b.providersInReach) change = CoverageCellChangeKind.FEWER_PROVIDERS;
      else change = CoverageCellChangeKind.UNCHANGED;
      out.push({
        unitCode: unit,
        unitName: names.get(unit) ?? unit,
        field: field(code),
        providersBefore: b?.providersInReach ?? null,
        providersAfter: a?.providersInReach ?? null,
        gapBefore: b?.gap ?? null,
        gapAfter: a?.gap ?? null,
        change,
      });
    }
  }
  return out;
}

function gapMapChange(from: SnapshotData, to: SnapshotData, field: (code: string) => FieldRef): ComparisonData['coverage']['gapMap'] {
  const a = to.coverage.gapMap;
  const b = from.coverage.gapMap;
  const comparable = a.unit !== null && a.unit === b.unit;
  const before = new Map(comparable ? b.cells.map((c) => [c.code, c]) : []);
  const after = new Map(a.cells.map((c) => [c.code, c]));
  const cells: GapMapChangeCell[] = a.cells.map((c) => ({
    code: c.code,
    name: c.name,
    gapFieldsBefore: before.get(c.code)?.gapFields ?? null,
    gapFieldsAfter: c.gapFields,
    geometry: c.geometry,
  }));
  for (const c of before.values()) {
    if (!after.has(c.code))
      cells.push({ code: c.code, name: c.name, gapFieldsBefore: c.gapFields, gapFieldsAfter: null, geometry: c.geometry });
  }
  return { unit: a.unit ?? b.unit, fields: union(a.fields, b.fields).map(field), cells };
}

function directoryChange(from: SnapshotData, to: SnapshotData, field: (code: string) => FieldRef): ComparisonData['directory'] {
  const f = from.directory;
  const t = to.directory;
  const orgsBefore = new Set(f.organisations.map((o) => o.id));
  const orgsAfter = new Set(t.organisations.map((o) => o.id));
  const archivedOrgs = new Set(t.archivedOrganisationIds);
  const servicesBefore = new Set(f.services.map((s) => s.id));
  const servicesAfter = new Set(t.services.map((s) => s.id));
  const archivedServices = new Set(t.archivedServiceIds);
  const byName = <T extends { name: string; id: string }>(x: T, y: T) => x.name.localeCompare(y.name, 'de') || x.id.localeCompare(y.id);
  const countsBefore = new Map(f.byField.map((c) => [c.field, c]));
  const countsAfter = new Map(t.byField.map((c) => [c.field, c]));
  const languagesBefore = new Set(f.languages);
  const languagesAfter = new Set(t.languages);
  return {
    organisations: numberChange(f.organisationCount, t.organisationCount),
    services: numberChange(f.serviceCount, t.serviceCount),
    languages: numberChange(f.languages.length, t.languages.length),
    demoOrganisations: numberChange(f.demoOrganisationCount, t.demoOrganisationCount),
    addedLanguages: t.languages.filter((l) => !languagesBefore.has(l)),
    removedLanguages: f.languages.filter((l) => !languagesAfter.has(l)),
    byField: union(
      t.byField.map((c) => c.field),
      f.byField.map((c) => c.field),
    ).map((code) => {
      const b = countsBefore.get(code);
      const a = countsAfter.get(code);
      return {
        field: field(code),
        organisations: numberChange(b?.organisations, a?.organisations),
        services: numberChange(b?.services, a?.services),
        languages: numberChange(b?.languages.length, a?.languages.length),
      };
    }),
    addedOrganisations: t.organisations.filter((o) => !orgsBefore.has(o.id)).sort(byName),
    closedOrganisations: f.organisations
      .filter((o) => !orgsAfter.has(o.id))
      .map((o) => ({ ...o, reason: archivedOrgs.has(o.id) ? ClosedReason.ARCHIVED : ClosedReason.GONE }))
      .sort(byName),
    addedServices: t.services.filter((s) => !servicesBefore.has(s.id)).sort(byName),
    closedServices: f.services
      .filter((s) => !servicesAfter.has(s.id))
      .map((s) => ({ ...s, reason: archivedServices.has(s.id) ? ClosedReason.ARCHIVED : ClosedReason.GONE }))
      .sort(byName),
  };
}

function networkChange(from: SnapshotData, to: SnapshotData): ComparisonData['network'] {
  const nodesBefore = new Map(from.network.nodes.map((n) => [n.id, n]));
  const nodesAfter = new Map(to.network.nodes.map((n) => [n.id, n]));
  const name = (id: string): NamedRef => ({ id, name: nodesAfter.get(id)?.name ?? nodesBefore.get(id)?.name ?? id });
  const edgesBefore = new Set(from.network.edges.map((e) => e.id));
  const edgesAfter = new Set(to.network.edges.map((e) => e.id));
  const rel = (e: SnapshotData['network']['edges'][number]): RelationshipChange => ({
    id: e.id,
    source: name(e.source),
    target: name(e.target),
    type: e.type,
  });
  const byNames = (x: RelationshipChange, y: RelationshipChange) =>
    x.source.name.localeCompare(y.source.name, 'de') || x.target.name.localeCompare(y.target.name, 'de') || x.id.localeCompare(y.id);
  const byName = (x: NamedRef, y: NamedRef) => x.name.localeCompare(y.name, 'de') || x.id.localeCompare(y.id);
  const newlyConnected: NamedRef[] = [];
  const newlyIsolated: NamedRef[] = [];
  for (const a of to.network.nodes) {
    const b = nodesBefore.get(a.id);
    if (!b) continue;
    if (b.isolated && !a.isolated) newlyConnected.push({ id: a.id, name: a.name });
    if (!b.isolated && a.isolated) newlyIsolated.push({ id: a.id, name: a.name });
  }
  return {
    before: from.network.summary,
    after: to.network.summary,
    newRelationships: to.network.edges
      .filter((e) => !edgesBefore.has(e.id))
      .map(rel)
      .sort(byNames),
    endedRelationships: from.network.edges
      .filter((e) => !edgesAfter.has(e.id))
      .map(rel)
      .sort(byNames),
    newlyConnected: newlyConnected.sort(byName),
    newlyIsolated: newlyIsolated.sort(byName),
  };
}

function goalChanges(from: SnapshotData, to: SnapshotData, field: (code: string) => FieldRef): GoalChange[] {
  const before = new Map(from.goals.map((g) => [g.id, g]));
  const after = new Map(to.goals.map((g) => [g.id, g]));
  const key = (i: { kind: IndicatorKind; field: string | null }) => `${i.kind}\u0000${i.field ?? ''}`;
  return union(
    to.goals.map((g) => g.id),
    from.goals.map((g) => g.id),
  ).map((id) => {
    const b = before.get(id);
    const a = after.get(id);
    const valuesBefore = new Map((b?.indicators ?? []).map((i) => [key(i), i]));
    const valuesAfter = new Map((a?.indicators ?? []).map((i) => [key(i), i]));
    const keys = union((a?.indicators ?? []).map(key), (b?.indicators ?? []).map(key));
    return {
      goalId: id,
      title: (a ?? b)!.title,
      inFrom: !!b,
      inTo: !!a,
      fieldsOfAction: union(a?.fields ?? [], b?.fields ?? []).map(field),
      indicators: keys.map((k) => {
        const ib = valuesBefore.get(k);
        const ia = valuesAfter.get(k);
        const kind = (ia ?? ib)!.kind;
        const code = (ia ?? ib)!.field;
        const c = numberChange(ib?.value, ia?.value);
        const higherIsBetter = HIGHER_IS_BETTER[kind];
        return { kind, field: code ? field(code) : null, ...c, assessment: assess(c.direction, higherIsBetter), higherIsBetter };
      }),
    };
  });
}

/** Everything that differs between two snapshots (`from` the earlier, `to` the later); pure, on frozen data only. */
export function compareSnapshots(from: SnapshotData, to: SnapshotData): ComparisonData {
  const field = fieldLookup(from, to);
  return {
    directory: directoryChange(from, to, field),
    coverage: {
      catchmentMeters: numberChange(from.coverage.catchmentMeters, to.coverage.catchmentMeters),
      districtCells: cellChanges(from.coverage.districts, to.coverage.districts, field),
      districtShares: shareChanges(from.coverage.districts, to.coverage.districts, field),
      gridShares: shareChanges(from.coverage.grid, to.coverage.grid, field),
      gapMap: gapMapChange(from, to, field),
    },
    network: networkChange(from, to),
    goals: goalChanges(from, to, field),
  };
}
