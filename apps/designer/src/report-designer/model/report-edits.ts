/**
 * The report's pure edits, each answering a new report (the same one when nothing changes). Keys
 * renamed are renamed where sort, chart, pivot, drill-down, top N and ratios name them; a column
 * removed leaves the lists that named it, so the draft stays one the schema takes. A reference that
 * cannot simply go (a ratio's numerator, a top N's measure) stays, and the engine's check says so
 * next to it.
 */
import type { FilterCondition, RecordFilter } from '@bankforge/data-model';
import type {
  CalculatedField,
  ChartSpec,
  ChildAggregate,
  Dimension,
  DrillLevel,
  Measure,
  PivotSpec,
  ReportDefinition,
  ReportJoin,
  ReportLabel,
  ReportParameter,
  SortKey,
} from '@bankforge/report-engine';
import { renameInExpression } from '../../decision/document/feel-rename.js';
import { mapConditions } from '../../filter-builder/filter-tree.js';
import { calculatedKeys, columnKeys, freeKey, joinAliases, parameterKeys } from './keys.js';
import { moveItem, removeAt, replaceAt, withoutUndefined } from './lists.js';
import type { RelationChoice } from './relations.js';

type Lists = 'joins' | 'calculated' | 'parameters' | 'dimensions' | 'measures' | 'sort';

/** The report with one of its lists replaced; an empty list is left out. */
function withList<K extends Lists>(report: ReportDefinition, key: K, list: NonNullable<ReportDefinition[K]>): ReportDefinition {
  const { [key]: _old, ...rest } = report;
  return (list.length === 0 ? rest : { ...rest, [key]: list }) as ReportDefinition;
}

function without<K extends keyof ReportDefinition>(report: ReportDefinition, key: K): ReportDefinition {
  if (!(key in report)) return report;
  const { [key]: _dropped, ...rest } = report;
  return rest as ReportDefinition;
}

/** A key for a column on `path`: the field's key, through a join with the join's (`branch_name`, never a bare `name`). */
function columnKeyFor(report: ReportDefinition, path: string, suffix?: string): string {
  return freeKey(suffix ? `${path}_${suffix}` : path, columnKeys(report));
}

// ---- Renaming and removing keys where they are named -------------------------------------------

const swap = (list: readonly string[] | undefined, from: string, to: string): string[] | undefined => list?.map((k) => (k === from ? to : k));

/** A dimension's or measure's key renamed wherever the report names it. */
export function renameColumn(report: ReportDefinition, from: string, to: string): ReportDefinition {
  if (from === to) return report;
  let next: ReportDefinition = {
    ...report,
    ...(report.dimensions && { dimensions: report.dimensions.map((d) => (d.top?.by === from ? { ...d, top: { ...d.top, by: to } } : d)) }),
    ...(report.measures && {
      measures: report.measures.map((m) => withoutUndefined({ ...m, numerator: m.numerator === from ? to : m.numerator, denominator: m.denominator === from ? to : m.denominator })),
    }),
    ...(report.sort && { sort: report.sort.map((s) => (s.by === from ? { ...s, by: to } : s)) }),
  };
  if (report.chart) {
    const chart = report.chart;
    next = { ...next, chart: withoutUndefined({ ...chart, x: chart.x === from ? to : chart.x, series: chart.series === from ? to : chart.series, y: swap(chart.y, from, to) }) };
  }
  if (report.pivot) next = { ...next, pivot: { rows: swap(report.pivot.rows, from, to)!, columns: swap(report.pivot.columns, from, to)!, values: swap(report.pivot.values, from, to)! } };
  if (report.drillDown) next = { ...next, drillDown: { levels: report.drillDown.levels.map((l) => ({ ...l, dimensions: swap(l.dimensions, from, to)! })) } };
  return next;
}

