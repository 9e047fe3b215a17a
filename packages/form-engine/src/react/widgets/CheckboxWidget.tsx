import type { WidgetProps } from './widget-props.js';

/**
 * A yes/no field as a checkbox, or as a switch (`role=switch`, announced as on/off). Read-only
 * boxes are disabled, since a checkbox has no read-only state.
 */
export function CheckboxWidget(props: WidgetProps & { asSwitch?: boolean }) {
  return (
    <input
      id={props.id}
      className={props.asSwitch ? 'bf-switch' : 'bf-checkbox'}
      type="checkbox"
      role={props.asSwitch ? 'switch' : undefined}
      checked={props.value === true}
      aria-checked={props.asSwitch ? props.value === true : undefined}
      aria-required={props.required || undefined}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      disabled={props.disabled || props.readOnly}
      onChange={(event) => props.onChange(event.target.checked)}
      onBlur={props.onBlur}
    />
  );
}
