import { languageOf, useApiClient } from '@bankforge/app-shell';
import type { PersonMatch } from '@bankforge/client';
import type { FieldDefinition } from '@bankforge/data-model';
import { FieldInput, type LoadOptions, type LookupSource } from '@bankforge/form-engine/react';
import { useMemo, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

/** The most people one search offers (the server's limit too). */
export const PEOPLE_LIMIT = 20;

/** The picker is the forms' lookup (a combobox: type, Down/Up, Enter, Escape) over the people search. */
const PEOPLE: LookupSource = { entity: 'person', labelField: 'name' };

/** A colleague as the list shows them: their name, username and branch (the same in both languages). */
export function personLabel(person: PersonMatch): string {
  return [person.name, person.id, person.branch].filter(Boolean).join(' · ');
}

export interface PersonPickerProps {
  label: string;
  /** The username chosen, `''` for none. */
  value: string;
  onChange(username: string): void;
  /** People not to offer (the task's assignees and its initiator: the server refuses them). */
  exclude: readonly string[];
  disabled: boolean;
  /** Why the choice cannot be taken, shown under the field and announced. */
  error?: string;
  ref?: Ref<HTMLDivElement>;
}

/**
 * Chooses a colleague to delegate to or add as an approver: the people search as the reader types
 * (debounced), chosen with the arrow keys and Enter. Escape closes the list, not the dialog.
 */
export function PersonPicker({ label, value, onChange, exclude, disabled, error, ref }: PersonPickerProps) {
  const { i18n } = useTranslation('task');
  const language = languageOf(i18n.language);
  const api = useApiClient();
  const excluded = exclude.join('\n');
  const loadOptions = useMemo<LoadOptions>(() => {
    const skip = new Set(excluded.split('\n'));
    return async (_source, search) => {
      const page = await api.searchPeople({ ...(search ? { q: search } : {}), limit: PEOPLE_LIMIT });
      return page.items.filter((person) => !skip.has(person.id)).map((person) => ({ value: person.id, label: { en: personLabel(person), 'zh-CN': personLabel(person) } }));
    };
  }, [api, excluded]);
  const field: FieldDefinition = { id: 'person', key: 'person', type: 'reference', label: { en: label, 'zh-CN': label }, reference: { entity: PEOPLE.entity } };
  const keepDialogOpen = (event: KeyboardEvent) => {
    // The list handled Escape (it was open): the dialog stays.
    if (event.key === 'Escape' && event.isDefaultPrevented()) event.stopPropagation();
  };
  return (
    <div ref={ref} className="dialog-field person-picker" onKeyDown={keepDialogOpen}>
      <FieldInput field={field} widget="lookup" value={value || null} onChange={(next) => onChange(typeof next === 'string' ? next : '')} locale={language} lookup={PEOPLE} loadOptions={loadOptions} disabled={disabled} />
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
