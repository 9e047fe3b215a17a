import type { EntityDefinition } from '@bankforge/data-model';
import type { FormDefinition } from '@bankforge/form-engine';
import type { TFunction } from 'i18next';
import { paletteEntryOf } from '../dnd/drag-ids.js';
import { containerOwner, findNode, ROOT } from '../tree/form-tree.js';
import { CONTAINER_DROP_PREFIX } from '../tree/placement.js';
import { localized, type DesignerLanguage } from './localized.js';
import { nodeLabel } from './node-label.js';

export const CONTAINER_LABEL_KEYS = { section: 'palette.section', columns: 'palette.columns', tabs: 'palette.tabs', repeatingGroup: 'palette.repeatingGroup' } as const;

/** The name of anything that can be selected, dragged or dropped on: node, column, tab, palette entry. */
export function targetName(id: string, form: FormDefinition, entity: EntityDefinition | null, language: DesignerLanguage, t: TFunction<'formDesigner'>): string {
  const entry = paletteEntryOf(id);
  if (entry) {
    if (entry.kind === 'container') return t(CONTAINER_LABEL_KEYS[entry.type]);
    const field = entity?.fields.find((f) => f.key === entry.field);
    return localized(field?.label, language) || entry.field;
  }
  const bare = id.startsWith(CONTAINER_DROP_PREFIX) ? id.slice(CONTAINER_DROP_PREFIX.length) : id;
  if (bare === ROOT) return t('canvas.formTop');
  const location = findNode(form.layout, bare);
  if (location) return nodeLabel(location.node, entity, language, t);
  const owner = containerOwner(form.layout, bare);
  if (owner?.type === 'columns') return t('canvas.column', { number: owner.columns.findIndex((c) => c.id === bare) + 1 });
  if (owner?.type === 'tabs') return localized(owner.tabs.find((tab) => tab.id === bare)?.title, language) || t('palette.tabs');
  return bare;
}