/** A removed column's key taken out of the sort, chart, pivot and drill-down lists. */
function dropColumn(report: ReportDefinition, key: string): ReportDefinition {
  let next = report;
  if (report.sort) next = withList(next, 'sort', report.sort.filter((s) => s.by !== key));
  if (report.chart) {
    const { x, series, y } = report.chart;
    const kept = y?.filter((k) => k !== key);
    next = {
      ...next,
      chart: withoutUndefined({ ...report.chart, x: x === key ? undefined : x, series: series === key ? undefined : series, y: kept && kept.length > 0 ? kept : undefined }),
    };
  }
  if (report.pivot) {
    const pivot = { rows: report.pivot.rows.filter((k) => k !== key), columns: report.pivot.columns.filter((k) => k !== key), values: report.pivot.values.filter((k) => k !== key) };
    // A pivot needs a value: without one it goes, and the chart says a pivot is missing.
    next = pivot.values.length === 0 ? without(next, 'pivot') : { ...next, pivot };
  }
  if (report.drillDown) {
    const levels = report.drillDown.levels.map((l) => ({ ...l, dimensions: l.dimensions.filter((k) => k !== key) })).filter((l) => l.dimensions.length > 0);
    // A drill-down is two levels or more.
    next = levels.length < 2 ? without(next, 'drillDown') : { ...next, drillDown: { levels } };
  }
  return next;
}

/** A field path renamed where dimensions, measures and filters read it (`old` itself, or `old.` paths under it for a join). */
function renamePaths(report: ReportDefinition, rename: (path: string) => string): ReportDefinition {
  const condition = (c: FilterCondition): FilterCondition => {
    const field = rename(c.field);
    return field === c.field ? c : { ...c, field };
  };
  const filter = (f: RecordFilter | undefined): RecordFilter | undefined => (f === undefined ? undefined : mapConditions(f, condition));
  return withoutUndefined({
    ...report,
    dimensions: report.dimensions?.map((d) => ({ ...d, field: rename(d.field) })),
    measures: report.measures?.map((m) => withoutUndefined({ ...m, field: m.field === undefined ? undefined : rename(m.field), filter: filter(m.filter) })),
    filter: filter(report.filter),
  });
}

/** A name renamed in the calculated fields' FEEL (only real references: the parser says where). */
function renameInCalculated(report: ReportDefinition, from: string, to: string): ReportDefinition {
  if (!report.calculated) return report;
  return { ...report, calculated: report.calculated.map((c) => ({ ...c, expression: renameInExpression(c.expression, from, to, []) })) };
}

// ---- Source ----------------------------------------------------------------------------------

/**
 * Another base entity. Joins, fields and whatever reads them belonged to the old one, so the report
 * starts again from a count of rows; its title, description and parameters stay (Undo brings the rest back).
 */
export function changeSource(report: ReportDefinition, source: string, countLabel: ReportLabel): ReportDefinition {
  if (report.source === source) return report;
  return withoutUndefined({
    kind: 'report',
    key: report.key,
    title: report.title,
    description: report.description,
    schemaVersion: report.schemaVersion,
    source,
    parameters: report.parameters,
    measures: [{ key: 'count', label: countLabel, agg: 'count' }],
  });
}

// ---- Dimensions --------------------------------------------------------------------------------

export type NewDimension = Omit<Dimension, 'key'>;

export function addDimension(report: ReportDefinition, dimension: NewDimension): ReportDefinition {
  const key = columnKeyFor(report, dimension.field, dimension.date);
  return withList(report, 'dimensions', [...(report.dimensions ?? []), { key, ...dimension }]);
}

/** Changes a dimension; properties given as undefined are removed; a new key is renamed where it is named. */
export function updateDimension(report: ReportDefinition, index: number, change: Partial<Dimension>): ReportDefinition {
  const current = report.dimensions?.[index];
  if (!current) return report;
  const updated = withoutUndefined({ ...current, ...change });
  const next = withList(report, 'dimensions', replaceAt(report.dimensions!, index, updated));
  return renameColumn(next, current.key, updated.key);
}

export function removeDimension(report: ReportDefinition, index: number): ReportDefinition {
  const current = report.dimensions?.[index];
  if (!current) return report;
  return dropColumn(withList(report, 'dimensions', removeAt(report.dimensions!, index)), current.key);
}

export function moveDimension(report: ReportDefinition, from: number, to: number): ReportDefinition {
  return report.dimensions ? withList(report, 'dimensions', moveItem(report.dimensions, from, to)) : report;
}

// ---- Measures ----------------------------------------------------------------------------------

