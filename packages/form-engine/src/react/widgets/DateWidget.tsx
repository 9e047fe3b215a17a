import type { WidgetProps } from './widget-props.js';

/** A calendar date, stored as `YYYY-MM-DD` (what `<input type=date>` yields). */
export function DateWidget(props: WidgetProps) {
  return (
    <input
      id={props.id}
      className="bf-input bf-date"
      type="date"
      min={typeof props.field.min === 'string' ? props.field.min : undefined}
      max={typeof props.field.max === 'string' ? props.field.max : undefined}
      value={typeof props.value === 'string' ? props.value : ''}
      aria-required={props.required || undefined}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      readOnly={props.readOnly}
      disabled={props.disabled}
      onChange={(event) => props.onChange(event.target.value === '' ? null : event.target.value)}
      onBlur={props.onBlur}
    />
  );
}
