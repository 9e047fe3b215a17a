/** Small decision tables and models the decision designer's tests share. */
import type { DecisionArtifact, DecisionTable } from '@bankforge/rule-engine';

/** A UNIQUE table deciding a customer's tier from age and balance, with an annotation column and rule ids. */
export function tierTable(): DecisionTable {
  return {
    kind: 'decisionTable',
    hitPolicy: 'U',
    inputs: [
      { expression: 'Age', label: 'Age', typeRef: 'number' },
      { expression: 'Balance', typeRef: 'number' },
    ],
    outputs: [{ name: 'tier', typeRef: 'string' }],
    annotations: ['Why'],
    rules: [
      { id: 'young', inputEntries: ['< 30', '-'], outputEntries: ['"basic"'], annotations: ['young'] },
      { id: 'rich', inputEntries: ['>= 30', '> 100000'], outputEntries: ['"gold"'], annotations: ['rich'] },
      { id: 'rest', inputEntries: ['>= 30', '<= 100000'], outputEntries: ['"silver"'], annotations: [''] },
    ],
  };
}

/** A decision model with a table decision, a literal decision and a context decision. */
export function tierModel(): DecisionArtifact {
  return {
    kind: 'decision',
    key: 'tier',
    title: 'Customer tier',
    inputData: [
      { name: 'Age', typeRef: 'number' },
      { name: 'Balance', typeRef: 'number' },
      { name: 'Monthly Income', typeRef: 'number' },
    ],
    decisions: [
      { name: 'Tier', requirements: { inputs: ['Age', 'Balance'] }, logic: tierTable() },
      { name: 'Bonus', logic: { kind: 'literalExpression', text: 'if Tier = "gold" then 100 else 0' } },
      {
        name: 'Offer',
        logic: {
          kind: 'context',
          entries: [
            { name: 'tier', value: { kind: 'literalExpression', text: 'Tier' } },
            { name: 'bonus', value: { kind: 'literalExpression', text: 'Bonus' } },
          ],
        },
      },
    ],
    tests: [{ name: 'young is basic', decision: 'Tier', inputs: { Age: 20, Balance: 5 }, expected: { result: 'basic' } }],
  };
}

/**
 * A model of several decisions, input data and a business knowledge model: a risk level's rank
 * (a knowledge model), the levels a product is above the customer's tolerance (a context invoking
 * it), and a table on top.
 */
export function drgModel(): DecisionArtifact {
  return {
    kind: 'decision',
    key: 'suitability',
    title: 'Suitability',
    inputData: [
      { name: 'Product risk', typeRef: 'string' },
      { name: 'Risk tolerance', typeRef: 'string' },
      { name: 'Segment', typeRef: 'string' },
    ],
    businessKnowledgeModels: [
      {
        name: 'Level rank',
        parameters: [{ name: 'level', typeRef: 'string' }],
        body: { kind: 'literalExpression', text: 'index of(["R1", "R2", "R3"], level)[1]' },
      },
    ],
    decisions: [
      {
        name: 'Levels above',
        requirements: { inputs: ['Product risk', 'Risk tolerance'], knowledge: ['Level rank'] },
        logic: {
          kind: 'context',
          entries: [
            { name: 'product', value: { kind: 'literalExpression', text: 'Level rank(Product risk)' } },
            { name: 'customer', value: { kind: 'literalExpression', text: 'Level rank(Risk tolerance)' } },
            { value: { kind: 'literalExpression', text: 'product - customer' } },
          ],
        },
      },
      {
        name: 'Suitable',
        requirements: { decisions: ['Levels above'], inputs: ['Segment'] },
        logic: {
          kind: 'decisionTable',
          hitPolicy: 'F',
          inputs: [{ expression: 'Levels above', typeRef: 'number' }, { expression: 'Segment', typeRef: 'string' }],
          outputs: [{ typeRef: 'boolean' }],
          rules: [
            { inputEntries: ['> 0', '-'], outputEntries: ['false'] },
            { inputEntries: ['-', '-'], outputEntries: ['true'] },
          ],
        },
      },
      { name: 'Message', requirements: { decisions: ['Suitable'] }, logic: { kind: 'literalExpression', text: 'if Suitable then "ok" else "no"' } },
    ],
    tests: [{ name: 'above', decision: 'Suitable', inputs: { 'Product risk': 'R3', 'Risk tolerance': 'R1', Segment: 'mass' }, expected: { result: false } }],
  };
}
