/**
 * The seed: reference data (taxonomies, Göttingen and its districts, district populations, the
 * Netzwerk Migration), the FICTIONAL demo organisations, and the optional import of the real
 * organisations list. Every step is idempotent and runs in its own transaction.
 *
 *   await runSeed(ds, { demo: true, real: false });   // what the server does on an empty database
 *   await removeDemo(ds);                             // npm run demo:remove
 */
import type { DataSource } from 'typeorm';
import { type DemoSummary, removeDemo, seedDemo } from './demo';
import { type ReferenceSummary, type UpsertCounts, seedReference } from './reference';
import { type RealOrganisationsSummary, seedRealOrganisations } from './real-organisations';
import { inTransaction, queryOnce } from './sql';
import { ensureCoverageGrid, type GridSummary } from '../../modules/coverage/coverage-grid';

export { seedReference, seedDemo, removeDemo, seedRealOrganisations };
export type { ReferenceSummary, DemoSummary, RealOrganisationsSummary };

/** True when no taxonomy exists yet: the database has never been seeded. */
export async function isDatabaseEmpty(ds: DataSource): Promise<boolean> {
  const [row] = await queryOnce<{ empty: boolean }>(ds, `SELECT NOT EXISTS (SELECT 1 FROM taxonomy) AS empty`);
  return row.empty;
}

export interface SeedOptions {
  /** The fictional example organisations. */
  demo: boolean;
  /** The real organisations of goettingen_integration_organisations.csv (unverified). */
  real: boolean;
}

export interface SeedSummary {
  reference: ReferenceSummary;
  /** The hexagonal coverage grid cut from the city boundary (cells without population). */
  grid: GridSummary;
  demo: DemoSummary | null;
  real: RealOrganisationsSummary | null;
}

/** Reference data always; then demo and/or real organisations. */
export async function runSeed(ds: DataSource, options: SeedOptions): Promise<SeedSummary> {
  const reference = await seedReference(ds);
  const grid = await inTransaction(ds, (sql) => ensureCoverageGrid({ query: (text, params) => sql.query(text, params as never) }));
  const demo = options.demo ? await seedDemo(ds) : null;
  const real = options.real ? await seedRealOrganisations(ds) : null;
  return { reference, grid, demo, real };
}

const counts = (c: UpsertCounts): string => `${c.inserted} new, ${c.updated} updated, ${c.unchanged} unchanged`;

/** One line per step, for logs and the CLI. */
export function describeSeed(summary: SeedSummary): string[] {
  const r = summary.reference;
  const lines = [
    `reference: taxonomies ${counts(r.taxonomies)}; terms ${counts(r.terms)}; areas ${counts(r.areas)}; ` +
      `district statistics ${counts(r.statistics)}; network ${r.network}; guiding goals ${counts(r.guidingGoals)}`,
    `coverage grid (hexagons, 250 m edge, clipped to the city): ${summary.grid.inserted} new, ${summary.grid.removed} outdated removed, ` +
      `${summary.grid.cells} cells; population unknown until per-cell figures are imported`,
  ];
  if (summary.demo) {
    const d = summary.demo;
    lines.push(
      `demo (fictional): ${d.organisations} organisations, ${d.services} services, ${d.locations} locations, ` +
        `${d.schedules} opening-hour rows, ${d.memberships} network memberships, ${d.relationships} relationships` +
        `${d.removedStale > 0 ? `, ${d.removedStale} outdated removed` : ''}; search refreshed for ${d.refreshed}`,
    );
  }
  if (summary.real) {
    const x = summary.real;
    lines.push(
      `real organisations (unverified): ${x.inserted} new, ${x.existing} already present (left untouched), ` +
        `${x.locations} locations without coordinates; skipped ${x.skipped.map((s) => `${s.name} (${s.reason})`).join(', ') || 'none'}`,
    );
  }
  return lines;
}
