import { compileForm, evaluateSubmission, FormModel } from '@bankforge/form-engine';
import { describe, expect, it } from 'vitest';
import { bankCrmEntities } from '../entities/index.js';
import { generateBankCrmSeed } from '../seed.js';
import { customerForm } from './customer-form.js';

const entities = Object.fromEntries(bankCrmEntities.map((e) => [e.key, e]));
const compiled = compileForm(customerForm, entities);

describe('the customer form', () => {
  it('compiles against the bank CRM entities without a publish error', () => {
    expect(compiled.errors).toEqual([]);
  });

  it('places every customer field once', () => {
    const placed: string[] = [];
    JSON.stringify(customerForm.layout, (key, value: unknown) => {
      if (key === 'field' && typeof value === 'string') placed.push(value);
      return value;
    });
    expect([...placed].sort()).toEqual(entities.customer!.fields.map((f) => f.key).sort());
  });

  it('shows identity fields to individuals and the website to corporates', () => {
    const model = new FormModel(compiled, { customer_type: 'individual' });
    expect(model.state.fields['/resident_id']?.visible).toBe(true);
    expect(model.state.fields['/resident_id']?.required).toBe(true);
    expect(model.state.fields['/website']?.visible).toBe(false);
    model.setValue('/customer_type', 'corporate');
    expect(model.state.fields['/resident_id']?.visible).toBe(false);
    expect(model.state.fields['/website']?.visible).toBe(true);
  });

  it('accepts every generated customer, as the server will when the example loads', () => {
    const customers = [...generateBankCrmSeed({ seed: 20261123, customers: 200 })].filter((s) => s.entity === 'customer');
    expect(customers.length).toBe(200);
    for (const seed of customers) {
      const values = { ...seed.values, branch: '0190f0a2-0000-7000-8000-000000000001' };
      const { errors } = evaluateSubmission(compiled, { stored: {}, changes: values });
      expect({ customer: seed.ref, errors }).toEqual({ customer: seed.ref, errors: [] });
    }
  });

  it('refuses a private banking customer below the asset threshold, on the AUM field', () => {
    const { errors } = evaluateSubmission(compiled, {
      stored: {},
      changes: { customer_type: 'corporate', segment: 'private', aum: { amount: '5999999.99', currency: 'CNY' } },
    });
    expect(errors).toContainEqual(expect.objectContaining({ path: '/aum', code: 'validation' }));
  });
});
