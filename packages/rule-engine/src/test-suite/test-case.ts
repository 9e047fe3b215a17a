/**
 * A decision's test cases, kept in the artifact beside the rules they test: what an analyst
 * expects the decision to answer for given inputs. Publishing runs them (`runDecisionTests`).
 */

/** One test case: inputs by input data name, the outputs expected of a decision. */
export interface DecisionTestCase {
  name: string;
  /** The decision under test, by name; the model's top decision when absent. */
  decision?: string;
  /** Input data values by name, as JSON (a number input also takes decimal text: `"3000000.00"`). */
  inputs: Record<string, unknown>;
  /**
   * The outputs expected, as `decisionOutputs` names them: a decision answering a context by its
   * entries, any other by `result`. Only the outputs named are compared.
   */
  expected: Record<string, unknown>;
}

/** JSON Schema (draft-07) of a test case, for the artifact's schema. */
export const decisionTestCaseSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'inputs', 'expected'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    decision: { type: 'string', minLength: 1, maxLength: 500 },
    inputs: { type: 'object', maxProperties: 500 },
    expected: { type: 'object', minProperties: 1, maxProperties: 500 },
  },
} as const;
