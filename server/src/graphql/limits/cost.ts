import type { ApolloServerPlugin } from '@apollo/server';
import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SchemaMetaFieldDef,
  SelectionSetNode,
  TypeMetaFieldDef,
  TypeNameMetaFieldDef,
  ValueNode,
} from 'graphql';
import { ErrorCode, LIMITS } from '@partneratlas/shared';

/**
 * How many items the cost estimate assumes for a list whose size no argument names.
 * - A list at the root (e.g. `networks`, `areas`) or the `nodes`/`edges` of a connection without `first`: the max page size.
 * - A list inside an object (an organisation's locations, a service's fields of action …): NESTED, a generous
 *   upper bound of what one entity holds.
 * - Lists known to be larger are named in BY_FIELD (whole-city graphs and maps).
 */
export const LIST_SIZE = {
  ROOT: LIMITS.pageSizeMax,
  NESTED: 10,
  BY_FIELD: {
    'NetworkGraph.nodes': 1000,
    'NetworkGraph.edges': 1000,
    'OrganisationMarkers.markers': 1000,
  } as Record<string, number>,
};

/** Arguments that name how many items a list (or a connection's `nodes`/`edges`) holds. */
const SIZE_ARGUMENTS = ['first', 'last', 'limit', 'per_page', 'perPage'];

export interface CostInput {
  schema: GraphQLSchema;
  operation: OperationDefinitionNode;
  fragments: Record<string, FragmentDefinitionNode>;
  variables?: Record<string, unknown>;
}

/**
 * Estimated cost of an operation: the number of objects its response may hold. Every field that returns an
 * object costs 1 plus its selection; a list multiplies that by its size (`first` & co., resolved from
 * variables and argument defaults, else LIST_SIZE). Leaf fields (scalars, enums) cost nothing. Fragments are
 * followed; fragments on different types are added (an upper bound).
 */
export function operationCost({ schema, operation, fragments, variables = {} }: CostInput): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;

  const sizeOf = (field: FieldNode, def: GraphQLField<unknown, unknown>): number | undefined => {
    for (const name of SIZE_ARGUMENTS) {
      const arg = def.args.find((a) => a.name === name);
      if (!arg) continue;
      const node = field.arguments?.find((a) => a.name.value === name)?.value;
      const value = node ? valueOf(node, variables) : arg.defaultValue;
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.ceil(value);
    }
    return undefined;
  };

  const costOf = (
    set: SelectionSetNode,
    type: GraphQLNamedType,
    depth: number,
    pageSize: number | undefined,
    seen: Set<string>,
  ): number => {
    let cost = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        const on = sel.typeCondition ? (schema.getType(sel.typeCondition.name.value) ?? type) : type;
        cost += costOf(sel.selectionSet, on, depth, pageSize, seen);
      } else if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const name = sel.name.value;
        const fragment = fragments[name];
        if (!fragment || seen.has(name)) continue;
        const on = schema.getType(fragment.typeCondition.name.value) ?? type;
        cost += costOf(fragment.selectionSet, on, depth, pageSize, new Set([...seen, name]));
      } else {
        const def = fieldDef(schema, type, sel.name.value);
        if (!def || !sel.selectionSet) continue; // leaves (and unknown fields, which validation rejects) cost nothing
        const named = getNamedType(def.type);
        if (!isCompositeType(named)) continue;
        const size = sizeOf(sel, def);
        const list = isListType(getNullableType(def.type));
        // A size argument on a non-list field (a connection) is the size of the lists inside it.
        const childPage = list ? undefined : size;
        const each = 1 + costOf(sel.selectionSet, named, depth + 1, childPage, seen);
        if (!list) {
          cost += each;
          continue;
        }
        const items =
          size ?? pageSize ?? LIST_SIZE.BY_FIELD[`${type.name}.${def.name}`] ?? (depth === 0 ? LIST_SIZE.ROOT : LIST_SIZE.NESTED);
        cost += items * each;
      }
    }
    return cost;
  };

  return costOf(operation.selectionSet, root, 0, undefined, new Set());
}

function fieldDef(schema: GraphQLSchema, type: GraphQLNamedType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (name === SchemaMetaFieldDef.name && type === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name && type === schema.getQueryType()) return TypeMetaFieldDef;
  if (name === TypeNameMetaFieldDef.name) return TypeNameMetaFieldDef;
  return isObjectType(type) || isInterfaceType(type) ? type.getFields()[name] : undefined;
}

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.INT || node.kind === Kind.FLOAT) return Number(node.value);
  return undefined;
}

/**
 * Refuses an operation whose estimated cost exceeds `maxCost` with QUERY_TOO_COMPLEX (cost and limit in the
 * extensions). Runs for every request once the operation is known, because the cost depends on the variables
 * (`first: $first`); validation rules would not see them and run only once per cached document.
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin {
  return {
    requestDidStart: () =>
      Promise.resolve({
        didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return Promise.resolve();
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
          const cost = operationCost({ schema, operation, fragments, variables: request.variables });
          if (cost > maxCost) {
            throw new GraphQLError(
              `Query is too complex: estimated cost ${cost} exceeds the maximum of ${maxCost} (ask for fewer items or fewer nested lists)`,
              {
                extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, cost, maxCost, http: { status: 400 } },
              },
            );
          }
          return Promise.resolve();
        },
      }),
  };
}
