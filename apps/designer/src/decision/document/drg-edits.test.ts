// @vitest-environment node
import { compileDecisionModel, type DecisionArtifact } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { drgModel } from '../testing/tables.js';
import { addBusinessKnowledgeModel, addDecision, addInputData, addRequirement, newLogic, removeElement, removeRequirement, renameElement, setDecisionQuestion, setElementType } from './drg-edits.js';

const decision = (name: string) => ({ kind: 'decision' as const, name });
const input = (name: string) => ({ kind: 'inputData' as const, name });
const bkm = (name: string) => ({ kind: 'businessKnowledgeModel' as const, name });
const compiles = (model: DecisionArtifact) => expect(compileDecisionModel(model).diagnostics).toEqual([]);

describe('diagram edits', () => {
  it('adds a decision, an input data and a knowledge model under a free FEEL name, and refuses a taken or invalid one', () => {
    const model = drgModel();
    const added = addBusinessKnowledgeModel(addInputData(addDecision(model, 'Offer', 'context'), 'Income', 'number'), 'Band of');
    expect(added.decisions.at(-1)).toEqual({ name: 'Offer', logic: newLogic('context') });
    expect(added.inputData?.at(-1)).toEqual({ name: 'Income', typeRef: 'number' });
    expect(added.businessKnowledgeModels?.at(-1)).toEqual({ name: 'Band of', parameters: [], body: { kind: 'literalExpression', text: '' } });
    expect(addDecision(model, 'Segment', 'decisionTable')).toBe(model);
    expect(addInputData(model, '1st')).toBe(model);
    compiles(added);
  });

  it('draws a requirement into the right list, and takes it away again', () => {
    const model = drgModel();
    const withInput = addRequirement(model, input('Segment'), decision('Message'));
    expect(withInput.decisions[2]!.requirements).toEqual({ decisions: ['Suitable'], inputs: ['Segment'] });
    const withKnowledge = addRequirement(withInput, bkm('Level rank'), decision('Message'));
    expect(withKnowledge.decisions[2]!.requirements?.knowledge).toEqual(['Level rank']);
    expect(addRequirement(model, decision('Message'), decision('Levels above'))).toBe(model);
    expect(removeRequirement(withKnowledge, input('Segment'), decision('Message')).decisions[2]!.requirements).toEqual({ decisions: ['Suitable'], knowledge: ['Level rank'] });
    const bare = removeRequirement(model, decision('Suitable'), decision('Message'));
    expect(bare.decisions[2]).toEqual({ name: 'Message', logic: model.decisions[2]!.logic });
    expect(removeRequirement(model, input('Segment'), decision('Message'))).toBe(model);
  });

  it('removes an element and every requirement naming it', () => {
    const model = removeElement(drgModel(), bkm('Level rank'));
    expect(model.businessKnowledgeModels).toEqual([]);
    expect(model.decisions[0]!.requirements).toEqual({ inputs: ['Product risk', 'Risk tolerance'] });
    expect(removeElement(model, input('Nobody'))).toBe(model);
  });

  it('renames an element where requirements, FEEL and the test cases name it', () => {
    const renamedInput = renameElement(drgModel(), input('Risk tolerance'), 'Tolerance');
    expect(renamedInput.inputData?.[1]).toEqual({ name: 'Tolerance', typeRef: 'string' });
    expect(renamedInput.decisions[0]!.requirements?.inputs).toEqual(['Product risk', 'Tolerance']);
    expect(renamedInput.decisions[0]!.logic).toMatchObject({ entries: [{}, { value: { text: 'Level rank(Tolerance)' } }, {}] });
    expect(renamedInput.tests?.[0]?.inputs).toEqual({ 'Product risk': 'R3', Tolerance: 'R1', Segment: 'mass' });
    compiles(renamedInput);

    const renamedDecision = renameElement(drgModel(), decision('Suitable'), 'Is suitable');
    expect(renamedDecision.decisions[2]).toMatchObject({ requirements: { decisions: ['Is suitable'] }, logic: { text: 'if Is suitable then "ok" else "no"' } });
    expect(renamedDecision.tests?.[0]?.decision).toBe('Is suitable');
    compiles(renamedDecision);

    // A cell or allowed values reading the name follow it; a string that spells it does not.
    const withCeiling = drgModel();
    withCeiling.inputData!.push({ name: 'Ceiling', typeRef: 'number' });
    const table = withCeiling.decisions[1]!;
    table.requirements = { ...table.requirements, inputs: ['Segment', 'Ceiling'] };
    if (table.logic?.kind !== 'decisionTable') throw new Error('the example changed: Suitable is a table');
    table.logic.inputs[0] = { ...table.logic.inputs[0]!, inputValues: '[0..Ceiling]' };
    table.logic.rules[0]!.inputEntries = ['> Ceiling', 'not("Ceiling")'];
    const renamedInCells = renameElement(withCeiling, input('Ceiling'), 'Max levels');
    const logic = renamedInCells.decisions[1]!.logic as typeof table.logic;
    expect([logic.inputs[0]!.inputValues, ...logic.rules[0]!.inputEntries]).toEqual(['[0..Max levels]', '> Max levels', 'not("Ceiling")']);
    compiles(renamedInCells);

    const renamedBkm = renameElement(drgModel(), bkm('Level rank'), 'Rank');
    expect(renamedBkm.decisions[0]!.requirements?.knowledge).toEqual(['Rank']);
    expect(renamedBkm.decisions[0]!.logic).toMatchObject({ entries: [{ value: { text: 'Rank(Product risk)' } }, {}, {}] });
    compiles(renamedBkm);

    const model = drgModel();
    expect(renameElement(model, decision('Suitable'), 'Segment')).toBe(model);
    expect(renameElement(model, decision('Suitable'), 'if x')).toBe(model);
  });

  it('a table’s input expression and output cells follow a rename; a string holding the name does not', () => {
    const model = drgModel();
    model.decisions[2]!.logic = { kind: 'literalExpression', text: 'if Suitable then "Suitable" else "no"' };
    const renamed = renameElement(model, decision('Levels above'), 'Gap');
    expect(renamed.decisions[1]!.logic).toMatchObject({ inputs: [{ expression: 'Gap' }, { expression: 'Segment' }] });
    expect(renameElement(model, decision('Suitable'), 'Ok').decisions[2]!.logic).toMatchObject({ text: 'if Ok then "Suitable" else "no"' });
  });

  it('sets a type and a question; the same artifact when nothing changes', () => {
    const model = drgModel();
    expect(setElementType(model, input('Segment'), '').inputData?.[2]).toEqual({ name: 'Segment' });
    expect(setElementType(model, decision('Message'), 'string').decisions[2]!.typeRef).toBe('string');
    expect(setElementType(model, input('Segment'), 'string')).toBe(model);
    expect(setDecisionQuestion(model, 'Message', 'What do we tell?').decisions[2]!.question).toBe('What do we tell?');
    expect(setDecisionQuestion(model, 'Message', '')).toBe(model);
  });
});
