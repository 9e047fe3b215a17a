import { parseExpression } from '@bankforge/rule-engine';
import { describe, expect, it } from 'vitest';
import { propertyReads } from './expression-reads.js';

const reads = (source: string, ...names: string[]) => {
  const ast = parseExpression(source).ast;
  if (ast === null) throw new Error(`does not parse: ${source}`);
  return Object.fromEntries([...propertyReads(ast, new Set(names))].map(([k, v]) => [k, v === 'all' ? 'all' : [...v].sort()]));
};

describe('propertyReads', () => {
  it('collects the properties read through a name', () => {
    expect(reads('item.amount * item.rate + sum(contacts.amount)', 'item', 'contacts')).toEqual({ item: ['amount', 'rate'], contacts: ['amount'] });
  });

  it('counts a name read whole as all of it', () => {
    expect(reads('count(contacts) > 0 and item.phone != null', 'item', 'contacts')).toEqual({ contacts: 'all', item: ['phone'] });
  });

  it('does not take the item of a filter for the row', () => {
    expect(reads('count(contacts[item.kind = "mobile"]) + item.n', 'item', 'contacts')).toEqual({ contacts: 'all', item: ['n'] });
  });

  it('looks inside calls, contexts and conditionals', () => {
    expect(reads('if item.a > 1 then {x: item.b}.x else abs(n: item.c)', 'item')).toEqual({ item: ['a', 'b', 'c'] });
  });
});
