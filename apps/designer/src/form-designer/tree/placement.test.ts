// @vitest-environment node
import type { FormNode } from '@bankforge/form-engine';
import { describe, expect, it } from 'vitest';
import { childrenOf, moveNode, ROOT } from './form-tree.js';
import { CONTAINER_DROP_PREFIX, dropPlacement, insertionPoint } from './placement.js';

const field = (id: string): FormNode => ({ id, type: 'field', field: id });
const layout: FormNode[] = [
  { id: 'section_1', type: 'section', title: { en: 'A', 'zh-CN': '甲' }, children: [field('a'), field('b'), field('c')] },
  { id: 'columns_1', type: 'columns', columns: [{ id: 'column_1', children: [] }, { id: 'column_2', children: [field('d')] }] },
  { id: 'tabs_1', type: 'tabs', tabs: [{ id: 'tab_1', title: { en: 'T', 'zh-CN': '页' }, children: [] }] },
];

describe('insertionPoint', () => {
  it('adds into a selected container, at its end', () => {
    expect(insertionPoint(layout, 'section_1')).toEqual({ container: 'section_1' });
    expect(insertionPoint(layout, 'column_2')).toEqual({ container: 'column_2' });
  });

  it('adds into the first column or tab of selected columns or tabs', () => {
    expect(insertionPoint(layout, 'columns_1')).toEqual({ container: 'column_1' });
    expect(insertionPoint(layout, 'tabs_1')).toEqual({ container: 'tab_1' });
  });

  it('adds after a selected field', () => {
    expect(insertionPoint(layout, 'b')).toEqual({ container: 'section_1', index: 2 });
  });

  it('adds into the last top-level section when nothing is selected, else the top level', () => {
    expect(insertionPoint(layout, null)).toEqual({ container: 'section_1' });
    expect(insertionPoint([field('x')], null)).toEqual({ container: ROOT });
  });
});

describe('dropPlacement', () => {
  it('drops into the empty space of a container at its end', () => {
    expect(dropPlacement(layout, `${CONTAINER_DROP_PREFIX}column_1`, 'field')).toEqual({ container: 'column_1' });
    expect(dropPlacement(layout, `${CONTAINER_DROP_PREFIX}nope`, 'field')).toBeNull();
  });

  it('takes the place of the node dropped on, in both directions', () => {
    const down = dropPlacement(layout, 'c', 'field')!;
    expect(childrenOf(moveNode(layout, 'a', down.container, down.index!), 'section_1')?.map((n) => n.id)).toEqual(['b', 'c', 'a']);
    const up = dropPlacement(layout, 'a', 'field')!;
    expect(childrenOf(moveNode(layout, 'c', up.container, up.index!), 'section_1')?.map((n) => n.id)).toEqual(['c', 'a', 'b']);
    const across = dropPlacement(layout, 'd', 'field')!;
    expect(childrenOf(moveNode(layout, 'a', across.container, across.index!), 'column_2')?.map((n) => n.id)).toEqual(['a', 'd']);
  });

  it('puts a field dropped on a container into it, and a container before it', () => {
    expect(dropPlacement(layout, 'section_1', 'field')).toEqual({ container: 'section_1' });
    expect(dropPlacement(layout, 'columns_1', 'field')).toEqual({ container: 'column_1' });
    expect(dropPlacement(layout, 'tabs_1', 'field')).toEqual({ container: 'tab_1' });
    expect(dropPlacement(layout, 'tabs_1', 'container')).toEqual({ container: ROOT, index: 2 });
  });
});
