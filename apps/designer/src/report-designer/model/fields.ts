import {
  isNumeric,
  isTemporal,
  SYSTEM_COLUMN_TYPES,
  valueTypeOf,
  type EntityDefinition,
  type FieldDefinition,
  type LocalizedText,
  type SelectOption,
  type ValueType,
} from '@bankforge/data-model';
import type { ChildAggregate, EntityCatalog, ReportDefinition, ReportLabel } from '@bankforge/report-engine';

/** Where a field a report can read comes from. */
export type FieldOrigin =
  | { kind: 'source'; entity: string }
  | { kind: 'join'; alias: string; entity: string }
  | { kind: 'aggregate'; alias: string; entity: string }
  | { kind: 'calculated' };

/** How a field is named: an entity field's label, a standard column, a money field's currency, a child aggregate or a calculated field. */
export type FieldName =
  | { kind: 'field'; label: LocalizedText }
  | { kind: 'system'; column: string }
  | { kind: 'currency'; label: LocalizedText }
  | { kind: 'aggregate'; agg: ChildAggregate; label?: LocalizedText; key: string }
  | { kind: 'calculated'; key: string; label?: ReportLabel };

/** A field path the report can use (dimension, measure, filter, calculated field), with what the pickers need to know of it. */
export interface ReportFieldChoice {
  path: string;
  name: FieldName;
  /** Undefined for a calculated field: only the engine knows what its expression gives. */
  type: ValueType | undefined;
  origin: FieldOrigin;
  /** A select's options, for filter values. */
  options?: readonly SelectOption[];
  /** The entity a reference field points at. */
  reference?: string;
}

/** Standard columns a report reads; `version` and `deleted_at` are bookkeeping. */
const SYSTEM_COLUMNS = Object.keys(SYSTEM_COLUMN_TYPES).filter((c) => c !== 'version');

function entityFields(entity: EntityDefinition, prefix: string, origin: FieldOrigin): ReportFieldChoice[] {
  const path = (key: string): string => (prefix === '' ? key : `${prefix}.${key}`);
  const own = entity.fields.flatMap((f: FieldDefinition): ReportFieldChoice[] => {
    const choice: ReportFieldChoice = {
      path: path(f.key),
      name: { kind: 'field', label: f.label },
      type: valueTypeOf(f),
      origin,
      ...(f.options ? { options: f.options } : {}),
      ...(f.reference ? { reference: f.reference.entity } : {}),
    };
    if (f.type !== 'money') return [choice];
    return [choice, { path: path(`${f.key}.currency`), name: { kind: 'currency', label: f.label }, type: 'text', origin }];
  });
  const system = SYSTEM_COLUMNS.map(
    (column): ReportFieldChoice => ({ path: path(column), name: { kind: 'system', column }, type: SYSTEM_COLUMN_TYPES[column]!, origin }),
  );
  return [...own, ...system];
}

/** The fields of a one-to-many join's children, for its aggregates and its filter (they are read in the children's table). */
export function childFieldChoices(entity: EntityDefinition): ReportFieldChoice[] {
  return entityFields(entity, '', { kind: 'source', entity: entity.key });
}

/** What a child aggregate gives, as the engine types it; undefined when it does not apply to the field. */
export function childAggregateType(agg: ChildAggregate, input: ValueType | undefined): ValueType | undefined {
  if (agg === 'count') return 'integer';
  if (input === undefined) return undefined;
  if (agg === 'sum') return isNumeric(input) ? input : undefined;
  if (agg === 'avg') return isNumeric(input) ? 'decimal' : undefined;
  return isNumeric(input) || isTemporal(input) ? input : undefined;
}

/** The entity each many-to-one join reaches, by alias, as the engine binds them (a `from` names an earlier many-to-one join). */
export function joinedEntities(report: Pick<ReportDefinition, 'source' | 'joins'>, catalog: EntityCatalog): Map<string, EntityDefinition> {
  const source = catalog.get(report.source);
  const byAlias = new Map<string, EntityDefinition>();
  for (const join of report.joins ?? []) {
    if (join.kind !== 'manyToOne' || byAlias.has(join.alias)) continue;
    const from = join.from === undefined ? source : byAlias.get(join.from);
    const target = from?.fields.find((f) => f.key === join.field)?.reference?.entity;
    const entity = target === undefined ? undefined : catalog.get(target);
    if (entity) byAlias.set(join.alias, entity);
  }
  return byAlias;
}

/**
 * Every field path the report can read, in the order a picker lists them: the source's fields and
 * standard columns, each many-to-one join's (`customer.segment`), each one-to-many join's
 * aggregates (`loans.total`), then the calculated fields.
 */
export function reportFieldChoices(report: ReportDefinition, catalog: EntityCatalog): ReportFieldChoice[] {
  const source = catalog.get(report.source);
  if (!source) return [];
  const choices = entityFields(source, '', { kind: 'source', entity: source.key });
  const joined = joinedEntities(report, catalog);
  for (const join of report.joins ?? []) {
    if (join.kind === 'manyToOne') {
      const entity = joined.get(join.alias);
      if (entity) choices.push(...entityFields(entity, join.alias, { kind: 'join', alias: join.alias, entity: entity.key }));
      continue;
    }
    const child = catalog.get(join.entity);
    for (const aggregate of join.aggregates) {
      const field = aggregate.field === undefined ? undefined : child?.fields.find((f) => f.key === aggregate.field);
      const input = field ? valueTypeOf(field) : aggregate.field !== undefined ? SYSTEM_COLUMN_TYPES[aggregate.field] : undefined;
      choices.push({
        path: `${join.alias}.${aggregate.key}`,
        name: { kind: 'aggregate', agg: aggregate.agg, key: aggregate.key, ...(field ? { label: field.label } : {}) },
        type: childAggregateType(aggregate.agg, input),
        origin: { kind: 'aggregate', alias: join.alias, entity: join.entity },
      });
    }
  }
  for (const calculated of report.calculated ?? []) {
    choices.push({
      path: calculated.key,
      name: { kind: 'calculated', key: calculated.key, ...(calculated.label ? { label: calculated.label } : {}) },
      type: undefined,
      origin: { kind: 'calculated' },
    });
  }
  return choices;
}

/** Grouping makes no sense of JSON or of a multi select's list of options. */
export function canGroupBy(choice: ReportFieldChoice): boolean {
  return choice.type !== 'json' && choice.type !== 'multi';
}

/** The fields a measure's aggregate may read; a calculated field is offered to all (the engine says when its type does not fit). */
export function canAggregate(agg: 'count' | 'countDistinct' | 'sum' | 'avg' | 'min' | 'max', choice: ReportFieldChoice): boolean {
  const type = choice.type;
  if (type === undefined) return true;
  if (agg === 'count' || agg === 'countDistinct') return type !== 'json';
  if (agg === 'sum' || agg === 'avg') return isNumeric(type);
  return isNumeric(type) || isTemporal(type);
}

/** A date bucket needs a date or date-time; numeric bins a number. */
export function canBucket(choice: ReportFieldChoice): boolean {
  return choice.type === undefined || isTemporal(choice.type);
}
export function canBin(choice: ReportFieldChoice): boolean {
  return choice.type === undefined || isNumeric(choice.type);
}
