import {
  andSql,
  dialectOf,
  FilterCompiler,
  isNumeric,
  isTemporal,
  sql,
  SYSTEM_INDEXES,
  TRUE_SQL,
  type CalendarUnit,
  type DialectName,
  type RecordFilter,
  type SqlDialect,
  type SqlFragment,
  type SqlValue,
  type ValueType,
} from '@bankforge/data-model';
import type { ReportDefinition, ReportIssue } from '../artifact/report-definition.js';
import type { EntityCatalog } from '../model/entity-catalog.js';
import { ReportScope, type RowScope } from '../model/report-scope.js';
import type { FieldRead } from '../model/resolved-value.js';
import { parameterValueOf, resolveParameters } from '../parameters/parameter-values.js';
import type { ReportRow, ResultColumn } from '../result/result-types.js';
import { dimensionLabel, measureLabel } from '../result/column-labels.js';
import { aggregateSql, measureType, ratioSql } from './measure-sql.js';
import { assembleSelect, resultShape, type BoundDimension, type BoundMeasure } from './assemble-select.js';

/** An extra predicate from the caller (the server's data scope): a report filter, or SQL over `src`. */
export type ScopePredicate = { filter: RecordFilter } | SqlFragment;

/** The values a drill-down selection fixed, one object per level above the one shown. */
export type DrillSelection = readonly Record<string, unknown>[];

export interface CompileOptions {
  dialect: DialectName;
  /** The clock for relative dates. */
  now: Date;
  /** The values the user filled in, checked against the report's parameters. */
  parameters?: unknown;
  drill?: DrillSelection;
  /**
   * Conditions the runner adds to the report's filter (a dashboard's shared filters and
   * cross-filters). Their values are the runner's choice, so their fields are chosen sources.
   */
  filters?: RecordFilter;
  scope?: readonly ScopePredicate[];
  /** The caller's row scope per table: applied to the source and inside every join. */
  rowScope?: RowScope;
  /** Caps the rows asked for (a server's row limit + 1, to tell when it is exceeded). */
  maxRows?: number;
}

export interface CompiledReport {
  sql: string;
  params: SqlValue[];
  columns: ResultColumn[];
  /** The drill-down level shown (0 without drill-down). */
  level: number;
  /**
   * The stored fields behind each column (through joins, child aggregates, calculated fields and
   * measure filters): what a caller's field rules decide on, e.g. refusing a report that groups by
   * a hidden field.
   */
  columnSources: Readonly<Record<string, readonly FieldRead[]>>;
  /**
   * The stored fields the rows are chosen by: the report's filter and the drill-down selection's
   * dimensions. Result counts tell about them, so a caller's field rules decide on them too.
   */
  filterSources: readonly FieldRead[];
  /**
   * Of those, the fields compared with values the runner chooses (parameters, the drill-down
   * selection): the runner can probe their values through the counts, so a mask cannot hold there.
   */
  chosenSources: readonly FieldRead[];
  /** A database row (aliases d0.., m0..) as a result row keyed by dimension and measure keys. */
  toRow(raw: Readonly<Record<string, unknown>>): ReportRow;
}

/** A report that cannot run as given: every problem, with JSON Pointers and stable codes. */
export class ReportCompileError extends Error {
  constructor(readonly issues: readonly ReportIssue[]) {
    super(`The report is not valid: ${issues.map((i) => `${i.path} ${i.code}: ${i.message}`).join('; ')}`);
    this.name = 'ReportCompileError';
  }
}

const BIN_TYPE: ValueType = 'decimal';
const BUCKET_TYPE: ValueType = 'text';

function mergeReads(...lists: readonly (readonly FieldRead[])[]): FieldRead[] {
  const merged = new Map<string, FieldRead>();
  for (const read of lists.flat()) merged.set(`${read.entity}.${read.field}`, read);
  return [...merged.values()];
}

