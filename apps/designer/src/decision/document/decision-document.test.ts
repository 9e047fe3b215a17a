// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { insertRule } from '../grid/table-edits.js';
import { tierModel } from '../testing/tables.js';
import { defaultDecision, modelNames, newDecisionArtifact, replaceModel, tableOf, withTable } from './decision-document.js';

describe('the decision document', () => {
  it('finds the table of a decision whose logic is one', () => {
    const model = tierModel();
    expect(tableOf(model, 0)?.rules).toHaveLength(3);
    expect(tableOf(model, 1)).toBeNull();
    expect(tableOf(model, 9)).toBeNull();
  });

  it('lifts a table change into a new artifact, leaving the old one as it was', () => {
    const model = tierModel();
    const next = withTable(model, 0, (table) => insertRule(table, 0));
    expect(next).not.toBe(model);
    expect(tableOf(next, 0)?.rules).toHaveLength(4);
    expect(tableOf(model, 0)?.rules).toHaveLength(3);
    expect(next.decisions[1]).toBe(model.decisions[1]);
  });

  it('answers the same artifact when the table did not change, or the decision has no table', () => {
    const model = tierModel();
    expect(withTable(model, 0, (table) => table)).toBe(model);
    expect(withTable(model, 1, (table) => insertRule(table, 0))).toBe(model);
  });

  it('shows the first decision with a table first', () => {
    const model = tierModel();
    expect(defaultDecision(model)).toBe(0);
    expect(defaultDecision({ ...model, decisions: [model.decisions[1]!, model.decisions[0]!] })).toBe(1);
    expect(defaultDecision({ ...model, decisions: [model.decisions[1]!] })).toBe(0);
  });

  it('knows the names the model defines, imported ones by their import', () => {
    const model = { ...tierModel(), imports: [{ name: 'rates', namespace: 'urn:rates' }], inputData: [{ name: 'Base rate', import: 'rates' }] };
    expect(modelNames(model).sort()).toEqual(['Bonus', 'Offer', 'Tier', 'rates']);
  });

  it('starts a new artifact with one empty UNIQUE table', () => {
    expect(newDecisionArtifact('aml_screening')).toEqual({
      kind: 'decision',
      key: 'aml_screening',
      title: 'aml_screening',
      inputData: [],
      decisions: [{ name: 'aml_screening', logic: { kind: 'decisionTable', hitPolicy: 'U', inputs: [], outputs: [{}], rules: [] } }],
    });
    expect(newDecisionArtifact('aml_screening', 'AML screening')).toMatchObject({ key: 'aml_screening', title: 'AML screening', decisions: [{ name: 'aml_screening' }] });
  });

  it('replaces the model with an imported one, keeping the key, title, description and test cases', () => {
    const draft = { ...tierModel(), description: 'Tiers' };
    const imported = { namespace: 'urn:x', title: 'Other', decisions: [{ name: 'X', logic: { kind: 'literalExpression' as const, text: '1' } }] };
    expect(replaceModel(draft, imported)).toEqual({
      namespace: 'urn:x',
      decisions: imported.decisions,
      kind: 'decision',
      key: 'tier',
      title: 'Customer tier',
      description: 'Tiers',
      tests: draft.tests,
    });
  });
});
