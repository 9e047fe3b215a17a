import { multipleChoices } from './choices.js';
import { TagsWidget } from './TagsWidget.js';
import type { WidgetProps } from './widget-props.js';

/** Several choices from a list box (Ctrl/Shift or Space to add to the selection). Nothing chosen is no value. */
export function MultiSelectWidget(props: WidgetProps) {
  // A tags field is drawn as its coloured chips wherever a form shows it.
  if (props.field.display === 'tags') return <TagsWidget {...props} />;
  const { choices, selected } = multipleChoices(props);
  return (
    <select
      id={props.id}
      className="bf-select bf-multi-select"
      multiple
      size={Math.min(Math.max(choices.length, 2), 6)}
      value={selected}
      aria-required={props.required || undefined}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      disabled={props.disabled || props.readOnly}
      onChange={(event) => {
        const values = Array.from(event.target.selectedOptions, (option) => option.value);
        props.onChange(values.length === 0 ? null : values);
      }}
      onBlur={props.onBlur}
    >
      {choices.map((choice) => (
        <option key={choice.value} value={choice.value}>
          {choice.label}
        </option>
      ))}
    </select>
  );
}
