import { multipleChoices, toggled } from './choices.js';
import type { WidgetProps } from './widget-props.js';

/** Several choices shown as checkboxes in a group labelled by the field's label. */
export function CheckboxesWidget(props: WidgetProps) {
  const { choices, selected } = multipleChoices(props);
  return (
    <div
      id={props.id}
      className="bf-choices bf-checkboxes"
      role="group"
      aria-labelledby={props.labelId}
      aria-describedby={props.describedBy}
    >
      {choices.length === 0 && <span className="bf-empty">{props.messages.noOptions}</span>}
      {choices.map((choice) => (
        <label key={choice.value} className="bf-choice">
          <input
            type="checkbox"
            value={choice.value}
            checked={selected.includes(choice.value)}
            aria-invalid={props.invalid || undefined}
            disabled={props.disabled || props.readOnly}
            onChange={(event) => props.onChange(toggled(choices, selected, choice.value, event.target.checked))}
            onBlur={props.onBlur}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
