/** A form's layout and cross-field rules as versions are compared: every node by its id, named as the form shows it. */
import { pointer, type LocalizedText } from '@bankforge/data-model';
import type { ArtifactElement } from '@bankforge/rule-engine';
import type { FormDefinition, FormFieldNode, FormNode } from '../form/form-definition.js';

/** A field placed without a label of its own is named by its entity field's key (the form holds no entity labels). */
function fieldLabel(node: FormFieldNode): LocalizedText | { en: string } {
  return node.label ?? { en: node.field };
}

function nodeElements(nodes: readonly FormNode[], at: string): ArtifactElement[] {
  return nodes.flatMap((node, index): ArtifactElement[] => {
    const path = `${at}${pointer(index)}`;
    switch (node.type) {
      case 'field':
        return [{ type: 'field', id: node.id, path, label: fieldLabel(node) }];
      case 'section':
        return [{ type: 'section', id: node.id, path, label: node.title }, ...nodeElements(node.children, `${path}/children`)];
      case 'columns':
        return [
          { type: 'columns', id: node.id, path },
          ...node.columns.flatMap((column, n): ArtifactElement[] => {
            const columnPath = `${path}${pointer('columns', n)}`;
            return [{ type: 'column', id: column.id, path: columnPath, label: { en: String(n + 1) } }, ...nodeElements(column.children, `${columnPath}/children`)];
          }),
        ];
      case 'tabs':
        return [
          { type: 'tabs', id: node.id, path },
          ...node.tabs.flatMap((tab, n): ArtifactElement[] => {
            const tabPath = `${path}${pointer('tabs', n)}`;
            return [{ type: 'tab', id: tab.id, path: tabPath, label: tab.title }, ...nodeElements(tab.children, `${tabPath}/children`)];
          }),
        ];
      case 'repeatingGroup':
        return [{ type: 'repeatingGroup', id: node.id, path, label: node.title }, ...nodeElements(node.fields, `${path}/fields`)];
    }
  });
}

/** Sections, columns, tabs, repeating groups and placed fields by their node ids, at any depth; cross-field rules by theirs. */
export function formElements(form: FormDefinition): ArtifactElement[] {
  return [
    ...nodeElements(form.layout, '/layout'),
    ...(form.validations ?? []).map((rule, index): ArtifactElement => ({ type: 'validation', id: rule.id, path: pointer('validations', index), label: rule.message })),
  ];
}
