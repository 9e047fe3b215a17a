import { describe, expect, it } from 'vitest';
import { compileDecisionModel } from '../dmn/evaluate.js';
import { traceJson } from './trace-json.js';

describe('traceJson', () => {
  it('gives each table its input values and matched rules, and each decision its value, as JSON', () => {
    const model = compileDecisionModel({
      inputData: [{ name: 'Income', typeRef: 'number' }],
      decisions: [
        {
          name: 'Band',
          requirements: { inputs: ['Income'] },
          logic: {
            kind: 'decisionTable',
            hitPolicy: 'U',
            inputs: [{ expression: 'Income / 12' }],
            outputs: [{ typeRef: 'string' }],
            rules: [
              { id: 'low', inputEntries: ['< 10000'], outputEntries: ['"low"'] },
              { id: 'high', inputEntries: ['>= 10000'], outputEntries: ['"high"'] },
            ],
          },
        },
      ],
    });
    const { trace } = model.evaluate('Band', { Income: 150000 }, { trace: true });
    expect(traceJson(trace!)).toEqual({
      tables: [{ table: 'Band', hitPolicy: 'UNIQUE', inputs: [12500], matchedRules: [1], matchedRuleIds: ['high'], result: 'high', defaulted: false }],
      decisions: [
        { element: 'Income', kind: 'inputData', value: 150000 },
        { element: 'Band', kind: 'decision', value: 'high' },
      ],
    });
  });
});
