// @vitest-environment node
import type { RecordFilter } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { addCondition, addGroup, filterTree, mapConditions, removeNode, replaceCondition, setMatch, someCondition, treeFilter } from './filter-tree.js';

const approved = { field: 'status', op: 'eq' as const, value: 'approved' };
const quarter = { field: 'submitted_at', op: 'within' as const, value: 'thisQuarter' };
const big = { field: 'amount', op: 'gte' as const, value: 1_000_000 };

describe('the filter builder’s tree', () => {
  it('reads a stored filter with each node’s JSON Pointer, as the engine addresses its problems', () => {
    const tree = filterTree({ and: [approved, { not: { or: [quarter, big] } }] });
    expect(tree).toMatchObject({ path: '', match: 'all', negated: false });
    expect(tree.items.map((n) => n.path)).toEqual(['/and/0', '/and/1']);
    expect(tree.items[1]).toMatchObject({ kind: 'group', match: 'any', negated: true, path: '/and/1' });
    expect(tree.items[1]!.kind === 'group' && tree.items[1]!.items.map((n) => n.path)).toEqual(['/and/1/not/or/0', '/and/1/not/or/1']);
  });

  it('reads no filter as an empty group, one condition as a group of it, `not` of a condition as a negated group', () => {
    expect(filterTree(undefined)).toEqual({ kind: 'group', path: '', match: 'all', negated: false, items: [] });
    expect(filterTree(approved).items).toEqual([{ kind: 'condition', path: '', condition: approved }]);
    const negated = filterTree({ not: approved });
    expect(negated).toMatchObject({ match: 'any', negated: true, items: [{ kind: 'condition', path: '/not', condition: approved }] });
    expect(treeFilter(negated)).toEqual({ not: { or: [approved] } });
    expect(filterTree({ not: { and: [approved, quarter] } })).toMatchObject({ match: 'all', negated: true });
  });

  it('stores what the analyst built: nothing, one condition as it is, groups as and/or/not', () => {
    let tree = filterTree(undefined);
    expect(treeFilter(tree)).toBeUndefined();
    tree = addCondition(tree, [], approved);
    expect(treeFilter(tree)).toEqual(approved);
    tree = addCondition(tree, [], quarter);
    tree = addGroup(tree, [], 'any', big);
    tree = addCondition(tree, [2], approved);
    expect(treeFilter(tree)).toEqual({ and: [approved, quarter, { or: [big, approved] }] });
    tree = setMatch(tree, [2], 'any', true);
    tree = replaceCondition(tree, [2, 1], quarter);
    expect(treeFilter(tree)).toEqual({ and: [approved, quarter, { not: { or: [big, quarter] } }] });
    tree = setMatch(tree, [], 'any', false);
    tree = removeNode(tree, [2]);
    tree = removeNode(tree, [0]);
    expect(treeFilter(tree)).toEqual(quarter);
    expect(treeFilter(removeNode(tree, [0]))).toBeUndefined();
  });

  it('leaves a tree alone when the place does not exist', () => {
    const tree = filterTree({ and: [approved] });
    expect(removeNode(tree, [3])).toEqual(tree);
    expect(replaceCondition(tree, [0, 1], quarter)).toEqual(tree);
  });

  it('rewrites and finds conditions anywhere in a filter', () => {
    const filter: RecordFilter = { and: [approved, { not: { or: [quarter] } }] };
    expect(mapConditions(filter, (c) => ({ ...c, field: c.field.toUpperCase() }))).toEqual({ and: [{ ...approved, field: 'STATUS' }, { not: { or: [{ ...quarter, field: 'SUBMITTED_AT' }] } }] });
    expect(someCondition(filter, (c) => c.op === 'within')).toBe(true);
    expect(someCondition(undefined, () => true)).toBe(false);
  });
});
