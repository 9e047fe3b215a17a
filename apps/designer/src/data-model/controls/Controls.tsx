import type { ProblemFieldError } from '@bankforge/client';
import { useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../shell/api/problems.js';

interface RowProps {
  label: string;
  help?: string;
  /** The server's errors about this control's property, shown under it. */
  problems?: readonly ProblemFieldError[];
  className?: string;
}

/** The ids and ARIA attributes that tie a control to its label, help and errors. */
function useDescribed(props: RowProps) {
  const id = useId();
  const { i18n } = useTranslation();
  const problems = props.problems ?? [];
  const describedBy = [props.help ? `${id}-help` : '', problems.length > 0 ? `${id}-errors` : ''].filter(Boolean).join(' ');
  const aria = { id, 'aria-describedby': describedBy || undefined, 'aria-invalid': problems.length > 0 ? true : undefined };
  const below: ReactNode = (
    <>
      {props.help && (
        <p id={`${id}-help`} className="help">
          {props.help}
        </p>
      )}
      {problems.length > 0 && (
        <ul id={`${id}-errors`} className="field-errors">
          {problems.map((p, i) => (
            <li key={`${p.path}-${i}`}>{problemMessage(p, i18n.language)}</li>
          ))}
        </ul>
      )}
    </>
  );
  return { id, aria, below };
}

type TextInputAttributes = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'inputMode' | 'placeholder' | 'lang' | 'autoComplete' | 'spellCheck' | 'min' | 'step'>;

export function TextControl(
  props: RowProps & TextInputAttributes & { value: string; onChange: (value: string) => void; multiline?: boolean; inputRef?: (element: HTMLInputElement | null) => void },
) {
  const { aria, below } = useDescribed(props);
  const { label, value, onChange, multiline, inputRef, type, inputMode, placeholder, lang, autoComplete, spellCheck, min, step } = props;
  return (
    <div className={`form-row ${props.className ?? ''}`}>
      <label htmlFor={aria.id}>{label}</label>
      {multiline ? (
        <textarea {...aria} value={value} lang={lang} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...aria}
          ref={inputRef}
          type={type ?? 'text'}
          inputMode={inputMode}
          placeholder={placeholder}
          lang={lang}
          autoComplete={autoComplete ?? 'off'}
          spellCheck={spellCheck}
          min={min}
          step={step}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {below}
    </div>
  );
}

/** A number, or undefined when the box is empty. */
export function NumberControl(props: RowProps & { value: number | undefined; onChange: (value: number | undefined) => void; min?: number }) {
  return (
    <TextControl
      {...props}
      type="number"
      inputMode="numeric"
      step={1}
      value={props.value === undefined ? '' : String(props.value)}
      onChange={(text) => {
        if (text.trim() === '') props.onChange(undefined);
        else if (Number.isFinite(Number(text))) props.onChange(Number(text));
      }}
    />
  );
}

export function CheckboxControl(props: RowProps & { checked: boolean; onChange: (checked: boolean) => void }) {
  const { aria, below } = useDescribed(props);
  return (
    <div className={`form-row form-row-check ${props.className ?? ''}`}>
      <input {...aria} type="checkbox" checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} />
      <label htmlFor={aria.id}>{props.label}</label>
      {below}
    </div>
  );
}

export interface Choice {
  value: string;
  label: string;
}

export function SelectControl(props: RowProps & { value: string; choices: readonly Choice[]; onChange: (value: string) => void }) {
  const { aria, below } = useDescribed(props);
  return (
    <div className={`form-row ${props.className ?? ''}`}>
      <label htmlFor={aria.id}>{props.label}</label>
      <select {...aria} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
      {below}
    </div>
  );
}

function parseList(text: string, uppercase: boolean): string[] {
  return text
    .split(',')
    .map((s) => (uppercase ? s.trim().toUpperCase() : s.trim()))
    .filter((s) => s !== '');
}

/** A comma-separated list in one box (currencies, consent purposes, multi-select defaults). */
export function ListControl(props: RowProps & { value: readonly string[] | undefined; onChange: (value: string[]) => void; uppercase?: boolean }) {
  const uppercase = props.uppercase ?? false;
  const joined = (props.value ?? []).join(', ');
  // The box keeps what is typed ("CNY, " mid-entry); it is replaced only when the list changes
  // from elsewhere (undo, reload).
  const [text, setText] = useState(joined);
  if (parseList(text, uppercase).join(', ') !== joined) {
    setText(joined);
  }
  return (
    <TextControl
      {...props}
      value={text}
      onChange={(next) => {
        setText(next);
        props.onChange(parseList(next, uppercase));
      }}
    />
  );
}
