import { createHash } from 'node:crypto';
import type { ApolloServerPlugin, GraphQLRequestContextResponseForOperation, GraphQLResponse } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError, Kind, type OperationDefinitionNode } from 'graphql';
import { ErrorCode } from '@partneratlas/shared';
import { readCookie } from '../modules/accounts/cookies';
import { SESSION_COOKIE } from '../modules/accounts/session.service';
import type { RequestContext } from './request-context';

/**
 * Anonymous directory and coverage reads are answered from a per-process cache for this long (default; the app
 * takes RESPONSE_CACHE_TTL_MS from its configuration). Staleness bound: a change is visible to anonymous readers
 * at most the TTL after it was committed, and at most twice that while a request is refreshing an expired entry
 * (concurrent readers get the previous answer meanwhile instead of queueing up behind the same query). Signed-in
 * users (editors checking their own changes) always get fresh answers. Only what anonymous readers may see is ever
 * stored (answers computed for an anonymous viewer), so nothing unpublished can leak.
 *
 * Why a TTL and not invalidation: the cache is per process, so it stays correct with several instances only
 * if it never relies on hearing about writes; a data-version check would need one statement per hit and,
 * with people editing all day, would rarely hit (every edit anywhere changes the version).
 */
export const RESPONSE_CACHE_TTL_MS = 30_000;
/** Entries kept (least recently stored dropped first); a cached directory page is a few kilobytes. */
export const RESPONSE_CACHE_MAX_ENTRIES = 1_000;
/** Serialized size all entries together may have (a grid coverage answer with its polygons is a few hundred kB). */
export const RESPONSE_CACHE_MAX_BYTES = 64 * 1024 * 1024;
/**
 * Root fields whose anonymous answers are public and bounded in size: the directory list (with its facets and
 * counts) and the coverage views. Only queries that select nothing but these (and __typename) are cached. A
 * coverage answer that says it is not up to date (`upToDate: false`, a new computation running) is not stored,
 * so the next request can pick up the new computation.
 */
export const CACHEABLE_ROOT_FIELDS: ReadonlySet<string> = new Set([
  'organisations',
  'coverage',
  'coverageMatrix',
  'coverageGaps',
  'uncoveredFieldsOfAction',
]);
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
  /** The answer as sent (`{"data":…}`), serialized once when stored; the only copy kept. */
  body: string;
  storedAt: number;
  bytes: number;
}

/** The answer of an entry as data (Apollo's path: GET requests, stale answers; the fast path sends the bytes). */
function parsed(entry: Entry): CachedResult {
  return (JSON.parse(entry.body) as { data: CachedResult }).data;
}

/** Nest provider token of the app's ResponseCache (null outside production). */
export const RESPONSE_CACHE = Symbol('RESPONSE_CACHE');

export interface ResponseCacheOptions {
  ttlMs?: number;
  maxEntries?: number;
  maxBytes?: number;
  now?: () => number;
}

/** False for answers that must not be reused: a root value saying it is not up to date. */
function storable(data: CachedResult): boolean {
  return Object.values(data).every((v) => !(v && typeof v === 'object' && (v as { upToDate?: unknown }).upToDate === false));
}

/** The store: entries by key plus the requests currently computing a key (one database query per key at a time). */
export class ResponseCache {
  readonly ttlMs: number;
  readonly maxEntries: number;
  readonly maxBytes: number;
  private bytes = 0;
  private readonly now: () => number;
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, { promise: Promise<CachedResult | null>; since: number }>();