class ReportCompiler {
  readonly issues: ReportIssue[] = [];
  private readonly dialect: SqlDialect;
  private scope: ReportScope | undefined;
  private filters!: FilterCompiler;
  private readonly dimensions = new Map<string, BoundDimension>();
  private readonly measures = new Map<string, BoundMeasure>();
  /** The stored fields each dimension and measure reads. */
  private readonly sources = new Map<string, FieldRead[]>();
  private filterSources: FieldRead[] = [];
  private chosenSources: FieldRead[] = [];

  constructor(
    private readonly report: ReportDefinition,
    private readonly catalog: EntityCatalog,
    private readonly options: CompileOptions,
    private readonly validating: boolean,
  ) {
    this.dialect = dialectOf(options.dialect);
  }

  private issue = (path: string, code: string, message: string): void => {
    this.issues.push({ path, code, message });
  };

  compile(): CompiledReport | undefined {
    const { values, issues } = resolveParameters(
      this.report.parameters,
      this.validating ? {} : this.options.parameters,
    );
    this.issues.push(...issues.filter((i) => !(this.validating && i.code === 'required')));
    const ctx = {
      dialect: this.dialect,
      now: this.options.now,
      parameterValue: parameterValueOf(this.report.parameters, values, this.issue),
      issue: this.issue,
    };
    this.scope = ReportScope.build(this.report, this.catalog, ctx, this.options.rowScope);
    if (!this.scope) return undefined;
    const scope = this.scope;
    const chosen: FieldRead[] = [];
    this.filters = new FilterCompiler({
      ...ctx,
      resolve: (p, issuePath) => scope.resolve(p, issuePath),
      resolveChosen: (p, issuePath) => {
        const { value, reads } = scope.traced(() => scope.resolve(p, issuePath));
        chosen.push(...reads);
        return value;
      },
    });
    this.bindMeasures();
    this.bindDimensions();
    const level = this.drillLevel();
    const shown = this.shownDimensions(level);
    const filtered = scope.traced(() => (this.report.filter ? this.filters.compile(this.report.filter, '/filter') : TRUE_SQL));
    const added = scope.traced(() =>
      this.options.filters ? this.filters.compile(this.options.filters, '/filters') : TRUE_SQL,
    );
    const drilled = (this.report.drillDown?.levels ?? []).slice(0, level).flatMap((l) => l.dimensions);
    const drilledReads = drilled.map((key) => this.sources.get(key) ?? []);
    const joined = scope.joinFilterSources();
    this.filterSources = mergeReads(filtered.reads, added.reads, joined.reads, ...drilledReads);
    this.chosenSources = mergeReads(chosen, added.reads, joined.chosen, ...drilledReads);
    const where = andSql([
      scope.liveRows(),
      filtered.value,
      added.value,
      ...this.drillPredicates(level),
      ...(this.options.scope ?? []).map((p, i) =>
        'filter' in p ? this.filters.compile(p.filter, `/scope/${i}`) : p,
      ),
    ]);
    this.checkPresentation();
    if (this.issues.length > 0) return undefined;
    return this.build(shown, where, level);
  }

