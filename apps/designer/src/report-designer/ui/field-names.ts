import type { EntityCatalog } from '@bankforge/report-engine';
import type { TFunction } from 'i18next';
import { localized, type DesignerLanguage } from '../../form-designer/workspace/localized.js';
import type { FieldOrigin, ReportFieldChoice } from '../model/fields.js';
import { labelText } from '../model/labels.js';

/** A field as the analyst reads it in a picker: its label in the designer's language. */
export function fieldName(choice: ReportFieldChoice, language: DesignerLanguage, t: TFunction): string {
  const name = choice.name;
  switch (name.kind) {
    case 'field':
      return localized(name.label, language);
    case 'system':
      return t(`fields.system.${name.column}`);
    case 'currency':
      return t('fields.currency', { field: localized(name.label, language) });
    case 'aggregate':
      return name.label ? t(`fields.aggregateOf.${name.agg}`, { field: localized(name.label, language), key: name.key }) : t('fields.childCount', { key: name.key });
    case 'calculated':
      return labelText(name.label, language) || name.key;
  }
}

/** An entity's name in the designer's language (its key when it is not published). */
export function entityName(catalog: EntityCatalog, key: string, language: DesignerLanguage): string {
  const entity = catalog.get(key);
  return entity ? localized(entity.label, language) || entity.title : key;
}

/** The heading a picker groups a field under: the source entity, a join by its alias, the calculated fields. */
export function originName(origin: FieldOrigin, catalog: EntityCatalog, language: DesignerLanguage, t: TFunction): string {
  switch (origin.kind) {
    case 'source':
      return entityName(catalog, origin.entity, language);
    case 'join':
      return t('fields.joined', { alias: origin.alias, entity: entityName(catalog, origin.entity, language) });
    case 'aggregate':
      return t('fields.children', { alias: origin.alias, entity: entityName(catalog, origin.entity, language) });
    case 'calculated':
      return t('fields.calculated');
  }
}

/** A field path named for a sentence or a default label: `Customer · Segment` through a join, the field alone on the source. */
export function pathName(path: string, fields: readonly ReportFieldChoice[], catalog: EntityCatalog, language: DesignerLanguage, t: TFunction): string {
  const choice = fields.find((f) => f.path === path);
  if (!choice) return path;
  const own = fieldName(choice, language, t);
  return choice.origin.kind === 'join' ? `${entityName(catalog, choice.origin.entity, language)} · ${own}` : own;
}
