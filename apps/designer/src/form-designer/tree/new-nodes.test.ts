// @vitest-environment node
import type { FormColumns, FormTabs } from '@bankforge/form-engine';
import { describe, expect, it } from 'vitest';
import { IdAllocator, newColumns, newField, newSection, newTabs, withColumnCount, withNewTab, withoutTab } from './new-nodes.js';

describe('new nodes', () => {
  it('gets ids not used in the form, also across several nodes', () => {
    const ids = new IdAllocator(['section_1', 'employer']);
    expect(newSection(ids).id).toBe('section_2');
    expect(newSection(ids).id).toBe('section_3');
    expect(newField(ids, 'employer').id).toBe('employer_2');
    expect(newField(ids, 'name').id).toBe('name');
  });

  it('makes columns and tabs whose containers have their own ids', () => {
    const ids = new IdAllocator([]);
    const columns = newColumns(ids);
    const tabs = newTabs(ids);
    const all = [columns.id, ...columns.columns.map((c) => c.id), tabs.id, ...tabs.tabs.map((t) => t.id)];
    expect(new Set(all).size).toBe(all.length);
    expect(columns.columns).toHaveLength(2);
  });

  it('keeps the fields of dropped columns in the last column kept', () => {
    const node: FormColumns = {
      id: 'c',
      type: 'columns',
      columns: [
        { id: 'a', children: [{ id: 'x', type: 'field', field: 'x' }] },
        { id: 'b', children: [{ id: 'y', type: 'field', field: 'y' }] },
      ],
    };
    const ids = new IdAllocator(['c', 'a', 'b', 'x', 'y']);
    expect(withColumnCount(node, 1, ids).columns).toEqual([{ id: 'a', children: [{ id: 'x', type: 'field', field: 'x' }, { id: 'y', type: 'field', field: 'y' }] }]);
    expect(withColumnCount(node, 3, ids).columns.map((c) => c.id)).toEqual(['a', 'b', 'column_1']);
  });

  it('adds tabs and removes one into its neighbour, never the last', () => {
    const ids = new IdAllocator([]);
    const tabs: FormTabs = withNewTab(newTabs(ids), ids);
    expect(tabs.tabs).toHaveLength(3);
    const withField: FormTabs = { ...tabs, tabs: tabs.tabs.map((t, i) => (i === 0 ? { ...t, children: [{ id: 'x', type: 'field', field: 'x' }] } : t)) };
    const removed = withoutTab(withField, withField.tabs[0]!.id);
    expect(removed.tabs).toHaveLength(2);
    expect(removed.tabs[0]!.children.map((n) => n.id)).toEqual(['x']);
    const single: FormTabs = { ...tabs, tabs: [tabs.tabs[0]!] };
    expect(withoutTab(single, tabs.tabs[0]!.id)).toBe(single);
  });
});