  private bindMeasures(): void {
    const measures = this.report.measures ?? [];
    measures.forEach((m, index) => {
      const path = `/measures/${index}`;
      if (this.measures.has(m.key))
        return this.issue(`${path}/key`, 'duplicateKey', `Another measure is called ${m.key}`);
      if (m.agg === 'ratio') return;
      const scope = this.scope!;
      const { value: input, reads } = scope.traced(() =>
        m.field === undefined ? undefined : scope.resolve(m.field, `${path}/field`),
      );
      if (m.field !== undefined && !input) return;
      if (m.field === undefined && m.agg !== 'count')
        return this.issue(`${path}/field`, 'required', `${m.agg} needs a field`);
      const type = measureType(m.agg, input?.type);
      if (type === undefined)
        return this.issue(
          `${path}/field`,
          'notNumeric',
          `${m.agg} does not apply to ${m.field} (${input?.type})`,
        );
      // A filtered count tells about the filter's fields too: their field rules apply to the measure.
      const filtered = scope.traced(() =>
        m.filter ? this.filters.compile(m.filter, `${path}/filter`) : undefined,
      );
      const condition = filtered.value;
      this.sources.set(m.key, mergeReads(reads, filtered.reads));
      const label = measureLabel(m, m.field === undefined ? undefined : scope.labelOf(m.field));
      this.measures.set(m.key, { definition: m, index, label, sql: aggregateSql(m.agg, input, condition), type });
    });
    measures.forEach((m, index) => {
      if (m.agg !== 'ratio') return;
      const path = `/measures/${index}`;
      const part = (key: string | undefined, name: 'numerator' | 'denominator'): BoundMeasure | undefined => {
        const found = key === undefined ? undefined : this.measures.get(key);
        if (!found || found.definition.agg === 'ratio')
          this.issue(
            `${path}/${name}`,
            'unknownMeasure',
            `${name} must name a non-ratio measure of this report`,
          );
        return found;
      };
      const numerator = part(m.numerator, 'numerator');
      const denominator = part(m.denominator, 'denominator');
      if (numerator && denominator)
        this.sources.set(
          m.key,
          mergeReads(
            this.sources.get(numerator.definition.key) ?? [],
            this.sources.get(denominator.definition.key) ?? [],
          ),
        );
      if (numerator && denominator)
        this.measures.set(m.key, {
          definition: m,
          index,
          label: measureLabel(m, undefined),
          sql: ratioSql(numerator.sql, denominator.sql),
          type: 'decimal',
        });
    });
  }

  private bindDimensions(): void {
    (this.report.dimensions ?? []).forEach((d, index) => {
      const path = `/dimensions/${index}`;
      if (this.dimensions.has(d.key) || this.measures.has(d.key))
        return this.issue(`${path}/key`, 'duplicateKey', `Another dimension or measure is called ${d.key}`);
      const scope = this.scope!;
      const { value: input, reads } = scope.traced(() => scope.resolve(d.field, `${path}/field`));
      if (!input) return;
      this.sources.set(d.key, reads);
      const label = dimensionLabel(d, scope.labelOf(d.field));
      if (d.date !== undefined && d.bin !== undefined)
        return this.issue(
          path,
          'conflictingDimension',
          'A dimension is a date bucket or a numeric bin, not both',
        );
      if (d.date !== undefined) {
        if (!isTemporal(input.type))
          return this.issue(`${path}/date`, 'notDate', `${d.field} is not a date or datetime field`);
        this.dimensions.set(d.key, {
          definition: d,
          index,
          label,
          value: this.dialect.dateBucket(input.sql, d.date as CalendarUnit),
          type: BUCKET_TYPE,
        });
      } else if (d.bin !== undefined) {
        if (!isNumeric(input.type))
          return this.issue(`${path}/bin`, 'notNumeric', `${d.field} is not a numeric field`);
        const origin = d.bin.origin ?? 0;
        const value = sql`(FLOOR((${input.sql} - ${origin}) / ${d.bin.width}) * ${d.bin.width} + ${origin})`;
        this.dimensions.set(d.key, { definition: d, index, label, value, type: BIN_TYPE });
      } else {
        if (input.type === 'json' || input.type === 'multi')
          return this.issue(`${path}/field`, 'notGroupable', `${d.field} holds JSON and cannot be grouped`);
        this.dimensions.set(d.key, { definition: d, index, label, value: input.sql, type: input.type, indexed: this.indexedColumn(reads) });
      }
      if (d.top) {
        if (!Number.isSafeInteger(d.top.n) || d.top.n < 1)
          this.issue(`${path}/top/n`, 'minimum', 'n is a positive integer');
        if ((this.report.measures ?? []).length === 0)
          this.issue(
            `${path}/top`,
            'topInListReport',
            'Top N needs a measure to rank by; this report has none',
          );
        else if (!this.measures.has(d.top.by))
          this.issue(`${path}/top/by`, 'unknownMeasure', `${d.top.by} is not a measure of this report`);
      }
    });
  }

