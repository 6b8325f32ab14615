import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { ErrorCode } from '@partneratlas/shared';

/** The server is computing these figures (SERVICE_UNAVAILABLE, reason COMPUTING): ask again after this wait. */
export interface ComputingInfo {
  retryAfterSeconds: number;
}

/** Bounds of the wait between retries, whatever the server says; the fallback when it says nothing usable. */
const MIN_RETRY_SECONDS = 2;
const MAX_RETRY_SECONDS = 30;
const FALLBACK_RETRY_SECONDS = 5;

/** The COMPUTING answer carried by this error, null for any other error (those keep the generic error display). */
export function computingOf(error: unknown): ComputingInfo | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  for (const e of error.errors) {
    const ext = e.extensions;
    if (ext?.code !== ErrorCode.SERVICE_UNAVAILABLE || ext.reason !== 'COMPUTING') continue;
    const seconds = ext.retryAfterSeconds;
    const wait = typeof seconds === 'number' && Number.isFinite(seconds) ? Math.ceil(seconds) : FALLBACK_RETRY_SECONDS;
    return { retryAfterSeconds: Math.min(MAX_RETRY_SECONDS, Math.max(MIN_RETRY_SECONDS, wait)) };
  }
  return null;
}

/** "27.11.2026, 19:45" / "27 Nov 2026, 19:45": the computation time in Göttingen's time zone; the raw text when unparseable. */
export function formatComputedAt(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(d);
}
