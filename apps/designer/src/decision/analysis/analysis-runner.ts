/**
 * Runs table analyses in a worker, so a long one (a 500-rule table with many overlaps takes
 * hundreds of milliseconds) never freezes typing or scrolling. Where there is no worker (tests,
 * or it failed to start) the analysis runs on the page's thread instead.
 */
import { analyzeDecisionTable, type DecisionTable, type DecisionTableAnalysis, type DecisionTableAnalysisOptions } from '@bankforge/rule-engine';
import type { AnalysisResponse } from './analysis-request.js';

export interface AnalysisRunner {
  analyze(table: DecisionTable, options: DecisionTableAnalysisOptions): Promise<DecisionTableAnalysis>;
  dispose(): void;
}

const inThread = async (table: DecisionTable, options: DecisionTableAnalysisOptions) => analyzeDecisionTable(table, options);

export function createAnalysisRunner(): AnalysisRunner {
  if (typeof Worker === 'undefined') return { analyze: inThread, dispose: () => undefined };
  let worker: Worker | null = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  const pending = new Map<number, { table: DecisionTable; options: DecisionTableAnalysisOptions; resolve(analysis: DecisionTableAnalysis): void }>();
  let next = 0;
  worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
    pending.get(event.data.id)?.resolve(event.data.analysis);
    pending.delete(event.data.id);
  };
  worker.onerror = () => {
    // The worker could not start or run: what it was asked is answered here, and so is everything after.
    worker?.terminate();
    worker = null;
    for (const request of pending.values()) void inThread(request.table, request.options).then(request.resolve);
    pending.clear();
  };
  return {
    analyze(table, options) {
      if (worker === null) return inThread(table, options);
      const id = next++;
      const running = worker;
      return new Promise((resolve) => {
        pending.set(id, { table, options, resolve });
        running.postMessage({ id, table, options });
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}
