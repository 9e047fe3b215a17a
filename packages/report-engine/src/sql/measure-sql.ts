import { isNumeric, isTemporal, raw, sql, type SqlFragment, type ValueType } from '@bankforge/data-model';
import type { Measure } from '../artifact/report-definition.js';
import type { ResolvedValue } from '../model/resolved-value.js';

/** The type of a measure's value, or undefined when its aggregate does not apply to the input. */
export function measureType(agg: Measure['agg'], input: ValueType | undefined): ValueType | undefined {
  switch (agg) {
    case 'count':
    case 'countDistinct':
      return input === 'json' ? undefined : 'integer';
    case 'sum':
      return input !== undefined && isNumeric(input) ? input : undefined;
    case 'avg':
    case 'ratio':
      return input === undefined || isNumeric(input) ? 'decimal' : undefined;
    case 'min':
    case 'max':
      return input !== undefined && (isNumeric(input) || isTemporal(input)) ? input : undefined;
  }
}

/** An aggregate over the rows; a measure filter becomes CASE WHEN inside it (conditional aggregation). */
export function aggregateSql(
  agg: Exclude<Measure['agg'], 'ratio'>,
  input: ResolvedValue | undefined,
  condition: SqlFragment | undefined,
): SqlFragment {
  const value = input?.sql;
  const only = (v: SqlFragment): SqlFragment => (condition ? sql`CASE WHEN ${condition} THEN ${v} END` : v);
  switch (agg) {
    case 'count':
      if (value) return sql`COUNT(${only(value)})`;
      return condition ? sql`COUNT(${only(raw('1'))})` : raw('COUNT(*)');
    case 'countDistinct':
      return sql`COUNT(DISTINCT ${only(value ?? raw('1'))})`;
    default:
      return sql`${raw(agg.toUpperCase())}(${only(value ?? raw('NULL'))})`;
  }
}

/** numerator / denominator as a double on both databases; null when the denominator is 0. */
export function ratioSql(numerator: SqlFragment, denominator: SqlFragment): SqlFragment {
  return sql`((${numerator}) * 1e0 / NULLIF(${denominator}, 0))`;
}
