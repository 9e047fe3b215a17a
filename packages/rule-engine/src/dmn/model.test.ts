import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { decisionArtifactSchema, type DecisionArtifact } from './model.js';

const artifact: DecisionArtifact = {
  kind: 'decision',
  key: 'loan-approval',
  title: 'Loan approval',
  itemDefinitions: [{ name: 'tRisk', typeRef: 'string', allowedValues: '"Low", "High"' }],
  inputData: [{ name: 'Risk', typeRef: 'tRisk' }],
  businessKnowledgeModels: [{ name: 'Fee', parameters: [{ name: 'x', typeRef: 'number' }], body: { kind: 'literalExpression', text: 'x * 2' } }],
  decisions: [
    {
      name: 'Approval',
      requirements: { inputs: ['Risk'] },
      logic: {
        kind: 'decisionTable',
        hitPolicy: 'C',
        aggregation: 'COUNT',
        inputs: [{ expression: 'Risk' }],
        outputs: [{ name: 'ok' }],
        rules: [{ inputEntries: ['"Low"'], outputEntries: ['true'], annotations: ['low risk'] }],
      },
    },
    {
      name: 'Ctx',
      logic: {
        kind: 'context',
        entries: [
          { name: 'f', value: { kind: 'functionDefinition', parameters: [{ name: 'a' }], body: { kind: 'literalExpression', text: 'a' } } },
          { value: { kind: 'invocation', function: 'f', bindings: [{ name: 'a', value: { kind: 'list', items: [] } }] } },
        ],
      },
    },
  ],
  decisionServices: [{ name: 'Svc', outputDecisions: ['Approval'], inputData: ['Risk'] }],
};

describe('decisionArtifactSchema', () => {
  const validate = new Ajv({ strict: true, allErrors: true }).compile(decisionArtifactSchema);

  it('accepts a complete artifact', () => {
    expect(validate(artifact), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses unknown hit policies, expression kinds and properties', () => {
    const badPolicy = structuredClone(artifact) as unknown as { decisions: { logic: { hitPolicy: string } }[] };
    badPolicy.decisions[0]!.logic.hitPolicy = 'X';
    expect(validate(badPolicy)).toBe(false);
    expect(validate({ ...artifact, decisions: [{ name: 'D', logic: { kind: 'sql', text: '' } }] })).toBe(false);
    expect(validate({ ...artifact, extra: 1 })).toBe(false);
    expect(validate({ ...artifact, kind: 'form' })).toBe(false);
  });
});
