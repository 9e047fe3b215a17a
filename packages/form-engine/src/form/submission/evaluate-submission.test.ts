import { describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import { compileRecordValidator } from '@bankforge/data-model';
import { contactEntity, entityOf, field, options } from '@bankforge/data-model/testing';
import { contactsGroup, customerFormOf } from '../../testing/index.js';
import { compileForm } from '../compile-form.js';
import type { FormFieldNode } from '../form-definition.js';
import { evaluateSubmission } from './evaluate-submission.js';

const customer = entityOf(
  field('name', 'text', { required: true }),
  field('occupation', 'singleSelect', { options: options('employed', 'retired') }),
  field('employer', 'text'),
  field('status', 'singleSelect', { options: options('draft', 'approved') }),
  field('limit', 'decimal', { scale: 2 }),
  field('double_limit', 'decimal', { scale: 2 }),
  field('mobile', 'mobile'),
);
const contact: EntityDefinition = { ...contactEntity, fields: [field('customer', 'reference', { reference: { entity: 'customer' } }), field('phone', 'mobile')] };
const f = (key: string, extra: Partial<FormFieldNode> = {}): FormFieldNode => ({ id: `n_${key}`, type: 'field', field: key, ...extra });
const compiled = compileForm(
  customerFormOf([
    f('name'),
    f('occupation'),
    f('employer', { visibleWhen: 'occupation = "employed"', requiredWhen: 'true' }),
    f('status'),
    f('limit', { readonlyWhen: 'status = "approved"' }),
    f('double_limit', { value: 'limit * 2' }),
    f('mobile'),
    contactsGroup([f('phone')], { id: 'g', minRows: 1 }),
  ]),
  { customer, contact },
);
const codes = (result: ReturnType<typeof evaluateSubmission>) => result.errors.map((e) => `${e.path}:${e.code}`);

describe('evaluateSubmission', () => {
  it('compiles cleanly', () => expect(compiled.errors).toEqual([]));

  it('accepts a valid create and recomputes computed fields over what the client sent', () => {
    const result = evaluateSubmission(compiled, { stored: null, changes: { name: 'Wang', limit: '10.00', double_limit: '999.00', contacts: [{ phone: '1' }] } });
    expect(result).toEqual({ errors: [], values: { name: 'Wang', limit: '10.00', double_limit: '20.00' } });
  });

  it('requires what the form requires, only where visible', () => {
    expect(codes(evaluateSubmission(compiled, { stored: null, changes: { occupation: 'employed' } }))).toEqual(['/name:required', '/employer:required']);
    expect(codes(evaluateSubmission(compiled, { stored: { name: 'Wang', occupation: 'employed', employer: 'ACME' }, changes: { occupation: 'retired' } }))).toEqual([]);
  });

  it('refuses a value for a field the form hides (a crafted request)', () => {
    const result = evaluateSubmission(compiled, { stored: { name: 'Wang', occupation: 'retired' }, changes: { employer: 'Shell Co' } });
    expect(result.errors).toEqual([{ path: '/employer', code: 'fieldHidden', message: expect.any(String), messageZh: expect.stringContaining('隐藏') }]);
    expect(codes(evaluateSubmission(compiled, { stored: { name: 'Wang', occupation: 'retired' }, changes: { employer: null } }))).toEqual([]);
  });

  it('refuses a change to a field read-only before and after, but not when the same change unlocks it', () => {
    const approved = { name: 'Wang', status: 'approved', limit: '10.00' };
    expect(codes(evaluateSubmission(compiled, { stored: approved, changes: { limit: '99.00' } }))).toEqual(['/limit:fieldReadonly']);
    expect(codes(evaluateSubmission(compiled, { stored: approved, changes: { limit: '10.00' } }))).toEqual([]);
    expect(codes(evaluateSubmission(compiled, { stored: approved, changes: { status: 'draft', limit: '99.00' } }))).toEqual([]);
    expect(codes(evaluateSubmission(compiled, { stored: { ...approved, status: 'draft' }, changes: { status: 'approved', limit: '99.00' } }))).toEqual([]);
  });

  it('runs the type checks it is given and leaves repeating groups to their own writes', () => {
    const typeChecks = { customer: compileRecordValidator(customer, { partial: true }) };
    expect(codes(evaluateSubmission(compiled, { stored: { name: 'Wang' }, changes: { mobile: '123' } }, { typeChecks }))).toEqual(['/mobile:mobile']);
  });
});
