import { controlAttributes } from './control-attributes.js';
import { DATETIME_TEXT_FORMATS, formatDateTimeText, parseDateTimeText } from './date-text.js';
import { useDraftText } from './use-draft-text.js';
import type { WidgetProps } from './widget-props.js';

/**
 * A date and time typed in the reader's local time, in the UI language's order (`2026/07/05 14:30`
 * in Chinese, `07/05/2026 14:30` in English; never the browser's own format), stored as a UTC ISO
 * instant. Text that names no instant is reported as an input problem rather than sent.
 */
export function DatetimeWidget(props: WidgetProps) {
  const { locale } = props;
  const draft = useDraftText(props.value, (value) => formatDateTimeText(value, locale), (text, value) => parseDateTimeText(text, locale) === value);
  return (
    <input
      {...controlAttributes(props)}
      className="bf-input bf-datetime"
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      placeholder={props.readOnly || props.disabled ? undefined : (props.placeholder ?? DATETIME_TEXT_FORMATS[locale])}
      value={draft.text}
      onChange={(event) => {
        const text = event.target.value;
        const value = text.trim() === '' ? null : parseDateTimeText(text, locale);
        draft.type(text, value ?? props.value);
        props.onInputProblem(value === undefined ? { code: 'invalidDate', format: DATETIME_TEXT_FORMATS[locale] } : null);
        if (value !== undefined) props.onChange(value);
      }}
      onBlur={() => {
        if (parseDateTimeText(draft.text, locale) !== undefined) draft.reset();
        props.onBlur();
      }}
    />
  );
}