export type NewMeasure = Omit<Measure, 'key'>;

const AGG_WORD: Record<Measure['agg'], string> = { count: 'count', countDistinct: 'distinct', sum: 'sum', avg: 'avg', min: 'min', max: 'max', ratio: 'ratio' };

export function addMeasure(report: ReportDefinition, measure: NewMeasure): ReportDefinition {
  const word = AGG_WORD[measure.agg];
  const base = measure.field === undefined ? word : `${word}_${measure.field}`;
  return withList(report, 'measures', [...(report.measures ?? []), { key: freeKey(base, columnKeys(report)), ...measure }]);
}

/**
 * Changes a measure; undefined properties are removed. A ratio reads two other measures, not a
 * field, so turning a measure into one (or back) drops what the other kind does not use.
 */
export function updateMeasure(report: ReportDefinition, index: number, change: Partial<Measure>): ReportDefinition {
  const current = report.measures?.[index];
  if (!current) return report;
  let updated: Measure = withoutUndefined({ ...current, ...change });
  if (updated.agg === 'ratio') updated = withoutUndefined({ ...updated, field: undefined, filter: undefined });
  else updated = withoutUndefined({ ...updated, numerator: undefined, denominator: undefined });
  const next = withList(report, 'measures', replaceAt(report.measures!, index, updated));
  return renameColumn(next, current.key, updated.key);
}

export function removeMeasure(report: ReportDefinition, index: number): ReportDefinition {
  const current = report.measures?.[index];
  if (!current) return report;
  return dropColumn(withList(report, 'measures', removeAt(report.measures!, index)), current.key);
}

export function moveMeasure(report: ReportDefinition, from: number, to: number): ReportDefinition {
  return report.measures ? withList(report, 'measures', moveItem(report.measures, from, to)) : report;
}

// ---- Joins -----------------------------------------------------------------------------------

/** A join following a relation, under a free alias named after it (`customer`, `loan_application`). */
export function addJoin(report: ReportDefinition, relation: RelationChoice): ReportDefinition {
  const taken = joinAliases(report);
  const from = relation.from === undefined ? {} : { from: relation.from };
  const join: ReportJoin =
    relation.kind === 'manyToOne'
      ? { alias: freeKey(relation.field, taken), kind: 'manyToOne', field: relation.field, ...from }
      : { alias: freeKey(relation.entity, taken), kind: 'oneToMany', entity: relation.entity, field: relation.field, ...from, aggregates: [{ key: 'count', agg: 'count' }] };
  return withList(report, 'joins', [...(report.joins ?? []), join]);
}

/** A join's alias renamed: in later joins' `from`, in every field path under it, and in the calculated fields' FEEL. */
export function renameJoin(report: ReportDefinition, index: number, alias: string): ReportDefinition {
  const current = report.joins?.[index];
  if (!current || current.alias === alias) return report;
  const joins = report.joins!.map((j, i) => (i === index ? { ...j, alias } : j.from === current.alias ? { ...j, from: alias } : j));
  const prefix = `${current.alias}.`;
  const moved = renamePaths({ ...report, joins }, (path) => (path.startsWith(prefix) ? `${alias}.${path.slice(prefix.length)}` : path));
  return renameInCalculated(moved, current.alias, alias);
}

/** A join removed; what read through it stays, for the check to point at. */
export function removeJoin(report: ReportDefinition, index: number): ReportDefinition {
  return report.joins ? withList(report, 'joins', removeAt(report.joins, index)) : report;
}

/** A one-to-many join's filter on its children (e.g. only active accounts), or none. */
export function setJoinFilter(report: ReportDefinition, index: number, filter: RecordFilter | undefined): ReportDefinition {
  const join = report.joins?.[index];
  if (!join || join.kind !== 'oneToMany') return report;
  return withList(report, 'joins', replaceAt(report.joins!, index, withoutUndefined({ ...join, filter })));
}

