import type { ChangeEvent } from 'react';
import { decimalShape } from '@bankforge/data-model';
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
 * A number typed as text into an `<input>`: the text shown for `value`, each keystroke read as
 * the field's number (`send` gets it, or null; what cannot be a number is reported as an input
 * problem), and the canonical form shown again on blur.
 */
export function useNumberText(props: WidgetProps, value: unknown, send: (value: unknown) => void) {
  const parse = numberParser(props.field);
  const draft = useDraftText(value, numberText, (text, number) => parse(text).value === number);
  return {
    value: draft.text,
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const parsed = parse(event.target.value);
      draft.type(event.target.value, parsed.value);
      props.onInputProblem(parsed.problem);
      send(parsed.value);
    },
    onBlur: () => {
      draft.reset();
      props.onBlur();
    },
  };
}
