import { describe, expect, it } from 'vitest';
import { entityOf, field, residentId } from '../testing/fixtures.js';
import { derivedValue, fillDerivedValues } from './derived-values.js';

const ID = residentId('11010519850304001');
const customer = entityOf(field('resident_id', 'residentId'), field('birth_date', 'date', { derivedFrom: 'resident_id' }), field('name', 'text'));

describe('derived values', () => {
  it('fills an empty birth date from a valid resident ID', () => {
    expect(fillDerivedValues(customer, { resident_id: ID, name: 'Wang' })).toEqual({ resident_id: ID, name: 'Wang', birth_date: '1985-03-04' });
    expect(fillDerivedValues(customer, { resident_id: ID, birth_date: null })).toMatchObject({ birth_date: '1985-03-04' });
    expect(fillDerivedValues(customer, { resident_id: ID.toLowerCase(), birth_date: '' })).toMatchObject({ birth_date: '1985-03-04' });
  });

  it('keeps a birth date that was entered', () => {
    expect(fillDerivedValues(customer, { resident_id: ID, birth_date: '1985-03-05' })).toMatchObject({ birth_date: '1985-03-05' });
  });

  it('derives nothing from an invalid or absent resident ID', () => {
    expect(fillDerivedValues(customer, { resident_id: ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1') })).not.toHaveProperty('birth_date');
    expect(fillDerivedValues(customer, { name: 'Wang' })).toEqual({ name: 'Wang' });
  });

  it('reads the stored values an update leaves unchanged', () => {
    expect(fillDerivedValues(customer, { name: 'Li' }, { resident_id: ID, birth_date: null })).toMatchObject({ birth_date: '1985-03-04' });
    expect(fillDerivedValues(customer, { name: 'Li' }, { resident_id: ID, birth_date: '1985-03-04' })).toEqual({ name: 'Li' });
  });

  it('derives values only for a date from a resident ID (other derivations share masking only)', () => {
    expect(derivedValue({ type: 'text' }, { type: 'residentId' }, ID)).toBeUndefined();
    expect(derivedValue({ type: 'date' }, { type: 'text' }, ID)).toBeUndefined();
    expect(derivedValue({ type: 'date' }, { type: 'residentId' }, ID)).toBe('1985-03-04');
  });
});
