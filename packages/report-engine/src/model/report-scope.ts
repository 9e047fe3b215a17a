import {
  andSql,
  FilterCompiler,
  ident,
  isNumeric,
  isTemporal,
  joinSql,
  moneyCurrencyColumn,
  raw,
  sql,
  SYSTEM_COLUMN_TYPES,
  valueTypeOf,
  type EntityDefinition,
  type FieldDefinition,
  type FilterContext,
  type LocalizedText,
  type SqlFragment,
  type ValueType,
} from '@bankforge/data-model';
import type {
  CalculatedField,
  ChildAggregate,
  OneToManyJoin,
  ReportDefinition,
  ReportJoin,
} from '../artifact/report-definition.js';
import { CalculatedFieldError, FeelToSql } from '../feel/feel-to-sql.js';
import { localizedLabel, SYSTEM_COLUMN_LABELS } from '../result/column-labels.js';
import { tableOf, type EntityCatalog } from './entity-catalog.js';
import type { FieldRead, ResolvedValue } from './resolved-value.js';

/** The SQL alias of the source table: scope predicates given as SQL refer to it. */
export const SOURCE_ALIAS = 'src';

interface TableBinding {
  alias: string;
  entity: EntityDefinition;
}

interface JoinBinding {
  definition: ReportJoin;
  from: JoinBinding | undefined;
  table?: TableBinding;
  aggregates?: Map<string, ResolvedValue & { reads: FieldRead[] }>;
  clause: SqlFragment;
  used: boolean;
  /** The reference field the join follows: reading through a join reads it too. */
  via: FieldRead;
}

interface CalculatedBinding {
  definition: CalculatedField;
  index: number;
  state: 'pending' | 'compiling' | 'done' | 'failed';
  value?: ResolvedValue;
  reads?: FieldRead[];
}

export type ScopeContext = Omit<FilterContext, 'resolve' | 'resolveChosen'>;

/**
 * The rows of one table a caller may see (the server's data scope), as SQL over the table's alias;
 * undefined for no restriction. Asked for every table a report reads: the source and each join.
 */
export type RowScope = (entity: string, alias: string) => SqlFragment | undefined;

/** A column of a table by field path: a field, a money field's `.currency`, or a standard column. */
export function columnOf(
  ctx: Pick<ScopeContext, 'dialect'>,
  table: TableBinding,
  path: string,
): ResolvedValue | undefined {
  const system = Object.hasOwn(SYSTEM_COLUMN_TYPES, path) ? SYSTEM_COLUMN_TYPES[path] : undefined;
  if (system) return { sql: ident(ctx.dialect, table.alias, path), type: system };
  const [key, part, extra] = path.split('.');
  const field = table.entity.fields.find((f) => f.key === key);
  if (!field || extra !== undefined) return undefined;
  if (part !== undefined) {
    return field.type === 'money' && part === 'currency'
      ? { sql: ident(ctx.dialect, table.alias, moneyCurrencyColumn(field.key)), type: 'text' }
      : undefined;
  }
  return { sql: ident(ctx.dialect, table.alias, field.key), type: valueTypeOf(field) };
}

/** What a column of an entity is called by field path: the field's label, a money field's currency, a standard column. */
function columnLabel(entity: EntityDefinition, path: string): LocalizedText | undefined {
  if (Object.hasOwn(SYSTEM_COLUMN_LABELS, path)) return SYSTEM_COLUMN_LABELS[path];
  const [key, part, extra] = path.split('.');
  const field = entity.fields.find((f) => f.key === key);
  if (!field || extra !== undefined) return undefined;
  if (part === undefined) return field.label;
  return field.type === 'money' && part === 'currency'
    ? { en: `${field.label.en} currency`, 'zh-CN': `${field.label['zh-CN']}币种` }
    : undefined;
}

const CHILD_AGGREGATE_SQL: Record<ChildAggregate, string> = {
  count: 'COUNT',
  sum: 'SUM',
  avg: 'AVG',
  min: 'MIN',
  max: 'MAX',
};

