import type { ApolloServerPlugin, GraphQLRequestContextResponseForOperation, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import type { RequestContext } from './request-context';

/**
 * Anonymous directory reads are answered from a per-process micro-cache for this long. Staleness bound: a
 * change is visible to anonymous readers at most RESPONSE_CACHE_TTL_MS after it was committed, and at most twice
 * that while a request is refreshing an expired entry (concurrent readers get the previous answer meanwhile
 * instead of queueing up behind the same query). Signed-in users always get fresh answers. Only what anonymous
 * readers may see is ever stored (answers computed for an anonymous viewer), so nothing unpublished can leak.
 *
 * Why a TTL and not invalidation: the cache is per process, so it stays correct with several instances only
 * if it never relies on hearing about writes; a data-version check would need one statement per hit and,
 * with people editing all day, would rarely hit (every edit anywhere changes the version).
 */
export const RESPONSE_CACHE_TTL_MS = 5_000;
/** Entries kept (least recently stored dropped first); a cached directory page is a few kilobytes. */
export const RESPONSE_CACHE_MAX_ENTRIES = 1_000;
/**
 * Root fields whose anonymous answers are public and bounded in size: the directory list, its facets and counts.
 * Only queries that select nothing but these (and __typename) are cached.
 */
export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set(['organisations']);
/** Response header saying how the answer was produced: HIT (fresh), STALE (while refreshing), MISS; absent when not cacheable. */
export const CACHE_HEADER = 'x-partneratlas-cache';

/** A reader waits this long (well inside GRAPHQL_TIMEOUT_MS) for another request computing the same answer, then runs the query itself. */
const WAIT_FOR_REFRESH_MS = 5_000;

type CachedResult = Record<string, unknown>;

function withTimeout<T>(promise: Promise<T | null>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

interface Entry {
  data: CachedResult;
  storedAt: number;
}

export interface ResponseCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  now?: () => number;
}

/** The store: entries by key plus the requests currently computing a key (one database query per key at a time). */
export class ResponseCache {
  readonly ttlMs: number;
  readonly maxEntries: number;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, { promise: Promise<CachedResult | null>; since: number }>();

  constructor(options: ResponseCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? RESPONSE_CACHE_TTL_MS;
    this.maxEntries = options.maxEntries ?? RESPONSE_CACHE_MAX_ENTRIES;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /**
   * A fresh entry; else, while another request refreshes the key, the previous entry (if not older than twice
   * the TTL) or that request's result (null if it failed: compute it yourself); else the key is claimed at once
   * (no await before, so two readers never both claim it) and `settle` must be called with the answer.
   */
  async lookup(
    key: string,
  ): Promise<{ data: CachedResult; state: 'HIT' | 'STALE' } | { settle: (data: CachedResult | null) => void } | null> {
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.storedAt : Infinity;
    if (entry && age < this.ttlMs) return { data: entry.data, state: 'HIT' };
    const pending = this.inflight.get(key);
    // a refresh that never settled (it cannot happen with Apollo's pipeline, but must not block a key forever)
    if (pending && this.now() - pending.since > WAIT_FOR_REFRESH_MS) this.inflight.delete(key);
    else if (pending) {
      if (entry && age < 2 * this.ttlMs) return { data: entry.data, state: 'STALE' };
      const data = await withTimeout(pending.promise, WAIT_FOR_REFRESH_MS);
      return data ? { data, state: 'HIT' } : null;
    }
    return { settle: this.claim(key) };
  }

  private claim(key: string): (data: CachedResult | null) => void {
    let settle!: (data: CachedResult | null) => void;
    const promise = new Promise<CachedResult | null>((resolve) => {
      settle = resolve;
    });
    const since = this.now();
    this.inflight.set(key, { promise, since });
    return (data) => {
      if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
      if (data) {
        this.entries.delete(key);
        this.entries.set(key, { data, storedAt: since }); // as old as the moment its query started
        if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
      }
      settle(data);
    };
  }
}

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` variables share an entry. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
    .join(',')}}`;
}

function cacheableOperation(operation: OperationDefinitionNode | undefined): boolean {
  if (!operation || operation.operation !== 'query') return false;
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && (s.name.value === '__typename' || CACHEABLE_ROOT_FIELDS.has(s.name.value)),
  );
}

function cacheKey(ctx: GraphQLRequestContextResponseForOperation<RequestContext>): string | null {
  if (ctx.contextValue.viewer.user) return null; // signed in: always fresh (and possibly more than the public sees)
  if (!cacheableOperation(ctx.operation)) return null;
  return `${ctx.queryHash}\n${ctx.operationName ?? ''}\n${stableJson(ctx.request.variables ?? {})}`;
}

function cachedResponse(data: CachedResult, state: string): GraphQLResponse {
  const headers = new HeaderMap();
  headers.set(CACHE_HEADER, state);
  return { http: { status: undefined, headers }, body: { kind: 'single', singleResult: { data } } };
}

/**
 * Apollo plugin: answers cacheable anonymous queries (see CACHEABLE_ROOT_FIELDS) from `cache` and stores the
 * answers without errors. Runs after parsing, validation and the limit plugins, so the limits apply to hits too.
 * Without a cache (or with a TTL of 0) it does nothing: the app turns it on in production only, so development
 * and the tests of other features read their own writes at once.
 */
export function responseCachePlugin(cache: ResponseCache | null = new ResponseCache()): ApolloServerPlugin<RequestContext> {
  if (!cache || cache.ttlMs <= 0) return {};
  return {
    requestDidStart() {
      let settle: ((data: CachedResult | null) => void) | null = null;
      return Promise.resolve({
        async responseForOperation(ctx) {
          const key = cacheKey(ctx);
          if (!key) return null;
          const found = await cache.lookup(key);
          if (found && 'data' in found) return cachedResponse(found.data, found.state);
          if (found) settle = found.settle;
          ctx.response.http.headers.set(CACHE_HEADER, 'MISS');
          return null;
        },
        willSendResponse(ctx) {
          if (!settle) return Promise.resolve();
          const body = ctx.response.body;
          const ok = body.kind === 'single' && !body.singleResult.errors?.length && body.singleResult.data;
          settle(ok && body.kind === 'single' ? (body.singleResult.data as CachedResult) : null);
          settle = null;
          return Promise.resolve();
        },
      });
    },
  };
}
