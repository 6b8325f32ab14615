import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildSchema,
  FragmentDefinitionNode,
  getNullableType,
  GraphQLOutputType,
  isListType,
  Kind,
  OperationDefinitionNode,
  parse,
} from 'graphql';
import { loadConfig, REPO_ROOT } from '../../config/config';
import { LIST_SIZE, operationCost } from './cost';

const schema = buildSchema(fs.readFileSync(path.join(REPO_ROOT, 'server', 'schema.gql'), 'utf8'));

function cost(query: string, variables: Record<string, unknown> = {}): number {
  const doc = parse(query);
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return operationCost({ schema, operation, fragments, variables });
}

function clientDocuments(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return clientDocuments(p);
    return e.name.endsWith('.graphql') ? [p] : [];
  });
}

describe('operationCost', () => {
  it('counts objects: leaves are free, a connection multiplies its nodes by `first`', () => {
    expect(cost(`{ organisations(first: 5) { totalCount } }`)).toBe(1);
    expect(cost(`{ organisations(first: 5) { nodes { id name } } }`)).toBe(1 + 5);
    expect(cost(`{ organisations(first: 5) { nodes { id parent { id } } } }`)).toBe(1 + 5 * 2);
  });

  it('resolves `first` from variables and from the argument default', () => {
    const q = `query($n: Int!) { organisations(first: $n) { nodes { id } } }`;
    expect(cost(q, { n: 3 })).toBe(1 + 3);
    expect(cost(q, { n: 100 })).toBe(1 + 100);
    expect(cost(`{ importJobs { id } }`)).toBe(20); // importJobs(first: Int! = 20)
  });

  it('uses the documented sizes for lists without a size argument: root, nested and named lists', () => {
    expect(cost(`{ networks { id } }`)).toBe(LIST_SIZE.ROOT);
    expect(cost(`{ organisations(first: 2) { nodes { locations { id } } } }`)).toBe(1 + 2 * (1 + LIST_SIZE.NESTED));
    expect(cost(`{ network { nodes { degree } } }`)).toBe(1 + LIST_SIZE.BY_FIELD['NetworkGraph.nodes']);
  });

  it('names only list fields that exist in LIST_SIZE.BY_FIELD', () => {
    for (const key of Object.keys(LIST_SIZE.BY_FIELD)) {
      const [typeName, fieldName] = key.split('.');
      const type = schema.getType(typeName);
      const field = type && 'getFields' in type ? (type.getFields() as Record<string, { type: unknown }>)[fieldName] : undefined;
      expect([key, field ? isListType(getNullableType(field.type as GraphQLOutputType)) : 'missing']).toEqual([key, true]);
    }
  });

  it('follows named and inline fragments', () => {
    const direct = cost(`{ organisations(first: 4) { nodes { services { locations { id } } } } }`);
    const viaFragments = cost(`fragment S on Service { locations { id } }
      { organisations(first: 4) { nodes { ... on Organisation { services { ...S } } } } }`);
    expect(viaFragments).toBe(direct);
    expect(direct).toBe(1 + 4 * (1 + LIST_SIZE.NESTED * (1 + LIST_SIZE.NESTED)));
  });

  it('lets every operation of the client pass the default limit with a margin of at least 10 (at 100 results per page)', () => {
    const maxCost = loadConfig({}).GRAPHQL_MAX_COST;
    const costs: [string, number][] = [];
    for (const file of clientDocuments(path.join(REPO_ROOT, 'client', 'src'))) {
      const doc = parse(fs.readFileSync(file, 'utf8'));
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      for (const d of doc.definitions) {
        if (d.kind !== Kind.OPERATION_DEFINITION) continue;
        costs.push([
          `${path.basename(file)} ${d.name?.value}`,
          operationCost({ schema, operation: d, fragments, variables: { first: 100 } }),
        ]);
      }
    }
    expect(costs.length).toBeGreaterThan(30);
    expect(costs.filter(([, c]) => c > maxCost / 10)).toEqual([]);
  });
});
