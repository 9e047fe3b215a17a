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
