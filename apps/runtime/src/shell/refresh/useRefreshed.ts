import { useEffect, useState } from 'react';
import { onApprovalsChanged } from './approvals-changed.js';

/** How often the header's counters ask again while the page stays open. */
export const REFRESH_EVERY_MS = 60_000;

/**
 * A value the header keeps fresh: read now, again whenever `key` changes (the reader moved to
 * another page), every `everyMs`, and when a page says the approvals changed. A failed read keeps
 * the last value (a counter is no place for an error). `load` must be stable (useCallback).
 */
export function useRefreshed<T>(load: () => Promise<T>, key: string, everyMs: number = REFRESH_EVERY_MS): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    let current = true;
    const run = () => {
      load().then(
        (answer) => current && setValue(answer),
        () => undefined,
      );
    };
    run();
    const timer = setInterval(run, everyMs);
    const unsubscribe = onApprovalsChanged(run);
    return () => {
      current = false;
      clearInterval(timer);
      unsubscribe();
    };
  }, [load, key, everyMs]);
  return value;
}