  constructor(options: ResponseCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? RESPONSE_CACHE_TTL_MS;
    this.maxEntries = options.maxEntries ?? RESPONSE_CACHE_MAX_ENTRIES;
    this.maxBytes = options.maxBytes ?? RESPONSE_CACHE_MAX_BYTES;
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Serialized size of all entries. */
  get sizeBytes(): number {
    return this.bytes;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  /** The serialized answer of a fresh entry, without waiting or claiming anything (the fast path). */
  peek(key: string): string | null {
    const entry = this.entries.get(key);
    return entry && this.now() - entry.storedAt < this.ttlMs ? entry.body : null;
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
    if (entry && age < this.ttlMs) return { data: parsed(entry), state: 'HIT' };
    const pending = this.inflight.get(key);
    // a refresh that never settled (it cannot happen with Apollo's pipeline, but must not block a key forever)
    if (pending && this.now() - pending.since > WAIT_FOR_REFRESH_MS) this.inflight.delete(key);
    else if (pending) {
      if (entry && age < 2 * this.ttlMs) return { data: parsed(entry), state: 'STALE' };
      const data = await withTimeout(pending.promise, WAIT_FOR_REFRESH_MS);
      return data ? { data, state: 'HIT' } : null;
    }
    return { settle: this.claim(key) };
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.bytes -= entry.bytes;
    this.entries.delete(key);
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
      if (data && storable(data)) {
        const body = `${JSON.stringify({ data })}\n`; // as Apollo sends it
        const bytes = body.length;
        this.drop(key);
        if (bytes <= this.maxBytes) {
          this.entries.set(key, { body, storedAt: since, bytes }); // as old as the moment its query started
          this.bytes += bytes;
        }
        while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) this.drop(this.entries.keys().next().value!);
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

/** The key of one operation: the document's hash, the operation name and the variables (in any key order). */
export function cacheKeyFor(query: string, operationName: unknown, variables: unknown): string {
  const name = typeof operationName === 'string' ? operationName : '';
  return `${createHash('sha256').update(query).digest('hex')}\n${name}\n${stableJson(variables ?? {})}`;
}

function cacheKey(ctx: GraphQLRequestContextResponseForOperation<RequestContext>): string | null {
  if (ctx.contextValue.viewer.user) return null; // signed in: always fresh (and possibly more than the public sees)
  if (!cacheableOperation(ctx.operation)) return null;
  const query = ctx.source ?? ctx.request.query;
  return typeof query === 'string' ? cacheKeyFor(query, ctx.request.operationName, ctx.request.variables) : null;
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

export interface FastPathOptions {
  /** The request's rate-limit units (the request gate: every root field counts). */
  units: (req: Request) => number;
  /** Counts the units against the anonymous client's address; throws TOO_MANY_REQUESTS over the limit. */
  count: (req: Request, units: number) => Promise<void>;
}

/**
 * Express handler in front of Apollo on POST /graphql: an anonymous single operation whose answer is in the cache
 * and fresh is answered with the stored bytes, after counting it against the rate limit like any other request.
 * Everything else (signed in, batches, GET, expired or unknown answers, anything unusual) goes on to Apollo, where
 * the plugin above serves, refreshes or stores it. Skipping Apollo is safe for these answers: they were stored for
 * exactly this document and these variables after passing every limit, and the limits depend on nothing else.
 */
export function responseCacheFastPath(cache: ResponseCache | null, options: FastPathOptions): RequestHandler {
  if (!cache || cache.ttlMs <= 0) return (_req: Request, _res: Response, next: NextFunction) => next();
  return (req: Request, res: Response, next: NextFunction) => {
    const body = req.body as { query?: unknown; operationName?: unknown; variables?: unknown } | undefined;
    if (req.method !== 'POST' || req.path !== '/' || !req.is('application/json')) return next();
    if (!body || typeof body !== 'object' || Array.isArray(body) || typeof body.query !== 'string') return next();
    if (readCookie(req, SESSION_COOKIE)) return next(); // a session (even an expired one) is Apollo's to judge
    const answer = cache.peek(cacheKeyFor(body.query, body.operationName, body.variables));
    if (!answer) return next();
    let units: number;
    try {
      units = options.units(req);
    } catch {
      return next();
    }
    options.count(req, units).then(
      () => {
        res.status(200).setHeader('content-type', 'application/json; charset=utf-8');
        res.setHeader(CACHE_HEADER, 'HIT');
        res.end(answer);
      },
      (error: unknown) => {
        const code = error instanceof GraphQLError ? error.extensions.code : undefined;
        if (code !== ErrorCode.TOO_MANY_REQUESTS) return next(); // e.g. the database: Apollo reports it properly
        const { http, ...extensions } = (error as GraphQLError).extensions as { http?: { headers?: Map<string, string> } };
        const retryAfter = http?.headers?.get('retry-after');
        if (retryAfter) res.setHeader('retry-after', retryAfter);
        res.status(429).json({ errors: [{ message: (error as GraphQLError).message, extensions }] });
      },
    );
  };
}
