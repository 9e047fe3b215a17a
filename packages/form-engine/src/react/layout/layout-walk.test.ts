import { describe, expect, it } from 'vitest';
import type { FormNode } from '../../form/form-definition.js';
import { repeatingGroups } from '../../form/layout-groups.js';
import { placedKeys, tabsShowing } from './layout-walk.js';

const text = { en: 't', 'zh-CN': 't' };
const layout: FormNode[] = [
  { id: 'name', type: 'field', field: 'name' },
  {
    id: 'tabs',
    type: 'tabs',
    tabs: [
      { id: 'tab-a', title: text, children: [{ id: 'mobile', type: 'field', field: 'mobile' }] },
      {
        id: 'tab-b',
        title: text,
        children: [
          {
            id: 'cols',
            type: 'columns',
            columns: [
              { id: 'c1', children: [{ id: 'employer', type: 'field', field: 'employer' }] },
              {
                id: 'c2',
                children: [
                  { id: 'contacts', type: 'repeatingGroup', key: 'contacts', title: text, entity: 'contact', foreignKey: 'customer', fields: [] },
                ],
              },
            ],
          },
        ],
      },
    ],
  },
  { id: 'sec', type: 'section', title: text, children: [{ id: 'notes', type: 'field', field: 'notes' }] },
];

describe('layout walk', () => {
  it('lists placed keys in reading order', () => {
    expect(placedKeys(layout)).toEqual(['name', 'mobile', 'employer', 'contacts', 'notes']);
  });

  it('finds the tabs that show a field', () => {
    expect(tabsShowing(layout, 'name')).toEqual([]);
    expect(tabsShowing(layout, 'contacts')).toEqual([{ tabsId: 'tabs', index: 1 }]);
    expect(tabsShowing(layout, 'mobile')).toEqual([{ tabsId: 'tabs', index: 0 }]);
    expect(tabsShowing(layout, 'missing')).toBeNull();
  });

  it('finds repeating groups at any depth', () => {
    expect(repeatingGroups(layout).map((group) => group.key)).toEqual(['contacts']);
  });
});
