import { controlAttributes, plainTextBinding } from './control-attributes.js';
import type { WidgetProps } from './widget-props.js';

/** A calendar date, stored as `YYYY-MM-DD` (what `<input type=date>` yields). */
export function DateWidget(props: WidgetProps) {
  return (
    <input
      {...controlAttributes(props)}
      {...plainTextBinding(props)}
      className="bf-input bf-date"
      type="date"
      min={typeof props.field.min === 'string' ? props.field.min : undefined}
      max={typeof props.field.max === 'string' ? props.field.max : undefined}
    />
  );
}