export function addAggregate(report: ReportDefinition, index: number, agg: ChildAggregate, field?: string): ReportDefinition {
  const join = report.joins?.[index];
  if (!join || join.kind !== 'oneToMany') return report;
  const key = freeKey(field === undefined ? agg : `${agg}_${field}`, join.aggregates.map((a) => a.key));
  const aggregates = [...join.aggregates, withoutUndefined({ key, agg, field })];
  return withList(report, 'joins', replaceAt(report.joins!, index, { ...join, aggregates }));
}

/** Changes a child aggregate; a new key is renamed in the field paths that read it (`loans.total`). */
export function updateAggregate(report: ReportDefinition, index: number, aggregate: number, change: Partial<{ key: string; agg: ChildAggregate; field: string }>): ReportDefinition {
  const join = report.joins?.[index];
  const current = join?.kind === 'oneToMany' ? join.aggregates[aggregate] : undefined;
  if (!join || join.kind !== 'oneToMany' || !current) return report;
  const updated = withoutUndefined({ ...current, ...change });
  const next = withList(report, 'joins', replaceAt(report.joins!, index, { ...join, aggregates: replaceAt(join.aggregates, aggregate, updated) }));
  if (updated.key === current.key) return next;
  const from = `${join.alias}.${current.key}`;
  return renamePaths(next, (path) => (path === from ? `${join.alias}.${updated.key}` : path));
}

/** A child aggregate removed; a join keeps at least one. */
export function removeAggregate(report: ReportDefinition, index: number, aggregate: number): ReportDefinition {
  const join = report.joins?.[index];
  if (!join || join.kind !== 'oneToMany' || join.aggregates.length <= 1) return report;
  return withList(report, 'joins', replaceAt(report.joins!, index, { ...join, aggregates: removeAt(join.aggregates, aggregate) }));
}

// ---- Calculated fields ---------------------------------------------------------------------------

export function addCalculated(report: ReportDefinition, field: Omit<CalculatedField, 'key'> & { key?: string }, sourceFieldKeys: readonly string[]): ReportDefinition {
  const key = freeKey(field.key ?? 'calculated', calculatedKeys(report, sourceFieldKeys));
  return withList(report, 'calculated', [...(report.calculated ?? []), withoutUndefined({ ...field, key })]);
}

/** Changes a calculated field; a new key is renamed where fields and the other calculated fields read it. */
export function updateCalculated(report: ReportDefinition, index: number, change: Partial<CalculatedField>): ReportDefinition {
  const current = report.calculated?.[index];
  if (!current) return report;
  const updated = withoutUndefined({ ...current, ...change });
  const next = withList(report, 'calculated', replaceAt(report.calculated!, index, updated));
  if (updated.key === current.key) return next;
  return renameInCalculated(
    renamePaths(next, (path) => (path === current.key ? updated.key : path)),
    current.key,
    updated.key,
  );
}

export function removeCalculated(report: ReportDefinition, index: number): ReportDefinition {
  return report.calculated ? withList(report, 'calculated', removeAt(report.calculated, index)) : report;
}

// ---- Parameters --------------------------------------------------------------------------------

export function addParameter(report: ReportDefinition, parameter: Omit<ReportParameter, 'key'> & { key?: string }): ReportDefinition {
  const key = freeKey(parameter.key ?? parameter.type, parameterKeys(report));
  return withList(report, 'parameters', [...(report.parameters ?? []), withoutUndefined({ ...parameter, key })]);
}

const isParameterOf = (value: unknown, key: string): boolean => typeof value === 'object' && value !== null && (value as { param?: unknown }).param === key;

/**
 * Changes a parameter; undefined properties are removed. Another type drops the default, bounds
 * and options the old one had; a new key is renamed in the filters that read it.
 */
export function updateParameter(report: ReportDefinition, index: number, change: Partial<ReportParameter>): ReportDefinition {
  const current = report.parameters?.[index];
  if (!current) return report;
  let updated = withoutUndefined({ ...current, ...change });
  if (change.type !== undefined && change.type !== current.type) {
    updated = withoutUndefined({ ...updated, default: undefined, min: undefined, max: undefined, options: change.type === 'select' ? (current.options ?? []) : undefined });
  }
  const next = withList(report, 'parameters', replaceAt(report.parameters!, index, updated));
  if (updated.key === current.key) return next;
  const condition = (c: FilterCondition): FilterCondition => (isParameterOf(c.value, current.key) ? { ...c, value: { param: updated.key } } : c);
  const filter = (f: RecordFilter | undefined) => (f === undefined ? undefined : mapConditions(f, condition));
  return withoutUndefined({
    ...next,
    filter: filter(next.filter),
    measures: next.measures?.map((m) => withoutUndefined({ ...m, filter: filter(m.filter) })),
    joins: next.joins?.map((j) => (j.kind === 'oneToMany' ? withoutUndefined({ ...j, filter: filter(j.filter) }) : j)),
  });
}

