import type { EntityDefinition, FieldDefinition, SelectOption } from '@bankforge/data-model';
import type { FormFieldNode } from '../../form/form-definition.js';
import type { LookupSource } from '../widgets/widget-props.js';

/** A field's static options: the node's static list, else the entity field's options. */
export function staticOptions(node: FormFieldNode, field: FieldDefinition): readonly SelectOption[] {
  if (node.options?.type === 'static') return node.options.options;
  return field.options ?? [];
}

/**
 * Where a lookup's records come from: the node's lookup source, else the referenced entity,
 * labelled by its first text field when that entity is known (else by `name`).
 */
export function lookupSource(
  node: FormFieldNode,
  field: FieldDefinition,
  entities: Readonly<Record<string, EntityDefinition>>,
): LookupSource | undefined {
  if (node.options?.type === 'lookup') {
    const { entity, labelField, filter } = node.options;
    return filter ? { entity, labelField, filter } : { entity, labelField };
  }
  const target = field.reference?.entity;
  if (target === undefined) return undefined;
  const labelField = entities[target]?.fields.find((candidate) => candidate.type === 'text')?.key ?? 'name';
  return { entity: target, labelField };
}
