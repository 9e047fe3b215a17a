import {
  ident,
  type LocalizedText,
  joinSql,
  raw,
  sql,
  type SqlDialect,
  type SqlFragment,
  type ValueType,
} from '@bankforge/data-model';
import type { Dimension, Measure, SortKey } from '../artifact/report-definition.js';
import { normalizeValue, resultTypeOf } from '../result/normalize.js';
import { ratioSql } from './measure-sql.js';
import { othersBucket } from '../result/column-labels.js';
import type { ReportRow, ResultColumn } from '../result/result-types.js';

/** A dimension made SQL: the grouped value before top-N folding (what drill selections compare with). */
export interface BoundDimension {
  definition: Dimension;
  index: number;
  /** Its header in both languages (its label, or what its field is called). */
  label: LocalizedText;
  value: SqlFragment;
  type: ValueType;
  /** A source column with an index of its own (a reference, an indexed field, the owner): see `groupedSelectHint`. */
  indexed?: boolean;
}

export interface BoundMeasure {
  definition: Measure;
  index: number;
  label: LocalizedText;
  sql: SqlFragment;
  type: ValueType;
}

export interface SelectParts {
  dialect: SqlDialect;
  shown: readonly BoundDimension[];
  /** In report order. */
  measures: readonly BoundMeasure[];
  from: SqlFragment;
  where: SqlFragment;
  sort: readonly SortKey[];
  /** Row caps (the report's and the caller's); the smallest valid one applies. */
  limits: readonly number[];
}

/**
 * The one SELECT: dimensions as d0.., measures as m0.., grouped and ordered by ordinals. A top-N
 * dimension is a LEFT JOIN to its ranked, limited values (MariaDB refuses LIMIT inside IN (...)),
 * folding the others into one label.
 */
export function assembleSelect({
  dialect,
  shown,
  measures,
  from,
  where,
  sort,
  limits,
}: SelectParts): SqlFragment {
  const q = (name: string): SqlFragment => raw(dialect.quote(name));
  const ranked = rankedTopSelect({ dialect, shown, measures, from, where });
  if (ranked) return finishSelect(dialect, ranked, shown, measures, sort, limits);
  const topJoins: SqlFragment[] = [];
  const selects: SqlFragment[] = shown.map((d, i) => {
    const top = d.definition.top;
    if (!top) return sql`${d.value} AS ${q(`d${i}`)}`;
    const by = measures.find((m) => m.definition.key === top.by)!;
    const alias = `t${i}`;
    const direction = raw(top.direction === 'asc' ? 'ASC' : 'DESC');
    topJoins.push(
      sql`LEFT JOIN (SELECT ${raw(d.indexed ? dialect.groupedSelectHint : '')}${d.value} AS ${q('k')}, 1 AS ${q('hit')} FROM ${from} WHERE ${where} GROUP BY 1 ORDER BY ${by.sql} ${direction}, 1 LIMIT ${raw(String(top.n))}) ${q(alias)} ON ${dialect.nullSafeEquals(d.value, ident(dialect, alias, 'k'))}`,
    );
    return sql`CASE WHEN ${ident(dialect, alias, 'hit')} = 1 THEN ${d.value} ELSE ${othersBucket(top).value} END AS ${q(`d${i}`)}`;
  });
  measures.forEach((m, j) => selects.push(sql`${m.sql} AS ${q(`m${j}`)}`));
  const topSql = topJoins.length > 0 ? sql` ${joinSql(topJoins, ' ')}` : raw('');
  // Only where MariaDB could walk a grouped column's index: over a bucket or an unindexed field its
  // grouping in a temporary table beats the sort the hint asks for.
  const hint = raw(measures.length > 0 && shown.some((d) => d.indexed) ? dialect.groupedSelectHint : '');
  return finishSelect(dialect, sql`SELECT ${hint}${joinSql(selects, ', ')} FROM ${from}${topSql} WHERE ${where}`, shown, measures, sort, limits);
}

/** Aggregates whose per-group values add up again to the total (a distinct count or an average does not). */
const REAGGREGATE: Partial<Record<Measure['agg'], string>> = { count: 'SUM', sum: 'SUM', min: 'MIN', max: 'MAX' };

/**
 * A report of one top-N dimension read in one pass instead of two: each value grouped once and
 * ranked by a window function, then the values past N folded into "others" by adding their groups
 * up again (over a million loans, the second reading of the range was half the widget's time).
 * Undefined when a measure cannot be added up again (distinct counts, averages).
 */
