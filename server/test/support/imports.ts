import type { GraphQLResponse, TestSession } from './test-app';

export const COUNTS = `rows organisationsCreated organisationsUpdated organisationsUnchanged organisationsSkipped locationsCreated
  locationsUpdated servicesCreated servicesUpdated schedulesWritten errors warnings duplicates needsPlacing auditRecords`;

export const JOB = `id status progress phase error dryRun publish format fileNames totalBytes createdBy
  counts { ${COUNTS} }
  report {
    kind dryRun files detected canApply truncated
    counts { ${COUNTS} }
    problems { severity code file row column value message }
    duplicates { file row name reason existingId existingName firstRow similarity distanceMeters skipped }
    actions { entity id name action fields file row }
    needsPlacing { file row organisationId locationId name address }
  }`;

export interface ImportInput {
  format: 'HSDS_JSON' | 'HSDS_PACKAGE' | 'CSV';
  content?: string;
  base64?: string;
  fileName?: string;
  files?: { name: string; content?: string; base64?: string }[];
  dryRun?: boolean;
  publish?: boolean;
  skipDuplicates?: boolean;
}

const DONE = new Set(['DRY_RUN_DONE', 'APPLIED', 'FAILED']);

/** Starts an import through GraphQL and polls importJob until it has finished (as the client does). */
export async function runImportJob(session: TestSession, input: ImportInput): Promise<{ start: GraphQLResponse; job?: any }> {
  const start = await session.gql(`mutation($i: StartImportInput!) { startImport(input: $i) { id status progress } }`, { i: input });
  if (start.errors) return { start };
  const id = start.data!.startImport.id as string;
  const until = Date.now() + 120_000;
  for (;;) {
    const res = await session.gql(`query($id: ID!) { importJob(id: $id) { ${JOB} } }`, { id });
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const job = res.data!.importJob;
    if (DONE.has(job.status)) return { start, job };
    if (Date.now() > until) throw new Error(`import job ${id} did not finish: ${JSON.stringify(job)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Row counts of every table an import writes. */
export async function tableCounts(ds: { query: (sql: string) => Promise<any[]> }): Promise<Record<string, number>> {
  const [row] = await ds.query(
    `SELECT (SELECT count(*) FROM organization)::int AS organisations, (SELECT count(*) FROM location)::int AS locations,
            (SELECT count(*) FROM service)::int AS services, (SELECT count(*) FROM schedule)::int AS schedules,
            (SELECT count(*) FROM service_taxonomy_term)::int AS terms, (SELECT count(*) FROM service_at_location)::int AS places,
            (SELECT count(*) FROM audit_record)::int AS audit`,
  );
  return row;
}
