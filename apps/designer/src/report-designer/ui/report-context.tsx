import type { ReportDefinition, EntityCatalog } from '@bankforge/report-engine';
import { createContext, useContext } from 'react';
import type { DesignerLanguage } from '../../form-designer/workspace/localized.js';
import type { ReportFieldChoice } from '../model/fields.js';
import type { ReportProblem } from '../model/problems.js';

/** What every part of the report editor reads and how it changes the draft. */
export interface ReportEditing {
  report: ReportDefinition;
  /** The published entities (empty until loaded). */
  catalog: EntityCatalog;
  /** The published entities are loaded: a name not among them is unknown, not still coming. */
  loaded: boolean;
  /** The field paths the report can read. */
  fields: readonly ReportFieldChoice[];
  /** The engine's problems as the draft stands, and the server's last refusal. */
  problems: readonly ReportProblem[];
  language: DesignerLanguage;
  /** A change, recorded for undo; changes with the same label (typing in one box) make one step. */
  update(recipe: (report: ReportDefinition) => ReportDefinition, label?: string): void;
  /** Says something to screen readers (a row moved, a join added). */
  announce(text: string): void;
}

export const ReportEditingContext = createContext<ReportEditing | null>(null);

export function useReportEditing(): ReportEditing {
  const editing = useContext(ReportEditingContext);
  if (!editing) throw new Error('useReportEditing outside the report editor');
  return editing;
}
