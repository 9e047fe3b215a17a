import { describe, expect, it } from 'vitest';
import { decisionKind } from './decision-kind.js';
import type { DecisionArtifact } from './model.js';

const context = { stage: 'publish' as const, warn: () => undefined };

function grading(entry: string): DecisionArtifact {
  return {
    kind: 'decision',
    key: 'grading',
    title: 'Grading',
    inputData: [{ name: 'Score', typeRef: 'number' }],
    decisions: [
      { name: 'Unused', logic: { kind: 'literalExpression', text: '1' } },
      {
        name: 'Grade',
        requirements: { inputs: ['Score'] },
        logic: {
          kind: 'decisionTable',
          hitPolicy: 'F',
          inputs: [{ expression: 'Score' }],
          outputs: [{ typeRef: 'string' }],
          rules: [
            { inputEntries: [entry], outputEntries: ['"A"'] },
            { inputEntries: ['-'], outputEntries: ['"B"'] },
          ],
        },
      },
    ],
  };
}

describe('the decision kind', () => {
  it('accepts a decision that compiles', async () => {
    expect(await decisionKind.check(grading('>= 90'), context)).toEqual([]);
  });

  it('reports what does not compile at the JSON Pointer of its cell', async () => {
    const problems = await decisionKind.check(grading('>= (90'), context);
    expect(problems).toEqual([
      {
        path: '/decisions/1/logic/rules/0/inputEntries/0',
        code: 'doesNotCompile',
        message: expect.stringMatching(/^Grade: ">= \(90" does not compile/),
      },
    ]);
  });

  it('has one format so far', () => {
    const decision = grading('-');
    expect(decisionKind.upgrade(decision)).toEqual({ document: decision });
  });
});
