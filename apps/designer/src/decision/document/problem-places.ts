import { nameFrom, type DocumentReading } from '../../shell/problem-places/problem-places.js';

const byName = nameFrom('name');

/** A table input by its label, else the expression it reads. */
function inputName(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  const input = item as { label?: unknown; inputExpression?: { text?: unknown }; expression?: unknown };
  const name = input.label ?? input.inputExpression?.text ?? input.expression;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/**
 * How a decision model reads in words (shell/problem-places):
 * `/decisions/0/logic/rules/3/inputEntries/1` is "Decision “Loan risk” › Rule 4 › Input 2".
 */
export const DECISION_READING: DocumentReading = {
  namespace: 'decisionDesigner',
  lists: {
    decisions: { item: 'places.decision', named: 'places.namedDecision', nameOf: byName },
    inputData: { item: 'places.inputData', named: 'places.namedInputData', nameOf: byName },
    businessKnowledgeModels: { item: 'places.knowledgeModel', named: 'places.namedKnowledgeModel', nameOf: byName },
    itemDefinitions: { item: 'places.itemDefinition', named: 'places.namedItemDefinition', nameOf: byName },
    parameters: { item: 'places.parameter', named: 'places.namedParameter', nameOf: byName },
    rules: { item: 'places.rule' },
    inputs: { item: 'places.input', named: 'places.namedInput', nameOf: inputName },
    inputEntries: { item: 'places.input' },
    outputs: { item: 'places.output', named: 'places.namedOutput', nameOf: (item) => nameFrom('label')(item, 'en') ?? byName(item, 'en') },
    outputEntries: { item: 'places.output' },
    tests: { item: 'places.test', named: 'places.namedTest', nameOf: byName },
  },
  transparent: new Set(['logic', 'body']),
  keyed: new Set(['inputs', 'expected']),
};
