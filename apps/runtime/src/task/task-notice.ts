import type { ApiProblem } from '@bankforge/client';

/** What the task page last told the reader: it outlives a reload of the task. */
export type TaskNotice =
  | { kind: 'claimed' }
  | { kind: 'commented' }
  | { kind: 'failed'; problem: ApiProblem; claim: boolean; reloaded: boolean }
  | null;
