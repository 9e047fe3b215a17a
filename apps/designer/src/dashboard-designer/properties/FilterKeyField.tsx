import type { ProblemFieldError } from '@bankforge/client';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../shell/api/problems.js';
import { isIdentifier } from '../model/dashboard-document.js';

export interface FilterKeyFieldProps {
  value: string;
  /** The other filters' keys. */
  taken: ReadonlySet<string>;
  problems: readonly ProblemFieldError[];
  onRename(key: string): void;
}

/**
 * A filter's key, renamed when the analyst leaves the box or presses Enter, and only to a free
 * identifier: a half-typed key never reaches the draft (nor the widgets' choices, renamed with it).
 */
export function FilterKeyField({ value, taken, problems, onRename }: FilterKeyFieldProps) {
  const { t, i18n } = useTranslation('dashboardDesigner');
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const typed = text ?? value;
  const error = !isIdentifier(typed) ? t('filter.keyInvalid') : typed !== value && taken.has(typed) ? t('filter.keyTaken', { key: typed }) : null;
  const commit = () => {
    if (error === null && typed !== value) onRename(typed);
    if (error === null) setText(null);
  };
  const messages = [...(error ? [error] : []), ...problems.map((p) => problemMessage(p, i18n.language))];
  return (
    <div className="form-row">
      <label htmlFor={id}>{t('filter.key')}</label>
      <input
        id={id}
        value={typed}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={`${id}-help${messages.length > 0 ? ` ${id}-errors` : ''}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape' && text !== null) {
            e.preventDefault();
            setText(null);
          }
        }}
      />
      <p id={`${id}-help`} className="help">
        {t('filter.keyHelp')}
      </p>
      {messages.length > 0 && (
        <ul id={`${id}-errors`} className="field-errors">
          {messages.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
