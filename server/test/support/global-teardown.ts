import * as fs from 'node:fs';
import { dropTemplate, stateFile } from './test-database';

export default async function globalTeardown(): Promise<void> {
  if (!fs.existsSync(stateFile())) return;
  const state = JSON.parse(fs.readFileSync(stateFile(), 'utf8'));
  await dropTemplate(state);
  fs.rmSync(stateFile(), { force: true });
}
