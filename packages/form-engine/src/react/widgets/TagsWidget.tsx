import { multipleChoices, toggled } from './choices.js';
import { tagClassName, TagChips } from './TagChip.js';
import type { WidgetProps } from './widget-props.js';

/**
 * A tags field (a multiSelect with `display: 'tags'`): each tag of the managed list a coloured
 * toggle button (Tab to reach, Space or Enter to add or remove), pressed when the record has it.
 * Read only, the record's tags alone, as chips.
 */
export function TagsWidget(props: WidgetProps) {
  const { choices, selected } = multipleChoices(props);
  if (props.readOnly || props.disabled) {
    return (
      <div id={props.id} className="bf-choices bf-tags-field" role="group" aria-labelledby={props.labelId} aria-describedby={props.describedBy}>
        {selected.length === 0 ? <span className="bf-empty">—</span> : <TagChips options={props.options} values={selected} locale={props.locale} />}
      </div>
    );
  }
  return (
    <div id={props.id} className="bf-choices bf-tags-field" role="group" aria-labelledby={props.labelId} aria-describedby={props.describedBy}>
      {choices.length === 0 && <span className="bf-empty">{props.messages.noOptions}</span>}
      {choices.map((choice) => {
        const on = selected.includes(choice.value);
        const option = props.options.find((o) => o.value === choice.value);
        return (
          <button
            key={choice.value}
            type="button"
            className={`${tagClassName(option?.color)} bf-tag-toggle`}
            aria-pressed={on}
            aria-invalid={props.invalid || undefined}
            onClick={() => props.onChange(toggled(choices, selected, choice.value, !on))}
            onBlur={props.onBlur}
          >
            {choice.label}
          </button>
        );
      })}
    </div>
  );
}
