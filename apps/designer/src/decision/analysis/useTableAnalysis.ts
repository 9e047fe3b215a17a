import type { DecisionTable, DecisionTableAnalysis, DecisionTableAnalysisOptions } from '@bankforge/rule-engine';
import { useEffect, useRef, useState } from 'react';
import { createAnalysisRunner, type AnalysisRunner } from './analysis-runner.js';

/** How long the table must stay unchanged before it is analysed again: typing and pasting do not wait for it. */
export const ANALYSIS_DELAY_MS = 250;

export interface TableAnalysisState {
  /** The latest analysis of this table: of its current rules, or of them a change or two ago. */
  analysis: DecisionTableAnalysis | null;
  /** The analysis is of the table as it is now. */
  current: boolean;
}

/**
 * The analysis of a table, run in a worker after the table has stopped changing for a moment, off
 * the path of the change itself. `tableId` names the table shown (the decision): another table's
 * analysis is never answered for it, even while its own is on the way.
 */
export function useTableAnalysis(tableId: string, table: DecisionTable, options: DecisionTableAnalysisOptions): TableAnalysisState {
  const [result, setResult] = useState<{ tableId: string; table: DecisionTable; analysis: DecisionTableAnalysis } | null>(null);
  const runner = useRef<AnalysisRunner | null>(null);
  useEffect(
    () => () => {
      runner.current?.dispose();
      runner.current = null;
    },
    [],
  );
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      runner.current ??= createAnalysisRunner();
      void runner.current.analyze(table, options).then((analysis) => live && setResult({ tableId, table, analysis }));
    }, ANALYSIS_DELAY_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [tableId, table, options]);
  if (result === null || result.tableId !== tableId) return { analysis: null, current: false };
  return { analysis: result.analysis, current: result.table === table };
}
