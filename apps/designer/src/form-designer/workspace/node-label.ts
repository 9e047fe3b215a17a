import type { EntityDefinition } from '@bankforge/data-model';
import type { FormNode } from '@bankforge/form-engine';
import type { TFunction } from 'i18next';
import { localized, type DesignerLanguage } from './localized.js';

/** The name a node goes by on the canvas, in announcements and in problem lists. */
export function nodeLabel(node: FormNode, entity: EntityDefinition | null, language: DesignerLanguage, t: TFunction<'formDesigner'>): string {
  switch (node.type) {
    case 'field': {
      const field = entity?.fields.find((f) => f.key === node.field);
      return localized(node.label, language) || localized(field?.label, language) || node.field;
    }
    case 'section':
      return localized(node.title, language) || t('palette.section');
    case 'columns':
      return node.columns.length === 2 ? t('palette.columns') : t('canvas.columnsCount', { count: node.columns.length });
    case 'tabs':
      return t('palette.tabs');
    case 'repeatingGroup':
      return localized(node.title, language) || node.key;
  }
}
