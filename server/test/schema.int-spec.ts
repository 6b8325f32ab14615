import * as fs from 'node:fs';
import * as path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { printSchemaSdl } from '../src/graphql/print-schema';
import { createTestApp, TestApp } from './support/test-app';

describe('schema drift', () => {
  let t: TestApp;
  beforeAll(async () => (t = await createTestApp()));
  afterAll(() => t?.close());

  it('has migrations that match the entities exactly (no pending schema change)', async () => {
    const sql = await t.ds.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('serves the GraphQL schema committed in server/schema.gql (run `npm run schema` after changing it)', () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '..', 'schema.gql'), 'utf8');
    const served = printSchemaSdl(t.server.app.get(GraphQLSchemaHost).schema);
    expect(served).toBe(committed);
  });
});
