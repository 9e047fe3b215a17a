/** Checks the fields placed in one scope (the form, or a repeating group's columns) against their entity. */
import type { EntityDefinition, FieldError } from '@bankforge/data-model';
import { normalizeFieldValue } from '@bankforge/data-model';
import type { FormFieldNode } from '../form-definition.js';
import { formError } from './form-errors.js';
import type { PlacedField } from './form-plan.js';
import { widgetFits } from './widgets.js';

export interface FieldPlacement {
  readonly node: FormFieldNode;
  readonly path: string;
  /** Ids of the nodes whose `visibleWhen` gates the field, its own included. */
  readonly gates: readonly string[];
  /**
   * Whether hiding can leave the field out of a saved record: any gate on the form; only the
   * cell's own condition in a repeating group (a hidden group saves no rows at all).
   */
  readonly hideable: boolean;
}

function initialValue(placement: FieldPlacement, entityDefault: unknown, field: PlacedField['field']): unknown {
  const chosen = placement.node.default !== undefined ? placement.node.default : entityDefault;
  return chosen === undefined ? undefined : normalizeFieldValue(field, structuredClone(chosen));
}

export function placeFields(placements: readonly FieldPlacement[], entity: EntityDefinition | undefined, errors: FieldError[]): Map<string, PlacedField> {
  const placed = new Map<string, PlacedField>();
  for (const placement of placements) {
    const { node, path } = placement;
    if (entity === undefined) continue;
    const field = entity.fields.find((f) => f.key === node.field);
    if (field === undefined) {
      errors.push(formError(`${path}/field`, 'unknownField', `${entity.key} has no field ${node.field}`, `${entity.key} 没有字段 ${node.field}`));
      continue;
    }
    if (placed.has(field.key)) {
      errors.push(formError(`${path}/field`, 'duplicateField', `Field ${field.key} is placed twice`, `字段 ${field.key} 被放置了两次`));
      continue;
    }
    if (node.widget !== undefined && !widgetFits(node.widget, field.type)) {
      errors.push(formError(`${path}/widget`, 'widgetMismatch', `A ${node.widget} widget cannot show a ${field.type} field (${field.key})`, `${node.widget} 控件不能显示 ${field.type} 类型的字段（${field.key}）`));
    }
    if (node.value !== undefined && node.requiredWhen !== undefined) {
      errors.push(formError(`${path}/requiredWhen`, 'computedRequired', `Computed field ${field.key} cannot also have a required condition`, `计算字段 ${field.key} 不能同时设置必填条件`));
    }
    const initial = initialValue(placement, field.default, field);
    if (field.required && placement.hideable && initial === undefined && node.value === undefined) {
      errors.push(formError(path, 'requiredFieldHidden', `Field ${field.key} is required by its entity but can be hidden and has no default: such records could never be saved`, `字段 ${field.key} 在实体中为必填，但可能被隐藏且没有默认值：这样的记录将无法保存`));
    }
    placed.set(field.key, { key: field.key, field, node, gates: placement.gates, initial });
  }
  return placed;
}
