/** An evaluation's trace as JSON data: what a host sends back to a caller or keeps in a log. */
import { fromFeelValue } from '../feel/values/json.js';
import type { EvaluationTrace } from '../dmn/run.js';

/** What one decision table saw and did. */
export interface DecisionTableTraceJson {
  /** The decision or BKM the table is the logic of. */
  table: string;
  hitPolicy: string;
  /** The input expressions' values, in column order. */
  inputs: unknown[];
  /** The rules that matched, 0-based, in rule order, and their ids when the model gives ids. */
  matchedRules: number[];
  matchedRuleIds: (string | null)[];
  result: unknown;
  /** No rule matched and the default output entries answered. */
  defaulted: boolean;
}

/** A decision's (or an input's, an override's, a service's) value, in the order evaluation completed. */
export interface DecisionValueTraceJson {
  element: string;
  kind: 'decision' | 'inputData' | 'override' | 'decisionService';
  value: unknown;
}

export interface EvaluationTraceJson {
  tables: DecisionTableTraceJson[];
  decisions: DecisionValueTraceJson[];
}

export function traceJson(trace: EvaluationTrace): EvaluationTraceJson {
  return {
    tables: trace.tables.map((t) => ({
      table: t.element,
      hitPolicy: t.hitPolicy,
      inputs: t.inputs.map(fromFeelValue),
      matchedRules: t.matchedRules,
      matchedRuleIds: t.matchedRuleIds,
      result: fromFeelValue(t.result),
      defaulted: t.defaulted,
    })),
    decisions: trace.decisions.map((d) => ({ element: d.element, kind: d.kind, value: fromFeelValue(d.value) })),
  };
}
