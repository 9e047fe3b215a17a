import { describe, expect, it } from 'vitest';
import { changedRows, withUnsentRows } from './changed-rows.js';

describe('changedRows', () => {
  const original = {
    id: 'c1',
    version: 4,
    contacts: [
      { id: 'r1', version: 2, name: 'Wang Yi', mobile: '13812345678', customer: 'c1' },
      { id: 'r2', version: 5, name: 'Wang Er', mobile: null, customer: 'c1' },
    ],
  };

  it('sends nothing for a group whose rows are as read', () => {
    const submitted = { contacts: [{ id: 'r1', name: 'Wang Yi', mobile: '13812345678' }, { id: 'r2', name: 'Wang Er' }] };
    expect(changedRows(['contacts'], original, submitted)).toEqual({});
  });

  it('sends the whole group with the versions read once a row changes, is added or is removed', () => {
    const edited = { contacts: [{ id: 'r1', name: 'Wang Yi', mobile: '13912345678' }, { id: 'r2', name: 'Wang Er' }, { name: 'Wang San' }] };
    expect(changedRows(['contacts'], original, edited)).toEqual({
      contacts: [{ id: 'r1', version: 2, name: 'Wang Yi', mobile: '13912345678' }, { id: 'r2', version: 5, name: 'Wang Er' }, { name: 'Wang San' }],
    });
    expect(changedRows(['contacts'], original, { contacts: [{ id: 'r2', name: 'Wang Er' }] })).toEqual({ contacts: [{ id: 'r2', version: 5, name: 'Wang Er' }] });
  });

  it('never sends a group the read did not bring', () => {
    expect(changedRows(['contacts'], { id: 'c1', version: 4 }, { contacts: [] })).toEqual({});
  });
});

describe('withUnsentRows', () => {
  it('keeps the rows read for groups the answer leaves out, and takes the answer\'s otherwise', () => {
    const before = { id: 'c1', version: 1, contacts: [{ id: 'r1' }] };
    expect(withUnsentRows(['contacts'], before, { id: 'c1', version: 2 })).toEqual({ id: 'c1', version: 2, contacts: [{ id: 'r1' }] });
    expect(withUnsentRows(['contacts'], before, { id: 'c1', version: 2, contacts: [] })).toEqual({ id: 'c1', version: 2, contacts: [] });
  });
});
