import type { Language } from '@bankforge/app-shell';
import { DATE_TEXT_FORMATS, formatDateText, parseDateText } from '@bankforge/form-engine/react';
import { useState } from 'react';

export interface DayInputProps {
  label: string;
  /** `YYYY-MM-DD`, or '' for an open end. */
  value: string;
  onChange(value: string): void;
  language: Language;
}

/**
 * One end of a range of days, typed as the UI language writes dates (2026/07/05 in Chinese) as
 * the record pages do, never the browser's own format. Text that names no day stays as typed,
 * marked invalid, and changes nothing.
 */
export function DayInput({ label, value, onChange, language }: DayInputProps) {
  const [typed, setTyped] = useState<{ text: string; basis: string } | null>(null);
  const text = typed !== null && typed.basis === value ? typed.text : value === '' ? '' : formatDateText(value, language);
  const invalid = text.trim() !== '' && parseDateText(text, language) === undefined;
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      className="day-input"
      aria-label={label}
      aria-invalid={invalid || undefined}
      placeholder={DATE_TEXT_FORMATS[language]}
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        const day = next.trim() === '' ? '' : parseDateText(next, language);
        setTyped({ text: next, basis: day ?? value });
        if (day !== undefined) onChange(day);
      }}
      onBlur={() => setTyped(null)}
    />
  );
}
