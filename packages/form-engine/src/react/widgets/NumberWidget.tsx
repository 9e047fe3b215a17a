import { controlAttributes } from './control-attributes.js';
import { useNumberText } from './use-number-text.js';
import type { WidgetProps } from './widget-props.js';

/**
 * Numbers typed as text (never an `<input type=number>`, which reads through a binary float):
 * integers, decimals and, with a "%" after it, percentages in percentage points.
 */
export function NumberWidget(props: WidgetProps & { percent?: boolean }) {
  const text = useNumberText(props, props.value, props.onChange);
  const input = (
    <input
      {...controlAttributes(props)}
      {...text}
      className="bf-input bf-number"
      type="text"
      inputMode={props.field.type === 'integer' ? 'numeric' : 'decimal'}
      autoComplete="off"
      placeholder={props.placeholder}
    />
  );
  if (!props.percent) return input;
  return (
    <span className="bf-adorned">
      {input}
      <span className="bf-suffix" aria-hidden="true">
        %
      </span>
    </span>
  );
}
