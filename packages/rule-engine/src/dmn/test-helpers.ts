/** Small native models for the DMN unit tests. */
import { fromFeelValue } from '../feel/values/json.js';
import type { FeelValue } from '../feel/values/feel-value.js';
import { compileDecisionModel, type CompiledDecisionModel } from './evaluate.js';
import type { Aggregation, DecisionModel, DecisionTable, HitPolicy } from './model.js';

/** A one-decision model over input data (all typed `number` unless told) with a decision table. */
export function tableModel(
  table: Omit<DecisionTable, 'kind' | 'hitPolicy' | 'aggregation'> & { hitPolicy: HitPolicy; aggregation?: Aggregation },
  inputs: Record<string, string> = { x: 'number' },
  typeRef?: string,
): DecisionModel {
  return {
    inputData: Object.entries(inputs).map(([name, t]) => ({ name, typeRef: t })),
    decisions: [
      {
        name: 'Result',
        ...(typeRef ? { typeRef } : {}),
        requirements: { inputs: Object.keys(inputs) },
        logic: { kind: 'decisionTable', ...table },
      },
    ],
  };
}

export function compile(model: DecisionModel): CompiledDecisionModel {
  const compiled = compileDecisionModel(model);
  if (compiled.diagnostics.length > 0) throw new Error(JSON.stringify(compiled.diagnostics));
  return compiled;
}

/** Evaluates and gives the value as JSON (numbers as JS numbers). */
export function json(value: FeelValue): unknown {
  return fromFeelValue(value);
}
