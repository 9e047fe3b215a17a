import type { Language } from '@bankforge/app-shell';
import { DATETIME_TEXT_FORMATS, formatDateTimeText, parseDateTimeText } from '@bankforge/form-engine/react';
import { useState } from 'react';

export interface InstantInputProps {
  id: string;
  /** A UTC ISO instant, or '' for an open end. */
  value: string;
  onChange(value: string): void;
  language: Language;
  describedBy?: string;
  /** Marked invalid from outside (an end before its start). */
  invalid?: boolean;
}

/**
 * One end of a time range, typed as the UI language writes a date and a 24-hour time in the
 * reader's zone (2026/07/05 14:30 in Chinese), as record pages do, never the browser's own format.
 * Text that names no instant stays as typed, marked invalid, and changes nothing.
 */
export function InstantInput({ id, value, onChange, language, describedBy, invalid: wrong = false }: InstantInputProps) {
  const [typed, setTyped] = useState<{ text: string; basis: string } | null>(null);
  const text = typed !== null && typed.basis === value ? typed.text : value === '' ? '' : formatDateTimeText(value, language);
  const invalid = text.trim() !== '' && parseDateTimeText(text, language) === undefined;
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      className="instant-input"
      aria-invalid={invalid || wrong || undefined}
      aria-describedby={describedBy}
      placeholder={DATETIME_TEXT_FORMATS[language]}
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        const instant = next.trim() === '' ? '' : parseDateTimeText(next, language);
        setTyped({ text: next, basis: instant ?? value });
        if (instant !== undefined) onChange(instant);
      }}
      onBlur={() => setTyped(null)}
    />
  );
}