  /**
   * Whether one of the source entity's composite indexes holds every column the report reads (no
   * join): the database then reads the index alone.
   */
  private coveredByEntityIndex(): boolean {
    const indexes = this.catalog.get(this.report.source)?.indexes ?? [];
    if (indexes.length === 0) return false;
    const reads = mergeReads(...this.sources.values(), this.filterSources);
    if (reads.some((r) => r.entity !== this.report.source)) return false;
    return indexes.some((index) => reads.every((r) => index.fields.includes(r.field)));
  }

  /** Whether a dimension's value is a source column with its own index (one read, no join). */
  private indexedColumn(reads: readonly FieldRead[]): boolean {
    const [read] = reads;
    if (reads.length !== 1 || read!.entity !== this.report.source) return false;
    if ((SYSTEM_INDEXES as readonly string[]).includes(read!.field)) return true;
    const field = this.catalog.get(read!.entity)?.fields.find((f) => f.key === read!.field);
    return field !== undefined && (field.type === 'reference' || field.indexed === true || field.unique === true);
  }

  private drillLevel(): number {
    const drill = this.options.drill ?? [];
    const levels = this.report.drillDown?.levels ?? [];
    levels.forEach((l, i) =>
      l.dimensions.forEach((key, j) => {
        const found = this.dimensions.get(key);
        if (!this.declaredDimension(key))
          this.issue(
            `/drillDown/levels/${i}/dimensions/${j}`,
            'unknownDimension',
            `${key} is not a dimension of this report`,
          );
        if (found?.definition.top)
          this.issue(
            `/drillDown/levels/${i}/dimensions/${j}`,
            'topNotDrillable',
            `${key} folds values into "others", which cannot be drilled into`,
          );
      }),
    );
    if (drill.length === 0) return 0;
    if (levels.length === 0 || drill.length >= levels.length) {
      this.issue(
        '/drill',
        'drillTooDeep',
        levels.length === 0
          ? 'This report has no drill-down path'
          : `This report drills ${levels.length - 1} levels deep`,
      );
      return 0;
    }
    return drill.length;
  }

  private shownDimensions(level: number): BoundDimension[] {
    const keys = this.report.drillDown
      ? (this.report.drillDown.levels[level]?.dimensions ?? [])
      : [...this.dimensions.keys()];
    return keys.map((k) => this.dimensions.get(k)).filter((d): d is BoundDimension => d !== undefined);
  }

  private drillPredicates(level: number): SqlFragment[] {
    const predicates: SqlFragment[] = [];
    const levels = this.report.drillDown?.levels ?? [];
    (this.options.drill ?? []).slice(0, level).forEach((selection, i) => {
      const keys = levels[i]?.dimensions ?? [];
      const path = `/drill/${i}`;
      if (
        typeof selection !== 'object' ||
        selection === null ||
        Object.keys(selection).sort().join(',') !== [...keys].sort().join(',')
      ) {
        return this.issue(
          path,
          'invalidSelection',
          `Level ${i} is selected by exactly these values: ${keys.join(', ')}`,
        );
      }
      for (const key of keys) {
        const dimension = this.dimensions.get(key);
        if (!dimension) continue;
        const value = selection[key];
        if (value === null) {
          predicates.push(sql`${dimension.value} IS NULL`);
          continue;
        }
        const bound = this.filters.value(
          { sql: dimension.value, type: dimension.type },
          value,
          `${path}/${key}`,
          key,
        );
        if (bound) predicates.push(sql`${dimension.value} = ${bound}`);
      }
    });
    return predicates;
  }

  /** Declared, even if broken: its own problem is reported at its own path. */
  private declaredDimension(key: string): boolean {
    return (this.report.dimensions ?? []).some((d) => d.key === key);
  }

