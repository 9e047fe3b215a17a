import { SYSTEM_COLUMN_TYPES, valueTypeOf, type EntityDefinition, type ValueType } from '@bankforge/data-model';
import type { ReportDefinition } from '../artifact/report-definition.js';
import type { EntityCatalog } from '../model/entity-catalog.js';

/** A stored field a report can be filtered by: on its source, or through a many-to-one join. */
export interface ReportField {
  /** The path in the report: `branch`, `owner_id`, `c.segment`. */
  path: string;
  entity: string;
  field: string;
  type: ValueType;
  /**
   * What its values mean across entities, so that a click on one widget filters another reading a
   * different entity: the referenced entity (`ref:branch`), the record's owner (`owner`, the RM),
   * or the field itself (`customer.segment`).
   */
  meaning: string;
}

/** The user columns mean a person; owner_id is the one a bank reads as "the RM". */
const OWNER = 'owner_id';

function fieldsOf(entity: EntityDefinition, prefix: string): ReportField[] {
  const path = (key: string): string => (prefix === '' ? key : `${prefix}.${key}`);
  const own = entity.fields
    .filter((f) => f.type !== 'json' && f.type !== 'multiSelect' && f.type !== 'longText')
    .map((f) => ({
      path: path(f.key),
      entity: entity.key,
      field: f.key,
      type: valueTypeOf(f),
      meaning: f.reference ? `ref:${f.reference.entity}` : `${entity.key}.${f.key}`,
    }));
  const system = Object.entries(SYSTEM_COLUMN_TYPES)
    .filter(([key]) => key !== 'version' && key !== 'id')
    .map(([key, type]) => ({
      path: path(key),
      entity: entity.key,
      field: key,
      type,
      meaning: key === OWNER ? 'owner' : `${entity.key}.${key}`,
    }));
  return [...own, ...system];
}

/**
 * The stored fields of a report's source and of its many-to-one joins, in that order: what a
 * dashboard's shared filters and cross-filters may apply to. Calculated fields and child
 * aggregates are left out: a filter on them would not be a filter on rows.
 */
export function reportFields(
  report: Pick<ReportDefinition, 'source' | 'joins'>,
  catalog: EntityCatalog,
): ReportField[] {
  const source = catalog.get(report.source);
  if (!source) return [];
  const byAlias = new Map<string, EntityDefinition>();
  const fields = fieldsOf(source, '');
  for (const join of report.joins ?? []) {
    if (join.kind !== 'manyToOne') continue;
    const from = join.from === undefined ? source : byAlias.get(join.from);
    const target = from?.fields.find((f) => f.key === join.field)?.reference?.entity;
    const entity = target === undefined ? undefined : catalog.get(target);
    if (!entity) continue;
    byAlias.set(join.alias, entity);
    // A join reached through another is named by its own alias only: `c.segment`, never `a.c.segment`.
    fields.push(...fieldsOf(entity, join.alias));
  }
  return fields;
}
