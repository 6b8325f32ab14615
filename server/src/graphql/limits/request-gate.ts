import type { Request } from 'express';
import { GraphQLError, Kind, Lexer, parse, SelectionSetNode, Source, TokenKind } from 'graphql';
import type { DocumentNode, FragmentDefinitionNode } from 'graphql';
import { ErrorCode } from '@partneratlas/shared';
import type { AppConfig } from '../../config/config';

export interface GateLimits {
  maxBatch: number;
  maxTokens: number;
}

interface OperationRequest {
  query?: unknown;
  operationName?: unknown;
}

/** Root fields per operation name ('' = the document's only operation) of a document, or null when it does not parse. */
type RootFieldCounts = Map<string, number> | null;

/** Documents seen recently (the client sends the same few dozen) are lexed and parsed once per gate. */
const CACHE_ENTRIES = 500;
const CACHE_MAX_QUERY_LENGTH = 16 * 1024;

function refuse(message: string, extensions: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, { extensions: { ...extensions, http: { status: 400 } } });
}

/**
 * Checks a GraphQL HTTP request before anything else runs (no SQL): at most `maxBatch` operations in a batch
 * (BATCH_TOO_LARGE), at most `maxTokens` lexical tokens per document (TOO_MANY_TOKENS, counted without parsing).
 * Returns the request's rate-limit units: every root field of every operation, so that aliases and batching do
 * not multiply work for the price of one request. A document that does not parse counts 1 (Apollo reports it).
 */
export function createRequestGate(limits: GateLimits): (req: Request) => number {
  const cache = new Map<string, RootFieldCounts>();
  return (req) => inspect(req, limits, cache);
}

function inspect(req: Request, limits: GateLimits, cache: Map<string, RootFieldCounts>): number {
  const body: unknown = req.method === 'GET' ? req.query : req.body;
  const operations = (Array.isArray(body) ? body : [body]) as (OperationRequest | null | undefined)[];
  if (operations.length > limits.maxBatch) {
    throw refuse(`Too many operations in one batch: ${operations.length} exceed the maximum of ${limits.maxBatch}`, {
      code: ErrorCode.BATCH_TOO_LARGE,
      operations: operations.length,
      maxBatch: limits.maxBatch,
    });
  }
  let units = 0;
  for (const op of operations) {
    const query = op?.query;
    const counts = typeof query === 'string' ? rootFieldCounts(query, limits.maxTokens, cache) : null;
    const name = typeof op?.operationName === 'string' ? op.operationName : '';
    units += Math.max(1, counts?.get(name) ?? 1);
  }
  return Math.max(1, units); // an empty batch, refused by Apollo, still costs one
}

function rootFieldCounts(query: string, maxTokens: number, cache: Map<string, RootFieldCounts>): RootFieldCounts {
  const cached = cache.get(query);
  if (cached !== undefined) return cached;
  const tokens = countTokens(query, maxTokens);
  if (tokens > maxTokens) {
    throw refuse(`The document has more than ${maxTokens} tokens`, { code: ErrorCode.TOO_MANY_TOKENS, maxTokens });
  }
  let counts: RootFieldCounts = null;
  try {
    counts = countRootFields(parse(query, { noLocation: true }));
  } catch {
    counts = null; // syntax errors are Apollo's to report
  }
  if (query.length <= CACHE_MAX_QUERY_LENGTH) {
    if (cache.size >= CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(query, counts);
  }
  return counts;
}

/** Lexical tokens of a document (comments do not count), stopping one past `max`; lexing errors end the count. */
function countTokens(query: string, max: number): number {
  const lexer = new Lexer(new Source(query));
  let n = 0;
  try {
    while (n <= max && lexer.advance().kind !== TokenKind.EOF) n += 1;
  } catch {
    // a syntax error: Apollo's parser reports it
  }
  return n;
}

function countRootFields(doc: DocumentNode): Map<string, number> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of doc.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const count = (set: SelectionSetNode, seen: Set<string>): number => {
    let n = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) n += 1;
      else if (sel.kind === Kind.INLINE_FRAGMENT) n += count(sel.selectionSet, seen);
      else if (!seen.has(sel.name.value) && fragments.has(sel.name.value)) {
        n += count(fragments.get(sel.name.value)!.selectionSet, new Set([...seen, sel.name.value]));
      }
    }
    return n;
  };
  const counts = new Map<string, number>();
  const operations = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  for (const op of operations) {
    const n = count(op.selectionSet, new Set());
    if (op.name) counts.set(op.name.value, n);
    if (operations.length === 1) counts.set('', n);
  }
  return counts;
}

/** The configured gate limits (GRAPHQL_MAX_BATCH, GRAPHQL_MAX_TOKENS). */
export function gateLimitsOf(config: AppConfig): GateLimits {
  return { maxBatch: config.GRAPHQL_MAX_BATCH, maxTokens: config.GRAPHQL_MAX_TOKENS };
}
