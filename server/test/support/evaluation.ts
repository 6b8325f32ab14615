import type { DataSource } from 'typeorm';
import { SNAPSHOT_FORMAT, SnapshotData } from '../../src/modules/evaluation/evaluation.types';

/** A valid snapshot of an empty landscape (for tests that need a snapshot to exist, e.g. the authorisation matrix). */
export function emptySnapshotData(): SnapshotData {
  const matrix = (unit: 'GRID' | 'DISTRICT') => ({ unit, unitCount: 0, unitsWithoutGeometry: 0, columns: [], rows: [] });
  return {
    format: SNAPSHOT_FORMAT,
    takenAt: new Date().toISOString(),
    fields: [],
    headlineFields: [],
    directory: {
      organisationCount: 0,
      demoOrganisationCount: 0,
      serviceCount: 0,
      languages: [],
      byKind: [],
      byField: [],
      organisations: [],
      services: [],
      archivedOrganisationIds: [],
      archivedServiceIds: [],
      confirmedLast12Months: 0,
    },
    coverage: {
      catchmentMeters: 1500,
      districts: matrix('DISTRICT'),
      grid: matrix('GRID'),
      gaps: [],
      gapMap: { unit: null, fields: [], cells: [] },
      cityWide: [],
    },
    network: {
      date: new Date().toISOString().slice(0, 10),
      summary: { nodeCount: 0, edgeCount: 0, density: 0, components: 0, communities: 0, isolated: 0, bridges: 0 },
      nodes: [],
      edges: [],
    },
    goals: [],
  };
}

/** Inserts a snapshot row directly (no computation). */
export async function insertSnapshot(
  ds: DataSource,
  title = 'Evaluation (Test)',
  data: SnapshotData = emptySnapshotData(),
): Promise<string> {
  const [{ id }] = await ds.query(
    `INSERT INTO evaluation_snapshot (title, snapshot_date, data) VALUES ($1, current_date, $2::jsonb) RETURNING id`,
    [title, JSON.stringify(data)],
  );
  return id;
}

/** Inserts a guiding goal directly (version 1). */
export async function insertGuidingGoal(ds: DataSource, title: string, fieldCodes: string[] = []): Promise<string> {
  const [{ id }] = await ds.query(`INSERT INTO guiding_goal (title) VALUES ($1) RETURNING id`, [title]);
  for (const code of fieldCodes) await ds.query(`INSERT INTO guiding_goal_field (goal_id, field_code) VALUES ($1, $2)`, [id, code]);
  return id;
}
