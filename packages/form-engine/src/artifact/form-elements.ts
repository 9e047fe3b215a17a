/** A form's layout and cross-field rules as versions are compared: every node by its id, named as the form shows it. */
import { pointer, type EntityDefinition, type LocalizedText } from '@bankforge/data-model';
import type { ArtifactElement } from '@bankforge/rule-engine';
import type { FormDefinition, FormFieldNode, FormNode } from '../form/form-definition.js';

type Entities = Readonly<Record<string, EntityDefinition>>;

/**
 * A field placed without a label of its own is named as the form shows it, by its entity field's
 * label, when the entity is given (the form holds no entity labels); else by the field's key.
 */
function fieldLabel(node: FormFieldNode, entity: EntityDefinition | undefined): LocalizedText | { en: string } {
  return node.label ?? entity?.fields.find((f) => f.key === node.field)?.label ?? { en: node.field };
}

function nodeElements(nodes: readonly FormNode[], at: string, entity: EntityDefinition | undefined, entities: Entities): ArtifactElement[] {
  return nodes.flatMap((node, index): ArtifactElement[] => {
    const path = `${at}${pointer(index)}`;
    switch (node.type) {
      case 'field':
        return [{ type: 'field', id: node.id, path, label: fieldLabel(node, entity) }];
      case 'section':
        return [{ type: 'section', id: node.id, path, label: node.title }, ...nodeElements(node.children, `${path}/children`, entity, entities)];
      case 'columns':
        return [
          { type: 'columns', id: node.id, path },
          ...node.columns.flatMap((column, n): ArtifactElement[] => {
            const columnPath = `${path}${pointer('columns', n)}`;
            return [{ type: 'column', id: column.id, path: columnPath, label: { en: String(n + 1) } }, ...nodeElements(column.children, `${columnPath}/children`, entity, entities)];
          }),
        ];
      case 'tabs':
        return [
          { type: 'tabs', id: node.id, path },
          ...node.tabs.flatMap((tab, n): ArtifactElement[] => {
            const tabPath = `${path}${pointer('tabs', n)}`;
            return [{ type: 'tab', id: tab.id, path: tabPath, label: tab.title }, ...nodeElements(tab.children, `${tabPath}/children`, entity, entities)];
          }),
        ];
      case 'repeatingGroup':
        return [{ type: 'repeatingGroup', id: node.id, path, label: node.title }, ...nodeElements(node.fields, `${path}/fields`, entities[node.entity], entities)];
    }
  });
}

/**
 * Sections, columns, tabs, repeating groups and placed fields by their node ids, at any depth;
 * cross-field rules by theirs. Given the entities the form edits (`entitiesOfForm`), a field without
 * a label of its own is named by its entity field's label.
 */
export function formElements(form: FormDefinition, entities: Entities = {}): ArtifactElement[] {
  return [
    ...nodeElements(form.layout, '/layout', entities[form.entity], entities),
    ...(form.validations ?? []).map((rule, index): ArtifactElement => ({ type: 'validation', id: rule.id, path: pointer('validations', index), label: rule.message })),
  ];
}