/**
 * The tables a report reads and how its field paths resolve to SQL over them: the source table,
 * many-to-one joins (LEFT JOIN on the referenced id), one-to-many joins (a LEFT JOIN to the
 * children grouped by parent, so each parent row stays one row), and calculated fields in FEEL.
 * Soft-deleted rows are left out everywhere.
 */
export class ReportScope {
  readonly source: TableBinding;
  private readonly joins = new Map<string, JoinBinding>();
  private readonly calculated = new Map<string, CalculatedBinding>();
  private readonly feel: FeelToSql;
  /** Open traces: every field read while one is open is added to it. */
  private readonly traces: Map<string, FieldRead>[] = [];
  /** Fields the one-to-many joins' own filters read, and those compared with a runner's parameter there. */
  private readonly joinFilterReads = new Map<string, { reads: FieldRead[]; chosen: FieldRead[] }>();

  private constructor(
    readonly report: ReportDefinition,
    source: EntityDefinition,
    private readonly catalog: EntityCatalog,
    private readonly ctx: ScopeContext,
    private readonly rowScope: RowScope,
  ) {
    this.source = { alias: SOURCE_ALIAS, entity: source };
    this.feel = new FeelToSql(ctx.dialect, (name) => this.lookup(name));
  }

  static build(
    report: ReportDefinition,
    catalog: EntityCatalog,
    ctx: ScopeContext,
    rowScope: RowScope = () => undefined,
  ): ReportScope | undefined {
    const source = catalog.get(report.source);
    if (!source) {
      ctx.issue('/source', 'unknownEntity', `No published entity is called ${report.source}`);
      return undefined;
    }
    const scope = new ReportScope(report, source, catalog, ctx, rowScope);
    scope.bindJoins();
    scope.bindCalculated();
    return scope;
  }

  /** Runs a resolution and answers the stored fields it read, through joins and calculated fields. */
  traced<T>(work: () => T): { value: T; reads: FieldRead[] } {
    const trace = new Map<string, FieldRead>();
    this.traces.push(trace);
    try {
      const value = work();
      return { value, reads: [...trace.values()] };
    } finally {
      this.traces.pop();
    }
  }

  private record(reads: Iterable<FieldRead>): void {
    for (const read of reads)
      for (const trace of this.traces) trace.set(`${read.entity}.${read.field}`, read);
  }

  private readColumn(table: TableBinding, path: string): ResolvedValue | undefined {
    const found = columnOf(this.ctx, table, path);
    if (found) this.record([{ entity: table.entity.key, field: path.split('.')[0]! }]);
    return found;
  }

  /** The source table with the joins that some expression uses, in definition order. */
  fromClause(): SqlFragment {
    const used = [...this.joins.values()].filter((j) => j.used);
    return joinSql([sql`${raw(this.table(this.source))}`, ...used.map((j) => j.clause)], ' ');
  }

  /** Source rows not soft-deleted and within the caller's row scope (joined rows are checked in their ON clauses). */
  liveRows(): SqlFragment {
    return this.visibleRows(this.source, sql`${ident(this.ctx.dialect, SOURCE_ALIAS, 'deleted_at')} IS NULL`);
  }

  /** The stored fields the used one-to-many joins choose their children by, and those a runner's parameter compares. */
  joinFilterSources(): { reads: FieldRead[]; chosen: FieldRead[] } {
    const used = [...this.joins.entries()]
      .filter(([, j]) => j.used)
      .map(([alias]) => this.joinFilterReads.get(alias));
    return {
      reads: used.flatMap((r) => r?.reads ?? []),
      chosen: used.flatMap((r) => r?.chosen ?? []),
    };
  }

  /** A table's live rows narrowed to the caller's scope: joined tables get it too, or a join would read around it. */
  private visibleRows(table: TableBinding, live: SqlFragment): SqlFragment {
    const scoped = this.rowScope(table.entity.key, table.alias);
    return scoped ? andSql([live, scoped]) : live;
  }

