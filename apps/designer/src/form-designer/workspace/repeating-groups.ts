import type { FormNode, FormRepeatingGroup } from '@bankforge/form-engine';

/** Every repeating group of the layout, at any depth. */
export function repeatingGroups(layout: readonly FormNode[]): FormRepeatingGroup[] {
  return layout.flatMap((node): FormRepeatingGroup[] => {
    switch (node.type) {
      case 'repeatingGroup':
        return [node];
      case 'section':
        return repeatingGroups(node.children);
      case 'columns':
        return node.columns.flatMap((c) => repeatingGroups(c.children));
      case 'tabs':
        return node.tabs.flatMap((t) => repeatingGroups(t.children));
      default:
        return [];
    }
  });
}
