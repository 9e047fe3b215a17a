import { problemPlace, type DocumentReading, type PlaceLanguage, type Say } from '../problem-places/problem-places.js';
import { BILINGUAL_NAMED_KINDS } from './artifact-kinds.js';
import type { NewArtifactKind } from './NewArtifactDialog.js';

/** The new artifact's document read with the words every document shares (its first draft has no lists of its own yet worth naming). */
const NEW_ARTIFACT_READING: DocumentReading = { namespace: 'shell' };

/** Where each kind keeps the entity the dialog asks for, and the label the dialog asks it by. */
const ENTITY_FIELDS: Partial<Record<NewArtifactKind, readonly [pointer: string, label: string]>> = {
  form: ['/entity', 'shell:create.entity'],
  report: ['/source', 'shell:create.reportEntity'],
  automation: ['/trigger/entity', 'shell:create.automationEntity'],
};

/** The label of the dialog's field that filled the property at `pointer`, if one did. */
function fieldLabel(pointer: string, kind: NewArtifactKind): string | undefined {
  if (pointer === '/key') return 'shell:create.key';
  // The title is the English name; a kind without a Chinese name of its own copies the title into it.
  if (pointer === '/title' || pointer === '/label/en') return 'shell:create.title';
  if (pointer === '/label/zh-CN') return BILINGUAL_NAMED_KINDS.has(kind) ? 'shell:create.nameZh' : 'shell:create.title';
  const entity = ENTITY_FIELDS[kind];
  return entity !== undefined && pointer === entity[0] ? entity[1] : undefined;
}

/**
 * Where a refused create's problem is, in the dialog's words: a property the analyst filled in is
 * said by its field's label (`/label/zh-CN` is "Name in Chinese", a report's `/source` "Base
 * entity"), anything else in the first draft through the shared walk (shell/problem-places), and a
 * pointer neither reads stays as written.
 */
export function newArtifactPlace(pointer: string, kind: NewArtifactKind, document: unknown, say: Say, language: PlaceLanguage): string | undefined {
  const label = fieldLabel(pointer, kind);
  return label !== undefined ? say(label, {}) : problemPlace(pointer, document, NEW_ARTIFACT_READING, say, language);
}
