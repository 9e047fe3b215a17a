import type { FieldType, WidgetType } from '@bankforge/form-engine';

/**
 * The widgets that can draw a field of each type; the first is the type's default. The same table
 * as the form engine's publish check (`WIDGETS_FOR_FIELD_TYPE`), which it does not export yet.
 */
export const WIDGETS_BY_FIELD_TYPE: Readonly<Record<FieldType, readonly WidgetType[]>> = {
  text: ['text', 'textarea', 'select', 'radio'],
  longText: ['textarea', 'text'],
  integer: ['number'],
  decimal: ['number'],
  money: ['money'],
  percentage: ['percentage', 'number'],
  boolean: ['checkbox', 'switch'],
  date: ['date'],
  datetime: ['datetime'],
  singleSelect: ['select', 'radio'],
  multiSelect: ['multiSelect', 'checkboxes'],
  reference: ['lookup', 'select'],
  email: ['email', 'text'],
  mobile: ['mobile', 'text'],
  residentId: ['residentId', 'text'],
  url: ['url', 'text'],
  json: ['json', 'textarea'],
};

/** Widgets that show a choice of options, and so take an option source. */
export const CHOICE_WIDGETS: ReadonlySet<WidgetType> = new Set(['select', 'radio', 'multiSelect', 'checkboxes', 'lookup']);

export function widgetsFor(type: FieldType): readonly WidgetType[] {
  return WIDGETS_BY_FIELD_TYPE[type];
}
