import { controlAttributes } from './control-attributes.js';
import { localInputToUtc, utcToLocalInput } from './local-datetime.js';
import type { WidgetProps } from './widget-props.js';

/** A date and time typed in the user's local time, stored as a UTC ISO instant; its bounds are shown in local time too. */
export function DatetimeWidget(props: WidgetProps) {
  return (
    <input
      {...controlAttributes(props)}
      className="bf-input bf-datetime"
      type="datetime-local"
      min={utcToLocalInput(props.field.min) || undefined}
      max={utcToLocalInput(props.field.max) || undefined}
      value={utcToLocalInput(props.value)}
      onChange={(event) => props.onChange(localInputToUtc(event.target.value))}
      onBlur={props.onBlur}
    />
  );
}
