import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { printSchemaSdl } from '../graphql/print-schema';
import { RESOLVERS } from '../graphql/resolvers';

/** Writes server/schema.gql from the resolvers (no database needed). */
async function main(): Promise<void> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
  const file = path.resolve(__dirname, '..', '..', 'schema.gql');
  fs.writeFileSync(file, printSchemaSdl(schema));
  await app.close();
  console.log(`wrote ${file}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
