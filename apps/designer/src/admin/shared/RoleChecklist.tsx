import type { RoleDefinition } from '@bankforge/client';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { roleName } from './role-name.js';

export interface RoleChecklistProps {
  legend: string;
  roles: readonly RoleDefinition[];
  value: readonly string[];
  onChange: (roles: string[]) => void;
  /** A field error to show under the list (already in the reader's language). */
  error?: string;
  help?: string;
}

/** The roles a person or key holds, as a list of checkboxes named in the reader's language. */
export function RoleChecklist({ legend, roles, value, onChange, error, help }: RoleChecklistProps) {
  const { i18n } = useTranslation('admin');
  const id = useId();
  const toggle = (key: string, on: boolean) => onChange(on ? [...value.filter((k) => k !== key), key] : value.filter((k) => k !== key));
  return (
    <fieldset className="role-checklist" aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : help ? `${id}-help` : undefined}>
      <legend>{legend}</legend>
      <div className="role-checklist-items">
        {roles.map((role) => (
          <label key={role.key} className="check">
            <input type="checkbox" checked={value.includes(role.key)} onChange={(e) => toggle(role.key, e.target.checked)} />
            <span>{roleName(role, i18n.language)}</span>
          </label>
        ))}
      </div>
      {help && !error && (
        <p id={`${id}-help`} className="help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
