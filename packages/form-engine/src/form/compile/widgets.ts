import type { FieldType } from '@bankforge/data-model';
import type { WidgetType } from '../form-definition.js';

/**
 * The widgets that can draw each field type (the first is the type's default). A widget outside
 * its field's list could not hold the field's values (a checkbox for a date), so publishing refuses it.
 */
export const WIDGETS_FOR_FIELD_TYPE: Readonly<Record<FieldType, readonly WidgetType[]>> = {
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
  autoNumber: ['text'],
  json: ['json', 'textarea'],
};

export function widgetFits(widget: WidgetType, type: FieldType): boolean {
  return WIDGETS_FOR_FIELD_TYPE[type].includes(widget);
}
