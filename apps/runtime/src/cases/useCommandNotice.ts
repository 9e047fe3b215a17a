import type { ApiProblem } from '@bankforge/client';
import { useState } from 'react';
import type { CaseCommand } from './CaseCommands.js';

export type CommandNotice = { kind: 'done'; command: CaseCommand; record: string } | { kind: 'failed'; command: CaseCommand; problem: ApiProblem } | null;

/** What the last case command did, for the page's status line or its problem notice. */
export function useCommandNotice() {
  const [notice, setNotice] = useState<CommandNotice>(null);
  return {
    notice,
    done: (command: CaseCommand, record: string) => setNotice({ kind: 'done', command, record }),
    failed: (command: CaseCommand, problem: ApiProblem) => setNotice({ kind: 'failed', command, problem }),
  };
}