  /** Resolves a field path used by a dimension, measure or filter; reports unknown ones at `issuePath`. */
  resolve(path: string, issuePath: string): ResolvedValue | undefined {
    // Drafts reach the validator before their schema check: a missing path is a problem, not a crash.
    if (typeof path !== 'string') {
      this.ctx.issue(issuePath, 'required', 'A field path is required');
      return undefined;
    }
    try {
      const found = this.lookup(path);
      if (!found)
        this.ctx.issue(
          issuePath,
          'unknownField',
          `${path} is not a field of ${this.source.entity.key}, of a join, or a calculated field`,
        );
      return found;
    } catch (error) {
      if (!(error instanceof CalculatedFieldError)) throw error;
      return undefined; // the calculated field's own path carries the problem
    }
  }

  /**
   * What a field path is called in both languages: the field's label (through joins, the last
   * field's), a standard column's name, a calculated field's label. Undefined for what has no name
   * of its own (a child aggregate, an unlabelled calculated field, an unknown path).
   */
  labelOf(path: string): LocalizedText | undefined {
    if (!path.includes('.')) {
      const calculated = this.calculated.get(path);
      if (calculated) return calculated.definition.label ? localizedLabel(calculated.definition.label) : undefined;
    }
    const own = columnLabel(this.source.entity, path);
    if (own) return own;
    const dot = path.indexOf('.');
    const join = dot > 0 ? this.joins.get(path.slice(0, dot)) : undefined;
    return join?.table ? columnLabel(join.table.entity, path.slice(dot + 1)) : undefined;
  }

  private table(t: TableBinding): string {
    return `${this.ctx.dialect.quote(tableOf(t.entity.key))} ${this.ctx.dialect.quote(t.alias)}`;
  }

  private lookup(path: string): ResolvedValue | undefined {
    if (!path.includes('.')) {
      const calculated = this.calculated.get(path);
      if (calculated) return this.calculatedValue(calculated);
    }
    const own = this.readColumn(this.source, path);
    if (own) return own;
    const dot = path.indexOf('.');
    const join = dot > 0 ? this.joins.get(path.slice(0, dot)) : undefined;
    if (!join) return undefined;
    const rest = path.slice(dot + 1);
    let found: ResolvedValue | undefined;
    if (join.table) found = this.readColumn(join.table, rest);
    else {
      const aggregate = join.aggregates?.get(rest);
      if (aggregate) this.record(aggregate.reads);
      found = aggregate && { sql: aggregate.sql, type: aggregate.type };
    }
    if (found) {
      this.markUsed(join);
      for (let j: JoinBinding | undefined = join; j; j = j.from) this.record([j.via]);
    }
    return found;
  }

  private markUsed(join: JoinBinding | undefined): void {
    for (let j = join; j && !j.used; j = j.from) j.used = true;
  }

  private calculatedValue(binding: CalculatedBinding): ResolvedValue {
    if (binding.state === 'done') {
      this.record(binding.reads ?? []);
      return binding.value!;
    }
    const path = `/calculated/${binding.index}/expression`;
    if (binding.state === 'failed')
      throw new CalculatedFieldError('unknownField', `${binding.definition.key} has errors`);
    if (binding.state === 'compiling') {
      binding.state = 'failed';
      this.ctx.issue(path, 'calculatedCycle', `${binding.definition.key} depends on itself`);
      throw new CalculatedFieldError('unknownField', `${binding.definition.key} depends on itself`);
    }
    binding.state = 'compiling';
    try {
      const { value, reads } = this.traced(() => this.feel.compile(binding.definition.expression));
      if (binding.state === 'compiling') {
        binding.state = 'done';
        binding.value = value;
        binding.reads = reads;
      }
      this.record(reads);
      return value;
    } catch (error) {
      if (!(error instanceof CalculatedFieldError)) throw error;
      if (binding.state === 'compiling')
        this.ctx.issue(path, error.code, `${binding.definition.key}: ${error.message}`);
      binding.state = 'failed';
      throw error;
    }
  }

