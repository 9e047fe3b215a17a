import type { Language } from '@bankforge/app-shell';
import type { CasePerson, CaseText } from '@bankforge/client';

/** A text the flow runtime sent in both languages, in the reader's (English when the Chinese one is missing). */
export function caseText(text: CaseText | undefined, language: Language): string {
  if (text === undefined) return '';
  return language === 'zh-CN' ? text['zh-CN'] || text.en : text.en;
}

/** People named in a list, the way each language joins names. */
export function peopleText(people: readonly CasePerson[], language: Language): string {
  return people.map((person) => person.name).join(language === 'zh-CN' ? '、' : ', ');
}

/** What a case or task is about: its record's title, else the entity and the record's id. */
export function recordTitle(item: { recordTitle?: string; entity: string; recordId: string }): string {
  return item.recordTitle || `${item.entity} ${item.recordId}`;
}