function rankedTopSelect({ dialect, shown, measures, from, where }: Pick<SelectParts, 'dialect' | 'shown' | 'measures' | 'from' | 'where'>): SqlFragment | undefined {
  const [d] = shown;
  const top = d?.definition.top;
  if (!d || !top || shown.length !== 1) return undefined;
  if (!measures.every((m) => m.definition.agg === 'ratio' || REAGGREGATE[m.definition.agg])) return undefined;
  const q = (name: string): SqlFragment => raw(dialect.quote(name));
  const by = measures.find((m) => m.definition.key === top.by)!;
  const direction = raw(top.direction === 'asc' ? 'ASC' : 'DESC');
  const inner: SqlFragment[] = [sql`${d.value} AS ${q('d0')}`];
  measures.forEach((m, j) => {
    if (m.definition.agg !== 'ratio') inner.push(sql`${m.sql} AS ${q(`m${j}`)}`);
  });
  inner.push(sql`ROW_NUMBER() OVER (ORDER BY ${by.sql} ${direction}, ${d.value} ASC) AS ${q('rnk')}`);
  const hint = raw(d.indexed ? dialect.groupedSelectHint : '');
  const column = (j: number): SqlFragment => ident(dialect, 'g', `m${j}`);
  const outer = (m: BoundMeasure, j: number): SqlFragment => sql`${raw(REAGGREGATE[m.definition.agg]!)}(${column(j)})`;
  const again = (key: string | undefined): SqlFragment => {
    const j = measures.findIndex((m) => m.definition.key === key);
    return outer(measures[j]!, j);
  };
  const selects: SqlFragment[] = [
    sql`CASE WHEN ${ident(dialect, 'g', 'rnk')} <= ${raw(String(top.n))} THEN ${ident(dialect, 'g', 'd0')} ELSE ${othersBucket(top).value} END AS ${q('d0')}`,
    ...measures.map((m, j) =>
      m.definition.agg === 'ratio'
        ? sql`${ratioSql(again(m.definition.numerator), again(m.definition.denominator))} AS ${q(`m${j}`)}`
        : sql`${outer(m, j)} AS ${q(`m${j}`)}`,
    ),
  ];
  return sql`SELECT ${joinSql(selects, ', ')} FROM (SELECT ${hint}${joinSql(inner, ', ')} FROM ${from} WHERE ${where} GROUP BY 1) ${q('g')}`;
}

/** Groups, orders and caps the SELECT of dimensions and measures (`d0.., m0..`) by ordinals. */
function finishSelect(
  dialect: SqlDialect,
  selected: SqlFragment,
  shown: readonly BoundDimension[],
  measures: readonly BoundMeasure[],
  sort: readonly SortKey[],
  limits: readonly number[],
): SqlFragment {
  const q = (name: string): SqlFragment => raw(dialect.quote(name));
  const ordinals = (count: number): string =>
    Array.from({ length: count }, (_, i) => String(i + 1)).join(', ');
  const groupBy =
    measures.length > 0 && shown.length > 0 ? raw(` GROUP BY ${ordinals(shown.length)}`) : raw('');
  const order: string[] = [];
  for (const s of sort) {
    const dim = shown.findIndex((d) => d.definition.key === s.by);
    const measure = measures.findIndex((m) => m.definition.key === s.by);
    const ordinal = dim >= 0 ? dim + 1 : measure >= 0 ? shown.length + measure + 1 : undefined;
    if (ordinal !== undefined && !order.some((o) => o.startsWith(`${ordinal} `)))
      order.push(`${ordinal} ${s.direction === 'desc' ? 'DESC' : 'ASC'}`);
  }
  // Ties are broken by the remaining dimensions (in a list, by the row id alone, which keeps the
  // database's primary-key order usable): the order is deterministic.
  const listMode = measures.length === 0;
  if (listMode) order.push(`${dialect.quote('src')}.${dialect.quote('id')}`);
  else
    shown.forEach((_, i) => {
      if (!order.some((o) => o.startsWith(`${i + 1} `))) order.push(`${i + 1} ASC`);
    });
  const orderSql = order.length > 0 ? raw(` ORDER BY ${order.join(', ')}`) : raw('');
  const valid = limits.filter((n) => Number.isSafeInteger(n) && n > 0);
  // A validated integer, so it is written inline: MySQL's prepared LIMIT ? refuses a double.
  const limit = valid.length > 0 ? raw(` LIMIT ${Math.min(...valid)}`) : raw('');
  const select = sql`${selected}${groupBy}`;
  // Totals without dimensions are one row: no limit applies.
  if (!listMode && shown.length === 0) return select;
  // A LIMIT on an aggregate makes MariaDB expect to stop early and read the rows through an index
  // on the filter (a 12-month range: 2.0 s against 0.6 s for a scan). Groups are counted out of a
  // derived table instead, where the grouping query never sees the limit; ordinals name its columns.
  if (!listMode && valid.length > 0) return sql`SELECT * FROM (${select}) ${q('grouped')}${orderSql}${limit}`;
  return sql`${select}${orderSql}${limit}`;
}

/** The result's columns and how a database row (d0.., m0..) becomes a result row. */
export function resultShape(
  shown: readonly BoundDimension[],
  measures: readonly BoundMeasure[],
): { columns: ResultColumn[]; toRow(row: Readonly<Record<string, unknown>>): ReportRow } {
  const column = (
    { definition, label, type }: BoundDimension | BoundMeasure,
    role: ResultColumn['role'],
  ): ResultColumn => ({
    key: definition.key,
    label: label.en,
    labelZh: label['zh-CN'],
    role,
    type: resultTypeOf(type),
  });
  const columns = [
    ...shown.map((d) => column(d, 'dimension')),
    ...measures.map((m) => column(m, 'measure')),
  ];
  const readers = [
    ...shown.map((d, i) => {
      const others = d.definition.top ? othersBucket(d.definition.top).value : undefined;
      return (row: Readonly<Record<string, unknown>>) => {
        const value = row[`d${i}`];
        return others !== undefined && value === others ? others : normalizeValue(d.type, value);
      };
    }),
    ...measures.map(
      (m, j) => (row: Readonly<Record<string, unknown>>) => normalizeValue(m.type, row[`m${j}`]),
    ),
  ];
  return {
    columns,
    toRow(row) {
      const out: ReportRow = {};
      columns.forEach((c, i) => (out[c.key] = readers[i]!(row)));
      return out;
    },
  };
}
