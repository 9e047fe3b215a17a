// @vitest-environment node
import type { BusinessKnowledgeModel, ContextExpression } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { drgModel } from '../testing/tables.js';
import {
  addContextEntry,
  addParameter,
  addResultEntry,
  changeBody,
  moveContextEntry,
  moveParameter,
  onContext,
  onLiteral,
  removeContextEntry,
  removeParameter,
  renameContextEntry,
  renameParameter,
  resultIndex,
  setContextEntryText,
  setContextEntryType,
  setLiteralText,
  setParameterType,
  withDecisionLogic,
  withKnowledgeModel,
} from './logic-edits.js';

const context = (): ContextExpression => drgModel().decisions[0]!.logic as ContextExpression;
const names = (c: ContextExpression) => c.entries.map((e) => e.name ?? '(result)');
const levelRank = (): BusinessKnowledgeModel => drgModel().businessKnowledgeModels![0]!;

describe('literal expression and context edits', () => {
  it('sets a literal expression’s text in the decision, and leaves other kinds of logic alone', () => {
    const model = drgModel();
    const edited = withDecisionLogic(model, 2, onLiteral((e) => setLiteralText(e, 'Suitable')));
    expect(edited.decisions[2]!.logic).toEqual({ kind: 'literalExpression', text: 'Suitable' });
    expect(withDecisionLogic(model, 1, onLiteral((e) => setLiteralText(e, 'x')))).toBe(model);
    expect(withDecisionLogic(model, 2, onLiteral((e) => setLiteralText(e, 'if Suitable then "ok" else "no"')))).toBe(model);
  });

  it('adds entries above the result, with free names; adds a result when there is none', () => {
    let c = addContextEntry(context(), 99);
    expect(names(c)).toEqual(['product', 'customer', 'entry', '(result)']);
    c = addContextEntry(c, 0);
    expect(names(c)).toEqual(['entry2', 'product', 'customer', 'entry', '(result)']);
    expect(c.entries[0]!.value).toEqual({ kind: 'literalExpression', text: '' });
    const noResult = removeContextEntry(c, resultIndex(c));
    expect(resultIndex(noResult)).toBe(-1);
    expect(names(addResultEntry(noResult))).toEqual(['entry2', 'product', 'customer', 'entry', '(result)']);
    expect(addResultEntry(c)).toBe(c);
  });

  it('moves named entries among themselves; the result stays last', () => {
    const c = context();
    expect(names(moveContextEntry(c, 1, 0))).toEqual(['customer', 'product', '(result)']);
    expect(moveContextEntry(c, 1, 2)).toBe(c);
    expect(moveContextEntry(c, 2, 0)).toBe(c);
  });

  it('renames an entry, sets its text and type; the result entry keeps no name', () => {
    const c = context();
    expect(names(renameContextEntry(c, 0, 'productRank'))).toEqual(['productRank', 'customer', '(result)']);
    expect(renameContextEntry(c, 2, 'x')).toBe(c);
    expect(setContextEntryText(c, 2, 'max(0, product - customer)').entries[2]!.value).toEqual({ kind: 'literalExpression', text: 'max(0, product - customer)' });
    expect(setContextEntryText(c, 0, 'Level rank(Product risk)')).toBe(c);
    const typed = setContextEntryType(c, 0, 'number');
    expect(typed.entries[0]!.typeRef).toBe('number');
    expect(setContextEntryType(typed, 0, '').entries[0]).toEqual(c.entries[0]);
  });

  it('edits a decision’s context through the artifact', () => {
    const model = drgModel();
    const edited = withDecisionLogic(model, 0, onContext((c) => renameContextEntry(c, 1, 'tolerance')));
    expect(names(edited.decisions[0]!.logic as ContextExpression)).toEqual(['product', 'tolerance', '(result)']);
    expect(withDecisionLogic(model, 2, onContext((c) => addContextEntry(c, 0)))).toBe(model);
  });
});

describe('business knowledge model edits', () => {
  it('adds, renames, types, moves and removes parameters', () => {
    let b = addParameter(levelRank());
    expect(b.parameters).toEqual([{ name: 'level', typeRef: 'string' }, { name: 'value' }]);
    b = setParameterType(renameParameter(b, 1, 'scale'), 1, 'number');
    expect(b.parameters[1]).toEqual({ name: 'scale', typeRef: 'number' });
    expect(moveParameter(b, 1, 0).parameters.map((p) => p.name)).toEqual(['scale', 'level']);
    expect(removeParameter(b, 0).parameters).toEqual([{ name: 'scale', typeRef: 'number' }]);
    expect(setParameterType(b, 0, '').parameters[0]).toEqual({ name: 'level' });
    expect(renameParameter(b, 0, 'level')).toBe(b);
  });

  it('changes the body through the artifact', () => {
    const model = drgModel();
    const edited = withKnowledgeModel(model, 0, (b) => changeBody(b, onLiteral((e) => setLiteralText(e, 'level'))));
    expect(edited.businessKnowledgeModels![0]!.body).toEqual({ kind: 'literalExpression', text: 'level' });
    expect(withKnowledgeModel(model, 0, (b) => changeBody(b, (body) => body))).toBe(model);
  });
});
