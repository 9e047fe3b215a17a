import type { FC } from 'react';
import type { FieldType } from '@bankforge/data-model';
import type { FormFieldNode, WidgetType } from '../../form/form-definition.js';
import { CheckboxesWidget } from './CheckboxesWidget.js';
import { CheckboxWidget } from './CheckboxWidget.js';
import { DatetimeWidget } from './DatetimeWidget.js';
import { DateWidget } from './DateWidget.js';
import { JsonWidget } from './JsonWidget.js';
import { LookupWidget } from './LookupWidget.js';
import { MoneyWidget } from './MoneyWidget.js';
import { MultiSelectWidget } from './MultiSelectWidget.js';
import { NumberWidget } from './NumberWidget.js';
import { RadioWidget } from './RadioWidget.js';
import { SelectWidget } from './SelectWidget.js';
import { TextareaWidget } from './TextareaWidget.js';
import { TextWidget } from './TextWidget.js';
import type { WidgetProps } from './widget-props.js';

/** The widget a field type gets when the form names none. */
export const DEFAULT_WIDGETS: Readonly<Record<FieldType, WidgetType>> = {
  text: 'text',
  longText: 'textarea',
  integer: 'number',
  decimal: 'number',
  money: 'money',
  percentage: 'percentage',
  boolean: 'checkbox',
  date: 'date',
  datetime: 'datetime',
  singleSelect: 'select',
  multiSelect: 'multiSelect',
  reference: 'lookup',
  email: 'email',
  mobile: 'mobile',
  residentId: 'residentId',
  url: 'url',
  autoNumber: 'text',
  json: 'json',
};

/** The component drawing each widget type. */
export const WIDGETS: Readonly<Record<WidgetType, FC<WidgetProps>>> = {
  text: TextWidget,
  textarea: TextareaWidget,
  number: NumberWidget,
  money: MoneyWidget,
  percentage: (props) => <NumberWidget {...props} percent />,
  checkbox: CheckboxWidget,
  switch: (props) => <CheckboxWidget {...props} asSwitch />,
  date: DateWidget,
  datetime: DatetimeWidget,
  select: SelectWidget,
  radio: RadioWidget,
  multiSelect: MultiSelectWidget,
  checkboxes: CheckboxesWidget,
  lookup: LookupWidget,
  email: (props) => <TextWidget {...props} kind="email" />,
  mobile: (props) => <TextWidget {...props} kind="mobile" />,
  residentId: (props) => <TextWidget {...props} kind="residentId" />,
  url: (props) => <TextWidget {...props} kind="url" />,
  json: JsonWidget,
};

/** Widgets made of several controls: labelled as a group (`aria-labelledby`), not by `<label for>`. */
export const GROUP_WIDGETS: ReadonlySet<WidgetType> = new Set(['radio', 'checkboxes']);

/** The widget type a placed field is drawn with: the node's choice, else a lookup for a lookup option source, else the type's default. */
export function widgetTypeOf(node: FormFieldNode, fieldType: FieldType): WidgetType {
  // A JSON field's text area still edits JSON: plain text would turn the value into a string.
  if (node.widget === 'textarea' && fieldType === 'json') return 'json';
  if (node.widget) return node.widget;
  if (node.options?.type === 'lookup') return 'lookup';
  return DEFAULT_WIDGETS[fieldType];
}
