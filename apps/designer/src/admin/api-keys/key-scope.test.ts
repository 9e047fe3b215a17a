import { describe, expect, it } from 'vitest';
import { allows, scopeSummary, toggleOperation } from './key-scope.js';

describe('an API key scope being edited', () => {
  it('adds and removes operations, dropping an entity left with none', () => {
    let scope = toggleOperation({ entities: {}, dataScope: 'branch' }, 'customer', 'read', true);
    scope = toggleOperation(scope, 'customer', 'create', true);
    expect(scope).toEqual({ entities: { customer: ['read', 'create'] }, dataScope: 'branch' });
    expect(allows(scope, 'customer', 'create')).toBe(true);
    expect(allows(scope, 'loan', 'read')).toBe(false);
    scope = toggleOperation(toggleOperation(scope, 'customer', 'read', false), 'customer', 'create', false);
    expect(scope.entities).toEqual({});
  });

  it('reads as entity: operations in the shown order', () => {
    const summary = scopeSummary({ entities: { loan: ['read'], customer: ['read', 'create'] }, dataScope: 'all' }, ['create', 'read'], (k, ops) => `${k.toUpperCase()}: ${ops.join(', ')}`);
    expect(summary).toEqual(['CUSTOMER: create, read', 'LOAN: read']);
  });
});
