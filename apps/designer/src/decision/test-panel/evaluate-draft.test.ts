// @vitest-environment node
import { compileDecisionModel, type DecisionArtifact } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { evaluateDraft } from './evaluate-draft.js';
import { riskBand } from './testing/risk-band.js';

const run = (artifact: DecisionArtifact, inputs: Record<string, unknown>) =>
  evaluateDraft(artifact, compileDecisionModel(artifact), inputs);

describe('evaluateDraft', () => {
  it('answers the top decision’s outputs by name, with the rules each table matched and the trace', () => {
    const { evaluation } = run(riskBand(), { CreditScore: '580', Segment: 'private' });
    expect(evaluation?.decision).toBe('Band');
    expect(evaluation?.outputs).toEqual({ band: 'C', limit: 20000 });
    expect(evaluation?.matchedRules).toEqual([
      { table: 'Band', matchedRules: [3], matchedRuleIds: ['private-low'] },
    ]);
    expect(evaluation?.trace.tables[0]).toMatchObject({
      table: 'Band',
      hitPolicy: 'UNIQUE',
      inputs: [580, 'private'],
      defaulted: false,
    });
  });

  it('reads a date input given as ISO text, and names a decision answering a plain value `result`', () => {
    const artifact: DecisionArtifact = {
      kind: 'decision',
      key: 'age',
      title: 'Age',
      inputData: [{ name: 'Birth', typeRef: 'date' }],
      decisions: [
        {
          name: 'Year',
          requirements: { inputs: ['Birth'] },
          logic: { kind: 'literalExpression', text: 'Birth.year' },
        },
      ],
    };
    expect(run(artifact, { Birth: '1990-04-01' }).evaluation?.outputs).toEqual({ result: 1990 });
  });

  it('says why there is no answer when the model has no decision', () => {
    const empty: DecisionArtifact = { kind: 'decision', key: 'empty', title: 'Empty', decisions: [] };
    expect(run(empty, {}).error).toMatch(/no decision/);
  });
});