export function removeParameter(report: ReportDefinition, index: number): ReportDefinition {
  return report.parameters ? withList(report, 'parameters', removeAt(report.parameters, index)) : report;
}

// ---- Filter, sort, limit -----------------------------------------------------------------------

export function setFilter(report: ReportDefinition, filter: RecordFilter | undefined): ReportDefinition {
  return filter === undefined ? without(report, 'filter') : { ...report, filter };
}

export function addSort(report: ReportDefinition, sort: SortKey): ReportDefinition {
  return withList(report, 'sort', [...(report.sort ?? []), sort]);
}

export function updateSort(report: ReportDefinition, index: number, sort: SortKey): ReportDefinition {
  return report.sort ? withList(report, 'sort', replaceAt(report.sort, index, sort)) : report;
}

export function removeSort(report: ReportDefinition, index: number): ReportDefinition {
  return report.sort ? withList(report, 'sort', removeAt(report.sort, index)) : report;
}

export function moveSort(report: ReportDefinition, from: number, to: number): ReportDefinition {
  return report.sort ? withList(report, 'sort', moveItem(report.sort, from, to)) : report;
}

export function setLimit(report: ReportDefinition, limit: number | undefined): ReportDefinition {
  return limit === undefined ? without(report, 'limit') : { ...report, limit };
}

// ---- Chart and pivot ---------------------------------------------------------------------------

/** The chart's settings; undefined ones are removed (a table with nothing else set is the default, no chart). */
export function updateChart(report: ReportDefinition, change: Partial<ChartSpec>): ReportDefinition {
  const chart = withoutUndefined({ type: 'table' as const, ...report.chart, ...change });
  return { ...report, chart };
}

export function setPivot(report: ReportDefinition, pivot: PivotSpec | undefined): ReportDefinition {
  return pivot === undefined ? without(report, 'pivot') : { ...report, pivot };
}

// ---- Drill-down --------------------------------------------------------------------------------

/**
 * Starts a drill-down path of two levels, the first two dimensions (from branch to RM): a
 * drill-down is two levels or more.
 */
export function startDrillDown(report: ReportDefinition): ReportDefinition {
  const [first, second] = report.dimensions ?? [];
  if (!first || !second || report.drillDown) return report;
  return { ...report, drillDown: { levels: [{ dimensions: [first.key] }, { dimensions: [second.key] }] } };
}

export function addDrillLevel(report: ReportDefinition, dimension: string): ReportDefinition {
  if (!report.drillDown) return report;
  return { ...report, drillDown: { levels: [...report.drillDown.levels, { dimensions: [dimension] }] } };
}

/** Changes a level; a level keeps at least one dimension. */
export function updateDrillLevel(report: ReportDefinition, index: number, level: DrillLevel): ReportDefinition {
  if (!report.drillDown || level.dimensions.length === 0) return report;
  return { ...report, drillDown: { levels: replaceAt(report.drillDown.levels, index, withoutUndefined(level)) } };
}

/** A level removed; with one level left there is no drill-down. */
export function removeDrillLevel(report: ReportDefinition, index: number): ReportDefinition {
  if (!report.drillDown) return report;
  const levels = removeAt(report.drillDown.levels, index);
  return levels.length < 2 ? without(report, 'drillDown') : { ...report, drillDown: { levels } };
}

export function moveDrillLevel(report: ReportDefinition, from: number, to: number): ReportDefinition {
  return report.drillDown ? { ...report, drillDown: { levels: moveItem(report.drillDown.levels, from, to) } } : report;
}

export function removeDrillDown(report: ReportDefinition): ReportDefinition {
  return without(report, 'drillDown');
}
