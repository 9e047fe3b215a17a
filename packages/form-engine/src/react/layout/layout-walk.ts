import type { FormNode } from '../../form/form-definition.js';

/** The tab to show in one tabs container. */
export interface TabChoice {
  tabsId: string;
  index: number;
}

/** A node's placed value key: the field key of a field, the rows' key of a repeating group. */
function placedKey(node: FormNode): string | undefined {
  if (node.type === 'field') return node.field;
  if (node.type === 'repeatingGroup') return node.key;
  return undefined;
}

function childLists(node: FormNode): Array<{ tab?: TabChoice; children: FormNode[] }> {
  switch (node.type) {
    case 'section':
      return [{ children: node.children }];
    case 'columns':
      return node.columns.map((column) => ({ children: column.children }));
    case 'tabs':
      return node.tabs.map((tab, index) => ({ tab: { tabsId: node.id, index }, children: tab.children }));
    default:
      return [];
  }
}

/** The top-level value keys a layout places (fields and repeating groups), in reading order. */
export function placedKeys(layout: readonly FormNode[]): string[] {
  return layout.flatMap((node) => {
    const key = placedKey(node);
    return key === undefined ? childLists(node).flatMap((list) => placedKeys(list.children)) : [key];
  });
}

/** The tabs to show so that the node placing `key` is on screen; null when the layout does not place it. */
export function tabsShowing(layout: readonly FormNode[], key: string): TabChoice[] | null {
  for (const node of layout) {
    if (placedKey(node) === key) return [];
    for (const list of childLists(node)) {
      const inner = tabsShowing(list.children, key);
      if (inner) return list.tab ? [list.tab, ...inner] : inner;
    }
  }
  return null;
}

