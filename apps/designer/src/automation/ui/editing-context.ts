import type { ProblemFieldError } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { createContext, useContext } from 'react';
import type { AutomationCatalog } from '../catalog/useAutomationCatalog.js';
import type { AutomationDocument } from '../model/automation-document.js';

/** What every part of the automation designer reads and changes. */
export interface AutomationEditing {
  document: AutomationDocument;
  catalog: AutomationCatalog;
  /** The trigger's entity's published definition, once chosen and loaded. */
  entity: EntityDefinition | undefined;
  /** The server's answer to the last save or publish, addressed by JSON Pointers. */
  problems: readonly ProblemFieldError[];
  language: 'en' | 'zh-CN';
  /** A change to the draft; consecutive ones with one label (typing in one field) are one undo step. */
  update(recipe: (document: AutomationDocument) => AutomationDocument, label?: string): void;
  /** Said by the live region (moves, adds, removals). */
  announce(text: string): void;
}

export const AutomationEditingContext = createContext<AutomationEditing | null>(null);

export function useAutomationEditing(): AutomationEditing {
  const editing = useContext(AutomationEditingContext);
  if (!editing) throw new Error('useAutomationEditing outside the automation designer');
  return editing;
}
