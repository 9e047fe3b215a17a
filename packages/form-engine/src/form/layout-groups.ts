import type { FormNode, FormRepeatingGroup } from './form-definition.js';

/** Every repeating group a layout places, at any depth: the one walk the server, the renderer and both apps use. */
export function repeatingGroups(layout: readonly FormNode[]): FormRepeatingGroup[] {
  return layout.flatMap((node): FormRepeatingGroup[] => {
    switch (node.type) {
      case 'repeatingGroup':
        return [node];
      case 'section':
        return repeatingGroups(node.children);
      case 'columns':
        return node.columns.flatMap((column) => repeatingGroups(column.children));
      case 'tabs':
        return node.tabs.flatMap((tab) => repeatingGroups(tab.children));
      case 'field':
        return [];
    }
  });
}