  private bindCalculated(): void {
    (this.report.calculated ?? []).forEach((definition, index) => {
      const clash =
        this.calculated.has(definition.key) || columnOf(this.ctx, this.source, definition.key) !== undefined;
      if (clash)
        this.ctx.issue(
          `/calculated/${index}/key`,
          'duplicateKey',
          `${definition.key} is already a field or calculated field`,
        );
      else this.calculated.set(definition.key, { definition, index, state: 'pending' });
    });
    // Compile every one now, so that unused but broken ones are reported too.
    for (const binding of this.calculated.values()) {
      try {
        this.calculatedValue(binding);
      } catch (error) {
        if (!(error instanceof CalculatedFieldError)) throw error;
      }
    }
  }

  private bindJoins(): void {
    (this.report.joins ?? []).forEach((join, index) => {
      const path = `/joins/${index}`;
      if (this.joins.has(join.alias) || join.alias === SOURCE_ALIAS) {
        this.ctx.issue(`${path}/alias`, 'duplicateKey', `Another join is called ${join.alias}`);
        return;
      }
      let from: JoinBinding | undefined;
      if (join.from !== undefined) {
        from = this.joins.get(join.from);
        if (!from?.table) {
          this.ctx.issue(`${path}/from`, 'badJoin', `${join.from} is not an earlier many-to-one join`);
          return;
        }
      }
      const parent = from?.table ?? this.source;
      const binding =
        join.kind === 'manyToOne'
          ? this.manyToOne(join, parent, path, index)
          : this.oneToMany(join, parent, path, index);
      const via =
        join.kind === 'manyToOne'
          ? { entity: parent.entity.key, field: join.field }
          : { entity: join.entity, field: join.field };
      if (binding) this.joins.set(join.alias, { ...binding, from, used: false, via });
    });
  }

  private manyToOne(
    join: ReportJoin,
    parent: TableBinding,
    path: string,
    index: number,
  ): Pick<JoinBinding, 'definition' | 'table' | 'clause'> | undefined {
    const field = parent.entity.fields.find((f) => f.key === join.field);
    const target = field?.reference?.entity;
    if (!field || field.type !== 'reference' || target === undefined) {
      this.ctx.issue(
        `${path}/field`,
        'notAReference',
        `${join.field} is not a reference field of ${parent.entity.key}`,
      );
      return undefined;
    }
    const entity = this.catalog.get(target);
    if (!entity) {
      this.ctx.issue(
        `${path}/field`,
        'unknownEntity',
        `${join.field} refers to ${target}, which is not published`,
      );
      return undefined;
    }
    const table = { alias: `j${index + 1}`, entity };
    const q = (a: string, c: string): SqlFragment => ident(this.ctx.dialect, a, c);
    const on = this.visibleRows(table, sql`${q(table.alias, 'deleted_at')} IS NULL`);
    const clause = sql`LEFT JOIN ${raw(this.table(table))} ON ${q(table.alias, 'id')} = ${q(parent.alias, field.key)} AND ${on}`;
    return { definition: join, table, clause };
  }

