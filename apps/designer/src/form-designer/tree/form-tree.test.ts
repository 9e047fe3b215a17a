// @vitest-environment node
import type { FormNode } from '@bankforge/form-engine';
import { contactsGroup } from '@bankforge/form-engine/testing';
import { describe, expect, it } from 'vitest';
import { allIds, childrenOf, containerIds, containerOwner, findCell, findNode, insertNode, moveNode, placedFields, removeNode, ROOT, updateNode } from './form-tree.js';

const field = (id: string, key = id): FormNode => ({ id, type: 'field', field: key });

function sample(): FormNode[] {
  return [
    {
      id: 'section_1',
      type: 'section',
      title: { en: 'Basics', 'zh-CN': '基本' },
      children: [
        field('name'),
        { id: 'columns_1', type: 'columns', columns: [{ id: 'column_1', children: [field('occupation')] }, { id: 'column_2', children: [] }] },
      ],
    },
    { id: 'tabs_1', type: 'tabs', tabs: [{ id: 'tab_1', title: { en: 'A', 'zh-CN': '甲' }, children: [field('employer')] }] },
  ];
}

describe('form tree', () => {
  it('finds a node with its container and index, at any depth', () => {
    const layout = sample();
    expect(findNode(layout, 'occupation')).toMatchObject({ container: 'column_1', index: 0 });
    expect(findNode(layout, 'columns_1')).toMatchObject({ container: 'section_1', index: 1 });
    expect(findNode(layout, 'tabs_1')).toMatchObject({ container: ROOT, index: 1 });
    expect(findNode(layout, 'nope')).toBeNull();
  });

  it('lists containers, their children and owners', () => {
    const layout = sample();
    expect(containerIds(layout)).toEqual([ROOT, 'section_1', 'column_1', 'column_2', 'tab_1']);
    expect(childrenOf(layout, 'column_2')).toEqual([]);
    expect(childrenOf(layout, 'name')).toBeNull();
    expect(containerOwner(layout, 'column_2')?.id).toBe('columns_1');
    expect(containerOwner(layout, ROOT)).toBeNull();
  });

  it('inserts at an index or at the end, without touching the input', () => {
    const layout = sample();
    const first = insertNode(layout, 'column_2', field('income'));
    const second = insertNode(first, 'column_2', field('salary'), 0);
    expect(childrenOf(second, 'column_2')?.map((n) => n.id)).toEqual(['salary', 'income']);
    expect(childrenOf(layout, 'column_2')).toEqual([]);
    expect(insertNode(layout, ROOT, field('x'), 99).at(-1)?.id).toBe('x');
  });

  it('removes a node with everything inside it', () => {
    const layout = removeNode(sample(), 'columns_1');
    expect(findNode(layout, 'columns_1')).toBeNull();
    expect(findNode(layout, 'occupation')).toBeNull();
    expect(findNode(layout, 'name')).not.toBeNull();
  });

  it('moves within a container and across containers', () => {
    const reordered = moveNode(sample(), 'columns_1', 'section_1', 0);
    expect(childrenOf(reordered, 'section_1')?.map((n) => n.id)).toEqual(['columns_1', 'name']);
    const across = moveNode(sample(), 'employer', 'column_2', 0);
    expect(childrenOf(across, 'column_2')?.map((n) => n.id)).toEqual(['employer']);
    expect(childrenOf(across, 'tab_1')).toEqual([]);
  });

  it('refuses to move a container into itself', () => {
    const layout = sample();
    expect(moveNode(layout, 'section_1', 'column_2', 0)).toEqual(layout);
    expect(moveNode(layout, 'columns_1', 'column_1', 0)).toEqual(layout);
  });

  it('updates one node in place', () => {
    const layout = updateNode(sample(), 'occupation', (n) => ({ ...n, visibleWhen: 'true' }));
    expect(findNode(layout, 'occupation')?.node.visibleWhen).toBe('true');
  });

  it("finds, updates and removes a repeating group's columns, which sit in the group rather than in a container", () => {
    const group: FormNode = contactsGroup(
      [
        { id: 'cell_1', type: 'field', field: 'name' },
        { id: 'cell_2', type: 'field', field: 'phone' },
      ],
      { id: 'group_1' },
    );
    const layout = insertNode(sample(), 'tab_1', group);
    expect(findNode(layout, 'cell_2')).toBeNull();
    expect(findCell(layout, 'cell_2')).toMatchObject({ group: { id: 'group_1' }, cell: { field: 'phone' }, index: 1 });
    const updated = updateNode(layout, 'cell_2', (n) => ({ ...n, requiredWhen: 'item.name != null' }));
    expect(findCell(updated, 'cell_2')?.cell.requiredWhen).toBe('item.name != null');
    // A column stays a field: an update that would make it something else is not applied.
    expect(findCell(updateNode(layout, 'cell_2', () => ({ id: 'cell_2', type: 'section', title: { en: 'S', 'zh-CN': '节' }, children: [] })), 'cell_2')?.cell.type).toBe('field');
    const removed = removeNode(updated, 'cell_1');
    expect(findCell(removed, 'cell_1')).toBeNull();
    expect(findNode(removed, 'group_1')?.node).toMatchObject({ fields: [{ id: 'cell_2' }] });
    expect(findCell(layout, 'cell_2')?.cell.requiredWhen).toBeUndefined();
  });

  it('collects every id and the placed field keys', () => {
    const layout = sample();
    expect(allIds(layout)).toEqual(new Set(['section_1', 'name', 'columns_1', 'column_1', 'occupation', 'column_2', 'tabs_1', 'tab_1', 'employer']));
    expect(placedFields(layout)).toEqual(new Set(['name', 'occupation', 'employer']));
  });
});
