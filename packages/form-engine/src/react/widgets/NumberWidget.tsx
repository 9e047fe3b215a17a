import { decimalShape } from '../../field-types/column-shape.js';
import { numberText, parseDecimalText, parseIntegerText, type ParsedNumberText } from './number-text.js';
import { useDraftText } from './use-draft-text.js';
import type { WidgetProps } from './widget-props.js';

/** How a field's typed number text is read: integers as numbers, decimals as exact strings. */
export function numberParser(field: WidgetProps['field']): (text: string) => ParsedNumberText {
  if (field.type === 'integer') return parseIntegerText;
  const { scale } = decimalShape(field.type === 'money' || field.type === 'percentage' ? field : { ...field, type: 'decimal' });
  return (text) => parseDecimalText(text, scale);
}

/**
 * Numbers typed as text (never an `<input type=number>`, which reads through a binary float):
 * integers, decimals and, with a "%" after it, percentages in percentage points.
 */
export function NumberWidget(props: WidgetProps & { percent?: boolean }) {
  const parse = numberParser(props.field);
  const draft = useDraftText(props.value, numberText, (text, value) => parse(text).value === value);
  const input = (
    <input
      id={props.id}
      className="bf-input bf-number"
      type="text"
      inputMode={props.field.type === 'integer' ? 'numeric' : 'decimal'}
      autoComplete="off"
      value={draft.text}
      placeholder={props.placeholder}
      aria-required={props.required || undefined}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      readOnly={props.readOnly}
      disabled={props.disabled}
      onChange={(event) => {
        const parsed = parse(event.target.value);
        draft.type(event.target.value, parsed.value);
        props.onInputProblem(parsed.problem);
        props.onChange(parsed.value);
      }}
      onBlur={() => {
        draft.reset();
        props.onBlur();
      }}
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
