import { singleChoices } from './choices.js';
import type { WidgetProps } from './widget-props.js';

/**
 * One choice shown as radio buttons in a radiogroup labelled by the field's label. Native
 * radios sharing a name give the arrow-key behaviour of the pattern.
 */
export function RadioWidget(props: WidgetProps) {
  const { choices, selected, valueOf } = singleChoices(props);
  return (
    <div
      id={props.id}
      className="bf-choices bf-radio"
      role="radiogroup"
      aria-labelledby={props.labelId}
      aria-required={props.required || undefined}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      aria-readonly={props.readOnly || undefined}
      aria-disabled={props.disabled || undefined}
    >
      {choices.length === 0 && <span className="bf-empty">{props.messages.noOptions}</span>}
      {choices.map((choice) => (
        <label key={choice.value} className="bf-choice">
          <input
            type="radio"
            name={props.id}
            value={choice.value}
            checked={selected === choice.value}
            disabled={props.disabled || props.readOnly}
            onChange={() => props.onChange(valueOf(choice.value))}
            onBlur={props.onBlur}
          />
          {choice.label}
        </label>
      ))}
    </div>
  );
}
