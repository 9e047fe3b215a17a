import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import { contactEntity, entityOf, field } from '@bankforge/data-model/testing';
import { contactsGroup, customerFormOf } from '../../testing/index.js';
import { compileForm } from '../compile-form.js';
import type { FormDefinition, FormFieldNode } from '../form-definition.js';
import { FormModel } from '../form-model.js';
import { evaluateSubmission } from '../submission/evaluate-submission.js';

const customer = entityOf(field('name', 'text'), field('note', 'text'), field('score', 'integer'));
const contact: EntityDefinition = { ...contactEntity, fields: [field('customer', 'reference', { reference: { entity: 'customer' } }), field('phone', 'text')] };
const f = (key: string, extra: Partial<FormFieldNode> = {}): FormFieldNode => ({ id: `n_${key}`, type: 'field', field: key, ...extra });
const LOOP = 'count(for i in 1..3000000 return i) >= 0';

function formWith(extra: Partial<FormDefinition>): ReturnType<typeof compileForm> {
  const compiled = compileForm(
    customerFormOf([f('name'), f('note'), f('score')], extra),
    { customer, contact },
  );
  expect(compiled.errors).toEqual([]);
  return compiled;
}

const validation = (expression: string, on = 'name') => ({ id: 'v', expression, field: on, message: { en: 'Invalid', 'zh-CN': '无效' } });

describe('the FEEL budget in the form model', () => {
  it('answers a catastrophic regular expression over a long value (linear-time matching)', () => {
    const compiled = formWith({ validations: [validation('not(matches(name, "^(a+)+$"))')] });
    expect(evaluateSubmission(compiled, { stored: null, changes: { name: `${'a'.repeat(40)}!` } }).errors).toEqual([]);
    expect(evaluateSubmission(compiled, { stored: null, changes: { name: 'a'.repeat(40) } }).errors.map((e) => e.code)).toEqual(['validation']);
  });

  it('reports a rule the step budget stopped as an error on what it decides, naming the expression', () => {
    const compiled = formWith({ validations: [validation(LOOP)] });
    const result = evaluateSubmission(compiled, { stored: null, changes: { name: 'Wang' } }, { budget: { steps: 10_000 } });
    expect(result.errors).toEqual([
      expect.objectContaining({ path: '/name', code: 'expressionBudgetExceeded', expression: '/validations/0/expression', resource: 'steps', message: expect.stringContaining('/validations/0/expression') }),
    ]);
    // without a budget error a stopped validation would have been null, and null passes
    const model = new FormModel(compiled, { name: 'Wang' }, { budget: { steps: 10_000 } });
    expect(model.validate().map((e) => e.code)).toEqual(['expressionBudgetExceeded']);
  });

  it('stops on the caller clock: one time budget for each model operation', () => {
    let now = 0;
    const clock = (): number => (now += 1);
    const compiled = formWith({ layout: [f('name'), f('note', { visibleWhen: 'if name = "loop" then count(for i in 1..100000 return i) > 0 else true' }), f('score')] });
    const model = new FormModel(compiled, { name: 'loop' }, { budget: { steps: 10_000_000, milliseconds: 50, clock } });
    expect(model.state.errors).toEqual([expect.objectContaining({ path: '/note', code: 'expressionBudgetExceeded', expression: '/layout/1/visibleWhen', resource: 'time' })]);
    // the rule runs to the end again: the error goes
    model.setValue('/name', 'Wang');
    expect(model.state.errors).toEqual([]);
    expect(model.state.nodes['n_note']).toBe(true);
  });

  it('names the cell of a row whose rule was stopped, and a submission with one fails whatever else holds', () => {
    const compiled = formWith({
      layout: [
        f('name'),
        contactsGroup([f('phone', { requiredWhen: 'item.phone = "x" and count(for i in 1..3000000 return i) > 0' })], { id: 'g' }),
      ],
    });
    const model = new FormModel(compiled, { name: 'Wang', contacts: [{ phone: 'y' }, { phone: 'x' }] }, { budget: { steps: 10_000 } });
    expect(model.validate()).toEqual([expect.objectContaining({ path: '/contacts/1/phone', code: 'expressionBudgetExceeded', expression: '/layout/1/fields/0/requiredWhen' })]);
  });
});
