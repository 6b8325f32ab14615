import { useEffect, useMemo, useState } from 'react';
import { computingOf, type ComputingInfo } from '../utils/computing';

/** While the figures shown are not up to date (a new computation runs on the server), ask again this often. */
export const STALE_POLL_MS = 5_000;

/** What the hook needs of one `useQuery` result. */
export interface KeptQuery<E> {
  /** Identifies the request (its variables): a COMPUTING answer for other settings is never carried over. */
  key: string;
  error: E | undefined;
  hasData: boolean;
  /** `upToDate` of the result; null without a result (or for results that are always current). */
  upToDate: boolean | null;
  refetch: () => Promise<unknown>;
  startPolling: (ms: number) => void;
  stopPolling: () => void;
}

/**
 * Coverage results are kept on the server until the data changes. This hook handles the two in-between states:
 * - the first computation takes longer than a request may wait (COMPUTING): the request is repeated after the
 *   wait the server names, again and again while the answer is still COMPUTING; meanwhile (also while a retry is
 *   in flight) `computing` says so, and the COMPUTING error is not reported as an error;
 * - the figures are those of an earlier computation (`upToDate: false`): the query is polled until it is current.
 */
export function useKeptResult<E>({ key, error, hasData, upToDate, refetch, startPolling, stopPolling }: KeptQuery<E>): {
  computing: ComputingInfo | null;
  error: E | null;
} {
  const now = computingOf(error);
  const settled = !now && (error !== undefined || hasData);
  // The last COMPUTING answer for this request, kept while the retry is in flight (the query then has neither
  // data nor error). Adjusted during render, React's pattern for state derived from changing props.
  const [kept, setKept] = useState<{ key: string; info: ComputingInfo } | null>(null);
  if (now && (kept?.key !== key || kept.info.retryAfterSeconds !== now.retryAfterSeconds)) setKept({ key, info: now });
  else if ((settled || (kept && kept.key !== key)) && kept) setKept(null);
  const wait = (now ?? (!settled && kept?.key === key ? kept.info : null))?.retryAfterSeconds ?? null;
  const computing = useMemo(() => (wait === null ? null : { retryAfterSeconds: wait }), [wait]);

  // One retry per COMPUTING answer: a settled retry bumps `round`, so a repeated (equal) answer schedules the next.
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (wait === null) return;
    const timer = setTimeout(() => {
      const next = () => setRound((r) => r + 1);
      void refetch().then(next, next);
    }, wait * 1000);
    return () => clearTimeout(timer);
  }, [wait, round, key, refetch]);

  const stale = upToDate === false;
  useEffect(() => {
    if (!stale) return;
    startPolling(STALE_POLL_MS);
    return () => stopPolling();
  }, [stale, startPolling, stopPolling]);

  return { computing, error: now ? null : (error ?? null) };
}
