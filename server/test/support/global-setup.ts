import * as fs from 'node:fs';
import { prepareTemplate, stateFile } from './test-database';

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const state = await prepareTemplate();
  fs.writeFileSync(stateFile(), JSON.stringify(state));
  console.log(
    `\n[test db] ${state.mode === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'} template migrated in ${Date.now() - started} ms`,
  );
}
