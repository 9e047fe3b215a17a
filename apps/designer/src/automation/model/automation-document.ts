import type { AutomationDefinition } from '@bankforge/flow-engine';

/** The automation as the artifact API stores it: the flow engine's definition, envelope included. */
export type AutomationDocument = AutomationDefinition;

/**
 * A new automation's first draft: on an update of `entity`'s records, doing nothing yet (the
 * schema wants a trigger the server can read, so the entity is asked for up front). The title
 * doubles as its name until both languages are written.
 */
export function newAutomationDocument(key: string, title: string, entity: string): AutomationDocument {
  return {
    kind: 'automation',
    key,
    title,
    label: { en: title, 'zh-CN': title },
    enabled: true,
    trigger: { type: 'record', entity, on: ['updated'] },
    actions: [],
  };
}

/** The title follows the English name: lists show it where the reader's language has no label. */
export function withLabel(document: AutomationDocument, language: 'en' | 'zh-CN', text: string): AutomationDocument {
  const label = { ...document.label, [language]: text };
  return { ...document, label, title: language === 'en' && text.trim() !== '' ? text : document.title };
}