  private oneToMany(
    join: OneToManyJoin,
    parent: TableBinding,
    path: string,
    index: number,
  ): Pick<JoinBinding, 'definition' | 'aggregates' | 'clause'> | undefined {
    const entity = this.catalog.get(join.entity);
    if (!entity) {
      this.ctx.issue(`${path}/entity`, 'unknownEntity', `No published entity is called ${join.entity}`);
      return undefined;
    }
    const field: FieldDefinition | undefined = entity.fields.find((f) => f.key === join.field);
    if (!field || field.type !== 'reference' || field.reference?.entity !== parent.entity.key) {
      this.ctx.issue(
        `${path}/field`,
        'badJoin',
        `${join.field} is not a reference from ${join.entity} to ${parent.entity.key}`,
      );
      return undefined;
    }
    const child: TableBinding = { alias: 'ch', entity };
    const alias = `c${index + 1}`;
    const q = (a: string, c: string): SqlFragment => ident(this.ctx.dialect, a, c);
    const aggregates = new Map<string, ResolvedValue & { reads: FieldRead[] }>();
    const selects: SqlFragment[] = [sql`${q(child.alias, field.key)} AS ${raw(this.ctx.dialect.quote('k'))}`];
    join.aggregates.forEach((aggregate, i) => {
      const aggPath = `${path}/aggregates/${i}`;
      if (aggregates.has(aggregate.key))
        return this.ctx.issue(
          `${aggPath}/key`,
          'duplicateKey',
          `Another aggregate is called ${aggregate.key}`,
        );
      const input = aggregate.field === undefined ? undefined : columnOf(this.ctx, child, aggregate.field);
      if (aggregate.field !== undefined && !input)
        return this.ctx.issue(
          `${aggPath}/field`,
          'unknownField',
          `${aggregate.field} is not a field of ${entity.key}`,
        );
      const type = childAggregateType(aggregate.agg, input?.type);
      if (type === undefined)
        return this.ctx.issue(
          `${aggPath}/field`,
          'notNumeric',
          `${aggregate.agg} needs a ${aggregate.agg === 'min' || aggregate.agg === 'max' ? 'numeric or date' : 'numeric'} field`,
        );
      const column = `a${i}`;
      selects.push(
        sql`${raw(CHILD_AGGREGATE_SQL[aggregate.agg])}(${input?.sql ?? raw('*')}) AS ${raw(this.ctx.dialect.quote(column))}`,
      );
      const value = q(alias, column);
      // A parent without children has a count and a sum of 0, not "no value".
      const reads =
        aggregate.field === undefined ? [] : [{ entity: entity.key, field: aggregate.field.split('.')[0]! }];
      aggregates.set(aggregate.key, {
        sql: aggregate.agg === 'count' || aggregate.agg === 'sum' ? sql`COALESCE(${value}, 0)` : value,
        type,
        reads,
      });
    });
    const filterReads = { reads: [] as FieldRead[], chosen: [] as FieldRead[] };
    const filter = join.filter
      ? new FilterCompiler({
          ...this.ctx,
          resolve: (p, issuePath) => this.childColumn(child, p, issuePath, filterReads.reads),
          resolveChosen: (p, issuePath) =>
            this.childColumn(child, p, issuePath, filterReads.reads, filterReads.chosen),
        }).compile(join.filter, `${path}/filter`)
      : undefined;
    this.joinFilterReads.set(join.alias, filterReads);
    const where = this.visibleRows(
      child,
      andSql([sql`${q(child.alias, 'deleted_at')} IS NULL`, ...(filter ? [filter] : [])]),
    );
    const grouped = sql`SELECT ${joinSql(selects, ', ')} FROM ${raw(this.table(child))} WHERE ${where} GROUP BY ${q(child.alias, field.key)}`;
    const clause = sql`LEFT JOIN (${grouped}) ${raw(this.ctx.dialect.quote(alias))} ON ${q(alias, 'k')} = ${q(parent.alias, 'id')}`;
    return { definition: join, aggregates, clause };
  }

  private childColumn(
    child: TableBinding,
    path: string,
    issuePath: string,
    ...into: FieldRead[][]
  ): ResolvedValue | undefined {
    const found = columnOf(this.ctx, child, path);
    if (!found) this.ctx.issue(issuePath, 'unknownField', `${path} is not a field of ${child.entity.key}`);
    else for (const list of into) list.push({ entity: child.entity.key, field: path.split('.')[0]! });
    return found;
  }
}

function childAggregateType(agg: ChildAggregate, input: ValueType | undefined): ValueType | undefined {
  if (agg === 'count') return 'integer';
  if (input === undefined) return undefined;
  if (agg === 'sum') return isNumeric(input) ? input : undefined;
  if (agg === 'avg') return isNumeric(input) ? 'decimal' : undefined;
  return isNumeric(input) || isTemporal(input) ? input : undefined;
}
