import { singleChoices } from './choices.js';
import type { WidgetProps } from './widget-props.js';

/** One choice from a drop-down list; the empty "Select…" entry is no value. */
export function SelectWidget(props: WidgetProps) {
  const { choices, selected, valueOf } = singleChoices(props);
  return (
    <select
      id={props.id}
      className="bf-select"
      value={selected}
      aria-required={props.required || undefined}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      // A select has no read-only state; disabling it is the closest.
      disabled={props.disabled || props.readOnly}
      onChange={(event) => props.onChange(valueOf(event.target.value))}
      onBlur={props.onBlur}
    >
      <option value="">{choices.length === 0 ? props.messages.noOptions : props.messages.select}</option>
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
