import type { AutomationDefinition } from '@bankforge/flow-engine';

/**
 * The automation as the artifact API stores it: the flow engine's definition inside the envelope
 * every artifact has (its `title` names it in lists where no label is read).
 */
export type AutomationDocument = AutomationDefinition & { title: string };

/** A new automation's first draft: on a record update, doing nothing yet; the title doubles as its name until both languages are written. */
export function newAutomationDocument(key: string, title: string): AutomationDocument {
  return {
    kind: 'automation',
    key,
    title,
    version: 1,
    label: { en: title, 'zh-CN': title },
    enabled: true,
    trigger: { type: 'record', entity: '', on: ['updated'] },
    actions: [],
  };
}

/** The title follows the English name: lists show it where the reader's language has no label. */
export function withLabel(document: AutomationDocument, language: 'en' | 'zh-CN', text: string): AutomationDocument {
  const label = { ...document.label, [language]: text };
  return { ...document, label, title: language === 'en' && text.trim() !== '' ? text : document.title };
}
