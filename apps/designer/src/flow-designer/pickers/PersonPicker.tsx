import { useApiClient } from '@bankforge/app-shell';
import type { PersonMatch } from '@bankforge/client';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox } from './Combobox.js';

/** The most people one search offers (the server's own limit). */
const PEOPLE_LIMIT = 20;
/** Typing pauses this long before the server is asked. */
export const PEOPLE_SEARCH_DELAY_MS = 250;

/** "陈静 · chen_jing · BR001": name, username and branch, the same in both languages. */
export function personLabel(person: PersonMatch): string {
  return [person.name, person.id, person.branch].filter(Boolean).join(' · ');
}

export interface PersonPickerProps {
  label: string;
  help?: string;
  /** The username, `''` for none yet. */
  value: string;
  onChange(username: string): void;
  problems?: readonly { message: string }[];
}

/** A colleague, found by name or username (`GET /api/people?q=`) as the analyst types. */
export function PersonPicker({ label, help, value, onChange, problems = [] }: PersonPickerProps) {
  const { t } = useTranslation('flowDesigner');
  const api = useApiClient();
  // Everyone a search showed, by username: the chosen one is named at once.
  const [people, setPeople] = useState<ReadonlyMap<string, PersonMatch>>(new Map());
  const met = (found: readonly PersonMatch[]) => setPeople((known) => new Map([...known, ...found.map((p) => [p.id, p] as const)]));
  // A value set before (a saved flow) is named by asking for it.
  useEffect(() => {
    if (value === '') return;
    let live = true;
    api.searchPeople({ q: value, limit: PEOPLE_LIMIT }).then(
      (page) => live && met(page.items.filter((p) => p.id === value)),
      // The username stays shown: the name is a courtesy.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, value]);
  const person = people.get(value);
  const search = async (text: string) => {
    const page = await api.searchPeople({ ...(text !== '' ? { q: text } : {}), limit: PEOPLE_LIMIT });
    met(page.items);
    return page.items.map((p) => ({ value: p.id, label: personLabel(p) }));
  };
  return (
    <Combobox
      label={label}
      help={help}
      value={value}
      shown={person !== undefined ? personLabel(person) : value}
      search={search}
      delayMs={PEOPLE_SEARCH_DELAY_MS}
      onChange={onChange}
      noMatch={(text) => t('picker.noPerson', { text })}
      problems={problems}
    />
  );
}
