import type { ApiProblem } from '@bankforge/client';
import { useState } from 'react';
import type { CaseCommand } from './CaseCommands.js';

/** The commands a case page reports on: the initiator's, and an administrator's move to a new version. */
export type NoticedCommand = CaseCommand | 'migrate';

/** `record`: the case's record title; `version`: the version a case moved to. */
export type CommandNotice =
  | { kind: 'done'; command: NoticedCommand; record: string; version?: number }
  | { kind: 'failed'; command: NoticedCommand; problem: ApiProblem }
  | null;

/** What the last case command did, for the page's status line or its problem notice. */
export function useCommandNotice() {
  const [notice, setNotice] = useState<CommandNotice>(null);
  return {
    notice,
    done: (command: NoticedCommand, record: string, version?: number) => setNotice({ kind: 'done', command, record, ...(version !== undefined ? { version } : {}) }),
    failed: (command: NoticedCommand, problem: ApiProblem) => setNotice({ kind: 'failed', command, problem }),
  };
}
