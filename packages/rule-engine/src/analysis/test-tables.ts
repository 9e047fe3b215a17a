/** Compact decision tables for the analysis tests. */
import type { DecisionTable, DecisionTableInput, HitPolicy } from '../dmn/model.js';

/**
 * A one-output table: inputs by expression (typed number unless given in full), rows as their
 * input entries then the output entry.
 */
export function table(
  hitPolicy: HitPolicy,
  inputs: readonly (string | DecisionTableInput)[],
  rows: readonly (readonly string[])[],
  outputValues?: string,
): DecisionTable {
  return {
    kind: 'decisionTable',
    hitPolicy,
    inputs: inputs.map((i) => (typeof i === 'string' ? { expression: i, typeRef: 'number' } : i)),
    outputs: [outputValues === undefined ? { name: 'out' } : { name: 'out', outputValues }],
    rules: rows.map((row) => ({
      inputEntries: row.slice(0, inputs.length),
      outputEntries: row.slice(inputs.length),
    })),
  };
}
