import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { LIMITS } from '@partneratlas/shared';
import { requireUser } from '../../../common/authz';
import type { Viewer } from '../../../common/viewer';
import { APP_CONFIG, AppConfig } from '../../../config/config';
import { GeocodeStatus } from './geocode-status';
import { GeocoderBusyException, GeocoderDisabledException, GeocoderUnavailableException } from './geocoding.exception';

/** An address as entered: the street with house number is required (a city alone would only give its centre). */
export interface AddressQuery {
  street: string;
  postcode?: string | null;
  city?: string | null;
}

export interface GeocodeCandidate {
  latitude: number;
  longitude: number;
  displayName: string;
  /** What the service's licence requires to be shown with the result. */
  attribution: string;
}

export interface GeocodeAnswer {
  /** Inside the coordinate box (LIMITS.coordinateBox), best first. */
  candidates: GeocodeCandidate[];
  /** Results the service gave that lie outside the box (never offered). */
  rejectedOutside: number;
  /** Answered from the cache (no request). */
  cached: boolean;
}

/** Candidates further apart than this make an address ambiguous for an import. */
export const AMBIGUOUS_METERS = 150;
/** Cached answers are reused for this long. */
const CACHE_DAYS = 30;
/** Requests waiting in this process for their turn (beyond that: TOO_MANY_REQUESTS). */
const MAX_WAITING = 50;
const RESULT_LIMIT = 5;

interface RawResult {
  lat?: unknown;
  lon?: unknown;
  display_name?: unknown;
}

