import { analyzeDecisionTable, type DecisionTable, type DecisionTableAnalysis, type DecisionTableAnalysisOptions } from '@bankforge/rule-engine';
import { useEffect, useState } from 'react';

/** How long the table must stay unchanged before it is analysed again: typing and pasting do not wait for it. */
export const ANALYSIS_DELAY_MS = 250;

export interface TableAnalysisState {
  /** The latest analysis of this table: of its current rules, or of them a change or two ago. */
  analysis: DecisionTableAnalysis | null;
  /** The analysis is of the table as it is now. */
  current: boolean;
}

/**
 * The analysis of a table, run after the table has stopped changing for a moment (a timer, off the
 * path of the change itself). `tableId` names the table shown (the decision): another table's
 * analysis is never answered for it, even while its own is on the way.
 */
export function useTableAnalysis(tableId: string, table: DecisionTable | null, options: DecisionTableAnalysisOptions): TableAnalysisState {
  const [result, setResult] = useState<{ tableId: string; table: DecisionTable; analysis: DecisionTableAnalysis } | null>(null);
  useEffect(() => {
    if (table === null) return;
    const timer = setTimeout(() => setResult({ tableId, table, analysis: analyzeDecisionTable(table, options) }), ANALYSIS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [tableId, table, options]);
  if (table === null || result === null || result.tableId !== tableId) return { analysis: null, current: false };
  return { analysis: result.analysis, current: result.table === table };
}
