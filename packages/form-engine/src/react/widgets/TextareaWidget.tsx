import type { WidgetProps } from './widget-props.js';

/** Multi-line text (long text). Empty text is no value. */
export function TextareaWidget(props: WidgetProps) {
  return (
    <textarea
      id={props.id}
      className="bf-textarea"
      rows={4}
      maxLength={props.field.maxLength}
      value={typeof props.value === 'string' ? props.value : ''}
      placeholder={props.placeholder}
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
