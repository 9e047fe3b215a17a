import { asProblem, useApiClient } from '@bankforge/app-shell';
import type { ApiProblem, ApprovalTask, CaseText, TaskInboxPage, TaskInboxQuery } from '@bankforge/client';
import { useCallback, useEffect, useRef, useState } from 'react';

export interface InboxLoad {
  /** The tasks of every page read so far, in the server's order (overdue first, then by due time). */
  items: ApprovalTask[];
  counts: TaskInboxPage['counts'] | null;
  nextCursor: string | null;
  loading: boolean;
  loadingMore: boolean;
  error: ApiProblem | null;
  /** When the last page arrived: due times count from it. */
  receivedAt: number;
  /** The flows met in any answer, by key, for the flow filter. */
  flows: Readonly<Record<string, CaseText>>;
}

const START: InboxLoad = { items: [], counts: null, nextCursor: null, loading: true, loadingMore: false, error: null, receivedAt: 0, flows: {} };

function flowsOf(known: Readonly<Record<string, CaseText>>, items: readonly ApprovalTask[]): Readonly<Record<string, CaseText>> {
  const added = items.filter((task) => !(task.flowKey in known));
  return added.length === 0 ? known : { ...known, ...Object.fromEntries(added.map((task) => [task.flowKey, task.flowName])) };
}

/**
 * The reader's inbox under a query: the first page whenever the query changes, the next page on
 * `loadMore` (keyset, appended). `remove` takes a task off the list (claimed away from this tab).
 */
export function useInbox(query: TaskInboxQuery) {
  const api = useApiClient();
  const key = JSON.stringify(query);
  const [load, setLoad] = useState<InboxLoad>(START);
  const [attempt, setAttempt] = useState(0);
  // The query the shown items answer: a page arriving for an older one is dropped.
  const shownKey = useRef(key);

  useEffect(() => {
    let current = true;
    shownKey.current = key;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loading while the changed query is asked, the known flows kept for the filter
    setLoad((previous) => ({ ...START, flows: previous.flows }));
    api.inbox(JSON.parse(key) as TaskInboxQuery).then(
      (page) => {
        if (!current) return;
        setLoad((previous) => ({
          ...START,
          items: page.items,
          counts: page.counts,
          nextCursor: page.nextCursor,
          loading: false,
          receivedAt: Date.now(),
          flows: flowsOf(previous.flows, page.items),
        }));
      },
      (error: unknown) => current && setLoad((previous) => ({ ...previous, loading: false, error: asProblem(error) })),
    );
    return () => {
      current = false;
    };
  }, [api, key, attempt]);

  const loadMore = useCallback(() => {
    const cursor = load.nextCursor;
    if (cursor === null || load.loadingMore) return;
    const asked = key;
    setLoad((previous) => ({ ...previous, loadingMore: true, error: null }));
    api.inbox({ ...(JSON.parse(asked) as TaskInboxQuery), cursor }).then(
      (page) => {
        if (shownKey.current !== asked) return;
        setLoad((previous) => ({
          ...previous,
          items: [...previous.items, ...page.items.filter((task) => !previous.items.some((known) => known.id === task.id))],
          counts: page.counts,
          nextCursor: page.nextCursor,
          loadingMore: false,
          receivedAt: Date.now(),
          flows: flowsOf(previous.flows, page.items),
        }));
      },
      (error: unknown) => shownKey.current === asked && setLoad((previous) => ({ ...previous, loadingMore: false, error: asProblem(error) })),
    );
  }, [api, key, load.nextCursor, load.loadingMore]);

  const remove = useCallback((id: string) => {
    setLoad((previous) => ({ ...previous, items: previous.items.filter((task) => task.id !== id) }));
  }, []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { load, loadMore, remove, reload };
}
