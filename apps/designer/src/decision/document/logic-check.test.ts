// @vitest-environment node
import type { ContextExpression } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { drgModel } from '../testing/tables.js';
import { checkContext, checkExpression, checkParameters, decisionScope, knowledgeScope } from './logic-check.js';

describe('logic checks', () => {
  it('a decision reads what it requires; a model name it does not require is said apart from an unknown one', () => {
    const model = drgModel();
    const scope = decisionScope(model, 2);
    expect(checkExpression('if Suitable then "ok" else "no"', scope)).toBeNull();
    expect(checkExpression('Segment', scope)).toEqual({ severity: 'warning', code: 'notRequired', name: 'Segment' });
    expect(checkExpression('Segmnt', scope)).toEqual({ severity: 'warning', code: 'unknownName', name: 'Segmnt' });
    expect(checkExpression('if Suitable then', scope)).toMatchObject({ severity: 'error', code: 'syntax' });
    expect(checkExpression('', scope)).toBeNull();
  });

  it('a context entry reads the entries above it, not those below; names are FEEL names and unique', () => {
    const model = drgModel();
    const scope = decisionScope(model, 0);
    const context = model.decisions[0]!.logic as ContextExpression;
    expect(checkContext(context, scope)).toEqual([{}, {}, {}]);
    const swapped: ContextExpression = {
      ...context,
      entries: [
        { name: 'product', value: { kind: 'literalExpression', text: 'customer + 1' } },
        { name: 'product', value: { kind: 'literalExpression', text: 'Level rank(Risk tolerance)' } },
        { name: 'two words', value: { kind: 'literalExpression', text: 'product * 2' } },
        { name: 'a = b', value: { kind: 'literalExpression', text: '1 +' } },
        { value: { kind: 'literalExpression', text: 'two words - customer' } },
      ],
    };
    const issues = checkContext(swapped, scope);
    expect(issues[0]).toEqual({ name: { severity: 'error', code: 'name', problem: 'taken' }, value: { severity: 'warning', code: 'unknownName', name: 'customer' } });
    expect(issues[1]).toEqual({ name: { severity: 'error', code: 'name', problem: 'taken' } });
    expect(issues[2]).toEqual({});
    expect(issues[3]).toMatchObject({ name: { problem: 'character' }, value: { severity: 'error', code: 'syntax' } });
    expect(issues[4]).toEqual({ value: { severity: 'warning', code: 'unknownName', name: 'customer' } });
  });

  it('a knowledge model’s body reads its parameters; parameters need FEEL names of their own', () => {
    const model = drgModel();
    const bkm = model.businessKnowledgeModels![0]!;
    expect(checkExpression('index of(["R1"], level)[1]', knowledgeScope(model, bkm))).toBeNull();
    expect(checkExpression('Segment', knowledgeScope(model, bkm))).toMatchObject({ code: 'notRequired' });
    expect(checkParameters({ ...bkm, parameters: [{ name: 'level' }, { name: 'level' }, { name: '' }] })).toEqual([
      { severity: 'error', code: 'name', problem: 'taken' },
      { severity: 'error', code: 'name', problem: 'taken' },
      { severity: 'error', code: 'name', problem: 'required' },
    ]);
  });
});
