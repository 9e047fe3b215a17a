import type { CalendarUnit, LocalizedText, RecordFilter } from '@bankforge/data-model';

/**
 * The `report` artifact: what an analyst draws in the report designer. Field paths name a field of
 * the source entity (`amount`, `amount.currency`, a system column such as `created_at`), a field of
 * a join (`branch.city`), an aggregate of a one-to-many join (`loans.total`), or a calculated field.
 */

export type SortDirection = 'asc' | 'desc';

/**
 * A name people read (a column header, a parameter's caption): one text both languages show (what
 * reports written before Chinese labels carry), or its English and its Chinese.
 */
export type ReportLabel = string | LocalizedText;

export interface ManyToOneJoin {
  /** The name field paths use: `branch.city`. */
  alias: string;
  kind: 'manyToOne';
  /** The reference field followed; on the source entity, or on an earlier join named by `from`. */
  field: string;
  from?: string;
}

export type ChildAggregate = 'count' | 'sum' | 'avg' | 'min' | 'max';

/** One-to-many joins yield per-parent aggregates of the children, so parents are never counted twice. */
export interface OneToManyJoin {
  alias: string;
  kind: 'oneToMany';
  /** The child entity and its reference field pointing at the parent. */
  entity: string;
  field: string;
  from?: string;
  filter?: RecordFilter;
  aggregates: { key: string; agg: ChildAggregate; field?: string }[];
}

export type ReportJoin = ManyToOneJoin | OneToManyJoin;

export type CalculatedType = 'number' | 'text' | 'boolean';

export interface CalculatedField {
  key: string;
  label?: ReportLabel;
  /** FEEL; only what compiles to SQL: arithmetic, comparisons, and/or, if-then-else, string concatenation. */
  expression: string;
}

export interface Dimension {
  key: string;
  label?: ReportLabel;
  field: string;
  /** A date bucket of a date or datetime field (UTC): `2024-03-04` (day, week by its Monday), `2024-03`, `2024-Q1`, `2024`. */
  date?: CalendarUnit;
  /** Numeric bins: each value becomes the lower bound `origin + k * width` of its bin. */
  bin?: { width: number; origin?: number };
  /** The top N values by a measure; every other value becomes `othersLabel`. */
  top?: { n: number; by: string; direction?: SortDirection; othersLabel?: string };
}

export type MeasureAggregate = 'count' | 'countDistinct' | 'sum' | 'avg' | 'min' | 'max' | 'ratio';

export interface Measure {
  key: string;
  label?: ReportLabel;
  agg: MeasureAggregate;
  /** Required except for count (rows) and ratio. */
  field?: string;
  /** Only rows matching it are aggregated (e.g. approved applications). */
  filter?: RecordFilter;
  /** ratio: numerator / denominator, both keys of other measures. */
  numerator?: string;
  denominator?: string;
}

export type ParameterType = 'text' | 'number' | 'integer' | 'boolean' | 'date' | 'datetime' | 'select';

export interface ReportParameter {
  key: string;
  label?: ReportLabel;
  type: ParameterType;
  required?: boolean;
  /** A list of values of the type (for `in`/`nin`/`between`). */
  multiple?: boolean;
  default?: unknown;
  options?: string[];
  min?: number | string;
  max?: number | string;
}

export interface SortKey {
  /** A dimension or measure key. */
  by: string;
  direction?: SortDirection;
}

export interface PivotSpec {
  rows: string[];
  columns: string[];
  values: string[];
}

export interface DrillLevel {
  /** Dimension keys grouped at this level; a selection fixes their values for the next level. */
  dimensions: string[];
  label?: ReportLabel;
}

export const CHART_TYPES = [
  'table',
  'pivot',
  'kpi',
  'bar',
  'stackedBar',
  'line',
  'area',
  'pie',
  'funnel',
] as const;
export type ChartType = (typeof CHART_TYPES)[number];

export interface ChartSpec {
  type: ChartType;
  /** The category axis (bar, line, area) or the slice names (pie, funnel). */
  x?: string;
  /** A second dimension whose values become series (stackedBar, or several lines). */
  series?: string;
  /** Measures plotted; the first only for pie, funnel and kpi. */
  y?: string[];
  horizontal?: boolean;
}

export interface ReportDefinition {
  kind: 'report';
  key: string;
  title: string;
  version?: number;
  schemaVersion?: number;
  description?: string;
  /** The entity whose rows the report reads. */
  source: string;
  joins?: ReportJoin[];
  calculated?: CalculatedField[];
  parameters?: ReportParameter[];
  filter?: RecordFilter;
  dimensions?: Dimension[];
  /** No measures: a list report, one output row per source row. */
  measures?: Measure[];
  sort?: SortKey[];
  limit?: number;
  pivot?: PivotSpec;
  drillDown?: { levels: DrillLevel[] };
  chart?: ChartSpec;
}

/** One problem in a report (or its run request), addressed by a JSON Pointer. */
export interface ReportIssue {
  path: string;
  code: string;
  message: string;
}
