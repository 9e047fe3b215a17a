import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { decisionArtifactSchema, type DecisionArtifact } from '../dmn/model.js';

const validate = new Ajv({ allErrors: true, strict: false }).compile(decisionArtifactSchema);

const artifact: DecisionArtifact = {
  kind: 'decision',
  key: 'aml_screening',
  title: 'AML screening',
  inputData: [
    { name: 'Amount', typeRef: 'number' },
    { name: 'Passport', typeRef: 'string', sensitive: true },
  ],
  decisions: [{ name: 'Alert', requirements: { inputs: ['Amount'] }, logic: { kind: 'literalExpression', text: 'Amount > 50000' } }],
  tests: [{ name: 'large cash', decision: 'Alert', inputs: { Amount: 60000, Passport: 'E1234' }, expected: { result: true } }],
};

describe('the decision artifact schema', () => {
  it('takes test cases and sensitive input data', () => {
    expect(validate(artifact), JSON.stringify(validate.errors)).toBe(true);
  });

  it('refuses a test case without a name, inputs or an expected output, or with unknown members', () => {
    for (const test of [
      { inputs: {}, expected: { result: 1 } },
      { name: 'x', expected: { result: 1 } },
      { name: 'x', inputs: {}, expected: {} },
      { name: 'x', inputs: {}, expected: { result: 1 }, comment: 'no' },
    ]) {
      expect(validate({ ...artifact, tests: [test] }), JSON.stringify(test)).toBe(false);
    }
    expect(validate({ ...artifact, inputData: [{ name: 'Amount', sensitive: 'yes' }] })).toBe(false);
  });
});
