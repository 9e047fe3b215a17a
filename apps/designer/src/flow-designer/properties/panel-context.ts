import type { ProblemFieldError } from '@bankforge/client';
import type { FlowDefinition } from '@bankforge/flow-engine';
import { createContext, useContext } from 'react';
import type { DesignerLanguage } from '../document/names.js';

/** What every property panel reads: the flow, the reader's language, and the live problems by path. */
export interface PanelContext {
  flow: FlowDefinition;
  language: DesignerLanguage;
  /** The problems at `path` or under it, in the reader's language, for the control that edits it. */
  problemsAt(path: string): ProblemFieldError[];
  /** The names a FEEL expression of the flow may read: its variables. */
  variableNames: ReadonlySet<string>;
  /** Changes the flow; changes with the same label make one undo step (typing in one box). */
  change(recipe: (flow: FlowDefinition) => FlowDefinition, label?: string): void;
}

export const PanelContextValue = createContext<PanelContext | null>(null);

export function usePanel(): PanelContext {
  const context = useContext(PanelContextValue);
  if (context === null) throw new Error('usePanel outside the flow property panel');
  return context;
}