  private checkPresentation(): void {
    const isDimension = (k: string): boolean => this.declaredDimension(k);
    const isMeasure = (k: string): boolean => (this.report.measures ?? []).some((m) => m.key === k);
    const check = (
      keys: readonly string[] | undefined,
      path: string,
      ok: (k: string) => boolean,
      code: string,
      what: string,
    ): void =>
      keys?.forEach((k, i) => {
        if (!ok(k)) this.issue(`${path}/${i}`, code, `${k} is not ${what} of this report`);
      });
    if ((this.report.dimensions ?? []).length === 0 && (this.report.measures ?? []).length === 0) {
      this.issue('/dimensions', 'emptyReport', 'A report needs at least one dimension or measure');
    }
    (this.report.sort ?? []).forEach((s, i) => {
      if (!isDimension(s.by) && !isMeasure(s.by))
        this.issue(`/sort/${i}/by`, 'unknownKey', `${s.by} is not a dimension or measure of this report`);
    });
    const pivot = this.report.pivot;
    if (pivot) {
      check(pivot.rows, '/pivot/rows', isDimension, 'unknownDimension', 'a dimension');
      check(pivot.columns, '/pivot/columns', isDimension, 'unknownDimension', 'a dimension');
      check(pivot.values, '/pivot/values', isMeasure, 'unknownMeasure', 'a measure');
    }
    const chart = this.report.chart;
    if (chart) {
      for (const name of ['x', 'series'] as const) {
        const key = chart[name];
        if (key !== undefined && !isDimension(key))
          this.issue(`/chart/${name}`, 'unknownDimension', `${key} is not a dimension of this report`);
      }
      check(chart.y, '/chart/y', isMeasure, 'unknownMeasure', 'a measure');
      if (chart.type === 'pivot' && !pivot)
        this.issue('/chart/type', 'pivotMissing', "A pivot chart needs the report's pivot");
    }
  }

  private build(shown: BoundDimension[], where: SqlFragment, level: number): CompiledReport {
    const measures = [...this.measures.values()].sort((a, b) => a.index - b.index);
    const limits = [this.report.limit, this.options.maxRows].filter((n): n is number => n !== undefined);
    const covered = this.coveredByEntityIndex();
    const query = assembleSelect({
      dialect: this.dialect,
      // A composite index holding every column read gives the database a better path than the one the hint avoids.
      shown: covered ? shown.map((d) => ({ ...d, indexed: false })) : shown,
      measures,
      from: this.scope!.fromClause(),
      where,
      sort: this.report.sort ?? [],
      limits,
    });
    const { columns, toRow } = resultShape(shown, measures);
    return {
      sql: query.sql,
      params: [...query.params],
      columns,
      level,
      columnSources: Object.fromEntries(columns.map((c) => [c.key, this.sources.get(c.key) ?? []])),
      filterSources: this.filterSources,
      chosenSources: this.chosenSources,
      toRow,
    };
  }
}

/**
 * Compiles a report to one parameterised SELECT for the dialect: aggregation, grouping, top-N,
 * sort and limit all happen in the database. Throws `ReportCompileError` listing every problem
 * (bad parameters included, at `/parameters/<key>`).
 */
export function compileReport(
  report: ReportDefinition,
  catalog: EntityCatalog,
  options: CompileOptions,
): CompiledReport {
  const compiler = new ReportCompiler(report, catalog, options, false);
  const compiled = compiler.compile();
  if (!compiled) throw new ReportCompileError(compiler.issues);
  return compiled;
}

/**
 * The semantic check of a saved report against the entity definitions: unknown entities and
 * fields, bad joins, aggregates on the wrong types, calculated fields that cannot run in SQL,
 * keys used by sort, pivot, drill-down and chart. Required parameters may be empty here.
 */
export function validateReport(report: ReportDefinition, catalog: EntityCatalog): ReportIssue[] {
  const compiler = new ReportCompiler(report, catalog, { dialect: 'sqlite', now: new Date(0) }, true);
  compiler.compile();
  return compiler.issues;
}