const norm = (s: string | null | undefined): string => (s ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();

/** Distance in metres between two WGS84 points (haversine; enough for "the same place?"). */
export function metersBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

export const insideBox = (lat: number, lng: number): boolean => {
  const box = LIMITS.coordinateBox;
  return lat >= box.south && lat <= box.north && lng >= box.west && lng <= box.east;
};

/**
 * Looks up coordinates for addresses at a Nominatim-compatible geocoder (GEOCODER_URL), following Nominatim's
 * usage policy: one request at a time and at most one per GEOCODER_MIN_INTERVAL_MS for the whole installation
 * (the slot is reserved in PostgreSQL, so several server processes and the CLI together keep the pace), an
 * identifying User-Agent and Referer (and `email` when configured), answers cached in `geocode_cache`, the
 * attribution on every result, a timeout. Only results inside the coordinate box of the region are offered.
 */
@Injectable()
export class GeocoderService {
  private readonly log = new Logger('Geocoder');
  private queue: Promise<unknown> = Promise.resolve();
  private waiting = 0;
  private lastLocalEnd = 0;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get enabled(): boolean {
    return !!this.config.GEOCODER_URL;
  }

  get attribution(): string {
    return this.config.GEOCODER_ATTRIBUTION;
  }

  /** Throws GeocoderDisabledException when no GEOCODER_URL is configured. */
  assertEnabled(): void {
    if (!this.enabled) throw new GeocoderDisabledException();
  }

  /** Whether lookups are possible, for the editing form (signed-in users). */
  info(viewer: Viewer): { enabled: boolean; attribution: string | null } {
    requireUser(viewer);
    return { enabled: this.enabled, attribution: this.enabled ? this.attribution : null };
  }

  /** For the editing form (signed-in users): candidates to pick from; without a geocoder `enabled` is false and nothing is asked. */
  async lookupForEditor(viewer: Viewer, address: AddressQuery): Promise<GeocodeAnswer & { enabled: boolean }> {
    requireUser(viewer);
    if (!this.enabled) return { enabled: false, candidates: [], rejectedOutside: 0, cached: false };
    return { enabled: true, ...(await this.search(address)) };
  }

  /** Candidates for an address, inside the region, best first (cached answers are reused). */
  async search(address: AddressQuery, limit = RESULT_LIMIT): Promise<GeocodeAnswer> {
    this.assertEnabled();
    const query = this.queryOf(address);
    const key = this.keyOf(query);
    const [hit]: { results: { latitude: number; longitude: number; displayName: string }[] }[] = await this.ds.query(
      `SELECT results FROM geocode_cache WHERE key = $1 AND fetched_at > now() - make_interval(days => $2)`,
      [key, CACHE_DAYS],
    );
    let results = hit?.results;
    const cached = !!hit;
    if (!results) {
      results = await this.paced(() => this.request(query));
      await this.ds.query(
        `INSERT INTO geocode_cache (key, query, results, fetched_at) VALUES ($1, $2::jsonb, $3::jsonb, now())
         ON CONFLICT (key) DO UPDATE SET query = EXCLUDED.query, results = EXCLUDED.results, fetched_at = now()`,
        [key, JSON.stringify(query), JSON.stringify(results)],
      );
    }
    const inside = results.filter((r) => insideBox(r.latitude, r.longitude));
    return {
      candidates: inside.slice(0, limit).map((r) => ({ ...r, attribution: this.attribution })),
      rejectedOutside: results.length - inside.length,
      cached,
    };
  }

  /** For an import row: one usable place, or why there is none. Never throws for an unreachable service. */
  async locate(address: AddressQuery): Promise<{ status: GeocodeStatus; candidate: GeocodeCandidate | null; message: string | null }> {
    let answer: GeocodeAnswer;
    try {
      answer = await this.search(address);
    } catch (error) {
      if (error instanceof GeocoderUnavailableException || error instanceof GeocoderBusyException) {
        return { status: GeocodeStatus.FAILED, candidate: null, message: error.message };
      }
      throw error;
    }
    const [first, ...others] = answer.candidates;
    if (!first) {
      return answer.rejectedOutside
        ? { status: GeocodeStatus.OUTSIDE, candidate: null, message: `only ${answer.rejectedOutside} place(s) outside the region found` }
        : { status: GeocodeStatus.NOT_FOUND, candidate: null, message: 'nothing found' };
    }
    const far = others.filter((o) => metersBetween(first, o) > AMBIGUOUS_METERS);
    if (far.length) {
      return {
        status: GeocodeStatus.AMBIGUOUS,
        candidate: null,
        message: `${far.length + 1} places more than ${AMBIGUOUS_METERS} m apart (${[first, ...far].map((c) => c.displayName).join(' | ')})`,
      };
    }
    return { status: GeocodeStatus.FOUND, candidate: first, message: null };
  }

  // ---------------------------------------------------------------- internals

  private queryOf(a: AddressQuery): Record<string, string> {
    const q: Record<string, string> = { street: norm(a.street) };
    if (norm(a.postcode)) q.postalcode = norm(a.postcode);
    if (norm(a.city)) q.city = norm(a.city);
    return q;
  }

  private keyOf(query: Record<string, string>): string {
    const parts = Object.keys(query)
      .sort()
      .map((k) => [k, query[k].toLowerCase()]);
    return createHash('sha1')
      .update(JSON.stringify([this.endpoint(), parts]))
      .digest('hex');
  }

  private endpoint(): string {
    const base = this.config.GEOCODER_URL!.replace(/\/+$/, '');
    return /\/search$/.test(base) ? base : `${base}/search`;
  }

  /**
   * Runs `fn` in this process's queue (one request at a time) once the installation-wide slot has come: each request
   * reserves the next slot in `geocoder_pace` in one atomic statement and waits for it, so requests of all processes
   * start at least GEOCODER_MIN_INTERVAL_MS apart without holding a lock or a connection while waiting. When the
   * answer has come, the next slot is moved to at least an interval after it (so a slow answer does not bunch requests).
   */
  private paced<T>(fn: () => Promise<T>): Promise<T> {
    if (this.waiting >= MAX_WAITING) return Promise.reject(new GeocoderBusyException());
    this.waiting++;
    const run = this.queue.then(async () => {
      this.waiting--;
      const interval = this.config.GEOCODER_MIN_INTERVAL_MS;
      const [row]: { wait_ms: string | number }[] = await this.ds.query(
        `INSERT INTO geocoder_pace (id, next_at) VALUES (1, clock_timestamp() + make_interval(secs => $1 / 1000.0))
         ON CONFLICT (id) DO UPDATE
            SET next_at = GREATEST(geocoder_pace.next_at, clock_timestamp()) + make_interval(secs => $1 / 1000.0)
         RETURNING GREATEST(0, EXTRACT(EPOCH FROM (next_at - make_interval(secs => $1 / 1000.0) - clock_timestamp())) * 1000) AS wait_ms`,
        [interval],
      );
      const local = this.lastLocalEnd + interval - Date.now();
      const wait = Math.ceil(Math.max(Number(row?.wait_ms ?? 0), local, 0));
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        return await fn();
      } finally {
        // Counted from the answer too: a slow request never lets the next one follow closer than the interval.
        this.lastLocalEnd = Date.now();
        await this.ds
          .query(
            `UPDATE geocoder_pace SET next_at = GREATEST(next_at, clock_timestamp() + make_interval(secs => $1 / 1000.0)) WHERE id = 1`,
            [interval],
          )
          .catch((error: unknown) => this.log.warn(`geocoder pace: ${String(error)}`));
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  private userAgent(): string {
    return this.config.GEOCODER_USER_AGENT ?? `Partneratlas/0.1 (Göttingen partner directory; ${this.config.PUBLIC_URL})`;
  }

  private async request(query: Record<string, string>): Promise<{ latitude: number; longitude: number; displayName: string }[]> {
    const box = LIMITS.coordinateBox;
    const params = new URLSearchParams({
      format: 'jsonv2',
      ...query,
      countrycodes: 'de',
      limit: String(RESULT_LIMIT),
      addressdetails: '0',
      viewbox: `${box.west},${box.north},${box.east},${box.south}`,
      bounded: '1',
      'accept-language': 'de',
    });
    if (this.config.GEOCODER_EMAIL) params.set('email', this.config.GEOCODER_EMAIL);
    const url = `${this.endpoint()}?${params.toString()}`;
    let response: Response;
    const signal = AbortSignal.timeout(this.config.GEOCODER_TIMEOUT_MS);
    try {
      response = await fetch(url, {
        headers: { 'User-Agent': this.userAgent(), Referer: this.config.PUBLIC_URL, Accept: 'application/json' },
        signal,
      });
    } catch (error) {
      const timedOut = signal.aborted;
      this.log.warn(`geocoder request failed: ${error instanceof Error ? error.message : String(error)}`);
      throw new GeocoderUnavailableException(
        timedOut ? `no answer within ${this.config.GEOCODER_TIMEOUT_MS} ms` : 'the service cannot be reached',
      );
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new GeocoderUnavailableException(`the service answered HTTP ${response.status}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new GeocoderUnavailableException(
        signal.aborted ? `no answer within ${this.config.GEOCODER_TIMEOUT_MS} ms` : 'the service did not answer with JSON',
      );
    }
    if (!Array.isArray(body)) throw new GeocoderUnavailableException('the answer is not a list of places');
    return (body as RawResult[])
      .map((r) => ({
        latitude: Number(r.lat),
        longitude: Number(r.lon),
        displayName: typeof r.display_name === 'string' ? r.display_name : '',
      }))
      .filter(
        (r) => Number.isFinite(r.latitude) && Number.isFinite(r.longitude) && Math.abs(r.latitude) <= 90 && Math.abs(r.longitude) <= 180,
      );
  }
}
