import type { ReportField } from '@bankforge/report-engine';
import type { TFunction } from 'i18next';
import { localized, type DesignerLanguage } from '../../form-designer/workspace/localized.js';
import type { DashboardCatalog } from '../model/catalog.js';

/** A field's own name: its entity's label for it, or a standard column's ("Created"). */
export function ownName(field: ReportField, catalog: DashboardCatalog, language: DesignerLanguage, t: TFunction): string {
  const own = catalog.entities.get(field.entity)?.fields.find((f) => f.key === field.field);
  return own ? localized(own.label, language) : t(`systemFields.${field.field}`, { defaultValue: field.field });
}

/** A field's name as the bank's analysts know it, through a join with its entity's: "Customer › Segment". */
export function fieldName(field: ReportField, catalog: DashboardCatalog, language: DesignerLanguage, t: TFunction): string {
  const entity = catalog.entities.get(field.entity);
  const name = ownName(field, catalog, language, t);
  return field.path.includes('.') && entity ? t('joined', { entity: localized(entity.label, language), field: name }) : name;
}

/** "Submitted at (submitted_at)": the name and the path the dashboard stores. */
export function fieldLabel(field: ReportField, catalog: DashboardCatalog, language: DesignerLanguage, t: TFunction): string {
  return t('fieldPath', { label: fieldName(field, catalog, language, t), path: field.path });
}
