import type { ChangeEvent } from 'react';
import type { WidgetProps } from './widget-props.js';

/**
 * What every typed-in control (`<input>`, `<textarea>`) takes from its widget props: the id its
 * label points at, required/invalid and the inline message for assistive technology, and whether
 * it may be edited. Widgets spread it and add only what is their own.
 */
export function controlAttributes(props: WidgetProps) {
  return {
    id: props.id,
    'aria-required': props.required || undefined,
    'aria-invalid': props.invalid || undefined,
    'aria-describedby': props.describedBy,
    readOnly: props.readOnly,
    disabled: props.disabled,
  };
}

/** A control whose text is the value itself (text, long text, date): empty text is no value. */
export function plainTextBinding(props: WidgetProps) {
  return {
    value: typeof props.value === 'string' ? props.value : '',
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => props.onChange(event.target.value === '' ? null : event.target.value),
    onBlur: props.onBlur,
  };
}
