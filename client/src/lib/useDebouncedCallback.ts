import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';

/** A stable function that calls the latest `callback` `delay` ms after the last call; `flush` calls it now. */
export function useDebouncedCallback<A extends unknown[]>(callback: (...args: A) => void, delay: number) {
  const latest = useRef(callback);
  // Refreshed after each commit (not during render); the timer and flush only run after that.
  useLayoutEffect(() => {
    latest.current = callback;
  });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<A | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useMemo(() => {
    const flush = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (pending.current) {
        const args = pending.current;
        pending.current = null;
        latest.current(...args);
      }
    };
    const call = (...args: A) => {
      pending.current = args;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    };
    const cancel = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      pending.current = null;
    };
    return { call, flush, cancel };
  }, [delay]);
}
