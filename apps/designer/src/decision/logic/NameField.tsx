import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NameProblem } from '../document/element-names.js';
import { nameProblemText } from './logic-messages.js';

export interface NameFieldProps {
  label: string;
  /** The name the document holds. */
  value: string;
  /** Why a typed name cannot be taken, or null. */
  check(name: string): NameProblem | null;
  /** A new name that passed the check, on Enter or when the field is left. */
  onCommit(name: string): void;
  help?: string;
  /** Among siblings (entries, parameters): a clash is said so. */
  sibling?: boolean;
  className?: string;
}

/**
 * A name, checked as it is typed and taken into the document only when it is whole and free (on
 * Enter or on leaving the field): FEEL reads the model by its names, so a half-typed one never
 * reaches the requirements and expressions that follow a rename. Escape puts the name back.
 */
export function NameField({ label, value, check, onCommit, help, sibling = false, className }: NameFieldProps) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const [state, setState] = useState({ base: value, text: value });
  // Undo, or a rename elsewhere, changes the name under the field: it shows the new one.
  if (state.base !== value) setState({ base: value, text: value });
  const text = state.base === value ? state.text : value;
  const problem = text === value ? null : check(text);

  const commit = () => {
    if (text !== value && problem === null) onCommit(text);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && text !== value) {
      event.preventDefault();
      event.stopPropagation();
      setState({ base: value, text: value });
    }
  };
  const describedBy = [help ? `${id}-help` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-row${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={text}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem !== null || undefined}
        aria-describedby={describedBy}
        onChange={(event) => setState({ base: value, text: event.target.value })}
        onBlur={commit}
        onKeyDown={onKeyDown}
      />
      {help && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {problem && (
        <p id={`${id}-problem`} className="field-error">
          {nameProblemText(t, problem, sibling)}
        </p>
      )}
    </div>
  );
}
