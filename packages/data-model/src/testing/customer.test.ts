import { describe, expect, it } from 'vitest';
import { validateEntityDefinition } from '../entity/validate-entity-definition.js';
import { contactEntity, customerEntity, customerField, publishedCustomer } from './customer.js';

describe('the shared customer fixtures', () => {
  it('are valid entity definitions, the contacts referring back to the customer', () => {
    for (const entity of [customerEntity, contactEntity, publishedCustomer])
      expect(validateEntityDefinition(entity)).toEqual([]);
    expect(contactEntity.fields.find((f) => f.type === 'reference')?.reference).toEqual({
      entity: customerEntity.key,
    });
  });

  it('give one field of the customer by key, with overrides, and refuse a key it lacks', () => {
    expect(customerField('vip', { required: true })).toEqual({
      ...customerEntity.fields.find((f) => f.key === 'vip'),
      required: true,
    });
    expect(() => customerField('nickname')).toThrow(/no field nickname/);
  });
});
