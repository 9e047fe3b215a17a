/** A decision model's elements as versions are compared: DRG elements by name, table rules by id, test cases by name. */
import type { ArtifactElement } from '../artifact/artifact-kind.js';
import type { DecisionArtifact, DecisionTable } from './model.js';

const token = (t: string | number) => `/${String(t).replaceAll('~', '~0').replaceAll('/', '~1')}`;
const pointer = (...tokens: (string | number)[]) => tokens.map(token).join('');

/**
 * A table's rules, matched by their ids; a rule without one by its number (the order is all it has).
 * Their ids are unique within their table only, so the element's name goes before them.
 */
function ruleElements(owner: string, logic: unknown, path: string): ArtifactElement[] {
  const table = logic as DecisionTable | undefined;
  if (table?.kind !== 'decisionTable') return [];
  return table.rules.map((rule, index) => ({
    type: 'rule',
    id: `${owner}/${rule.id ?? `#${index + 1}`}`,
    path: `${path}${pointer('rules', index)}`,
    label: { en: rule.id ?? String(index + 1) },
  }));
}

const named = (type: string, list: readonly { name: string }[] | undefined, property: string): ArtifactElement[] =>
  (list ?? []).map((item, index) => ({ type, id: item.name, path: pointer(property, index), label: { en: item.name } }));

export function decisionElements(artifact: DecisionArtifact): ArtifactElement[] {
  return [
    ...named('itemDefinition', artifact.itemDefinitions, 'itemDefinitions'),
    ...named('input', artifact.inputData, 'inputData'),
    ...artifact.decisions.flatMap((decision, index) => [
      { type: 'decision', id: decision.name, path: pointer('decisions', index), label: { en: decision.name } },
      ...ruleElements(decision.name, decision.logic, pointer('decisions', index, 'logic')),
    ]),
    ...(artifact.businessKnowledgeModels ?? []).flatMap((bkm, index) => [
      { type: 'knowledgeModel', id: bkm.name, path: pointer('businessKnowledgeModels', index), label: { en: bkm.name } },
      ...ruleElements(bkm.name, bkm.body, pointer('businessKnowledgeModels', index, 'body')),
    ]),
    ...named('decisionService', artifact.decisionServices, 'decisionServices'),
    ...named('testCase', artifact.tests, 'tests'),
  ];
}
