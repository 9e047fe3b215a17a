import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import type { FormSection } from '@bankforge/form-engine';
import type { AppDocument, ArtifactDocument } from '@bankforge/client';

const IDENTIFIER = new RegExp(IDENTIFIER_PATTERN);

/** Artifact keys are identifiers: they name tables and columns, so the server takes no other. */
export function isValidKey(key: string): boolean {
  return IDENTIFIER.test(key);
}

/** A new entity's first draft: the title doubles as its label until the analyst writes both languages. */
export function newEntityDocument(key: string, title: string): ArtifactDocument {
  return { kind: 'entity', key, title, label: { en: title, 'zh-CN': title }, fields: [] };
}

/**
 * A new form's first draft: bound to its entity, with one empty section to draw in. It is the
 * entity's default form (the one record writes without a named form are checked against) only
 * when it is the entity's first form.
 */
export function newFormDocument(key: string, title: string, entity: string, schemaVersion: number, isDefault: boolean): ArtifactDocument {
  const details: FormSection = { id: 'details', type: 'section', title: { en: 'Details', 'zh-CN': '详细信息' }, children: [] };
  return { kind: 'form', key, title, schemaVersion, entity, default: isDefault, label: { en: title, 'zh-CN': title }, layout: [details] };
}

/** A new app's first draft: no pages yet, the title doubling as its label until both languages are written. */
export function newAppDocument(key: string, title: string): AppDocument {
  return { kind: 'app', key, title, label: { en: title, 'zh-CN': title }, artifacts: [] };
}
