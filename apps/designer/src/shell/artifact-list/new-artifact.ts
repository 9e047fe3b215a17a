import { IDENTIFIER_PATTERN } from '@bankforge/form-engine';
import type { ArtifactDocument } from '@bankforge/client';

const IDENTIFIER = new RegExp(IDENTIFIER_PATTERN);

/** Artifact keys are identifiers: they name tables and columns, so the server takes no other. */
export function isValidKey(key: string): boolean {
  return IDENTIFIER.test(key);
}

/** A new entity's first draft: the title doubles as its label until the analyst writes both languages. */
export function newEntityDocument(key: string, title: string): ArtifactDocument {
  return { kind: 'entity', key, title, label: { en: title, 'zh-CN': title }, fields: [] };
}

/** A new form's first draft: bound to its entity, with an empty layout to draw on. */
export function newFormDocument(key: string, title: string, entity: string, schemaVersion: number): ArtifactDocument {
  return { kind: 'form', key, title, schemaVersion, entity, label: { en: title, 'zh-CN': title }, layout: [] };
}
