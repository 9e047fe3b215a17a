import { useRef, useState } from 'react';
import { isIsoDate } from '@bankforge/data-model';
import { VISUALLY_HIDDEN } from '../renderer/visually-hidden.js';
import { CalendarPopover } from './CalendarPopover.js';
import { controlAttributes } from './control-attributes.js';
import { DATE_TEXT_FORMATS, formatDateText, parseDateText } from './date-text.js';
import { useDraftText } from './use-draft-text.js';
import type { WidgetProps } from './widget-props.js';

const bound = (value: unknown): string | undefined => (typeof value === 'string' && isIsoDate(value) ? value : undefined);

/**
 * A calendar date typed as text in the UI language's order (`2026/07/05` in Chinese,
 * `07/05/2026` in English) or picked from a calendar, and stored as `YYYY-MM-DD`. Text that names
 * no date is reported as an input problem (it blocks the submit) rather than sent.
 */
export function DateWidget(props: WidgetProps) {
  const { locale, messages } = props;
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const show = (value: unknown): string => (typeof value === 'string' ? formatDateText(value, locale) : '');
  const draft = useDraftText(props.value, show, (text, value) => parseDateText(text, locale) === value);
  const editable = !props.readOnly && !props.disabled;
  const buttonId = `${props.id}-calendar`;

  const type = (text: string) => {
    const value = text.trim() === '' ? null : parseDateText(text, locale);
    draft.type(text, value ?? props.value);
    props.onInputProblem(value === undefined ? { code: 'invalidDate', format: DATE_TEXT_FORMATS[locale] } : null);
    if (value !== undefined) props.onChange(value);
  };

  return (
    <span className="bf-adorned bf-date-input">
      <input
        {...controlAttributes(props)}
        ref={input}
        className="bf-input bf-date"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        // How to write a date, for whom may write one: on a read-only field it would read as a value.
        placeholder={editable ? (props.placeholder ?? DATE_TEXT_FORMATS[locale]) : undefined}
        value={draft.text}
        onChange={(event) => type(event.target.value)}
        onBlur={() => {
          // A date that was read is shown again in the language's own form (2026/7/5 becomes 2026/07/05).
          if (parseDateText(draft.text, locale) !== undefined) draft.reset();
          props.onBlur();
        }}
      />
      {editable && (
        <button type="button" id={buttonId} className="bf-date-button" aria-labelledby={`${buttonId} ${props.labelId}`} aria-haspopup="dialog" aria-expanded={open} onClick={() => setOpen((was) => !was)}>
          <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5">
            <rect x="1.75" y="2.75" width="12.5" height="11.5" rx="1.5" />
            <path d="M1.75 6.25h12.5M5 1v3M11 1v3" />
          </svg>
          <span style={VISUALLY_HIDDEN}>{messages.chooseDate}</span>
        </button>
      )}
      {open && editable && (
        <CalendarPopover
          value={typeof props.value === 'string' && isIsoDate(props.value) ? props.value : null}
          start={props.today}
          min={bound(props.field.min)}
          max={bound(props.field.max)}
          locale={locale}
          messages={messages}
          onPick={(iso) => {
            draft.reset();
            props.onInputProblem(null);
            props.onChange(iso);
            setOpen(false);
            input.current?.focus();
          }}
          onClose={() => {
            setOpen(false);
            document.getElementById(buttonId)?.focus();
          }}
        />
      )}
    </span>
  );
}
