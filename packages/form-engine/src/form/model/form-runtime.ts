/**
 * The evaluation core of a form model: values, their FEEL counterparts, every rule's result and
 * every field's state. A change re-runs only the rules depending on it (through computed values
 * and across repeating groups), in the order the compiled plan gives.
 */
import { FeelContext, type EvaluateOptions, type EvaluationBudgetExceeded, type FeelValue } from '@bankforge/rule-engine';
import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import type { FormPlan, GroupPlan, PlacedField, Rule } from '../compile/form-plan.js';
import type { FieldState } from '../form-definition.js';
import type { FormEvaluationBudget, FormValues } from '../form-model-api.js';
import { firstCurrency, fromFeel, rowContext, sameValue, toFeel } from '../values/feel-values.js';
import type { ChangeReport } from './change-report.js';
import { fieldStateOf, holds, sameState } from './field-state.js';
import { budgetExceededError, type BudgetExceededError } from './model-errors.js';
import { RowVariables } from './row-variables.js';
import { indexConditions, readsAny, rulesFor, type ConditionIndex } from './rule-index.js';
import { runRule } from './run-rule.js';

/** One row of a repeating group. */
export interface RowRuntime {
  /** Frozen; replaced on every change. */
  values: Readonly<Record<string, unknown>>;
  context: FeelContext;
  readonly results: FeelValue[];
  readonly states: Map<string, FieldState>;
}

interface RowWork {
  readonly group: GroupPlan;
  readonly row: RowRuntime;
  readonly index: number;
  readonly cells: ReadonlySet<string>;
  readonly outer: ReadonlySet<string>;
  readonly all: boolean;
}

const NONE: ReadonlySet<string> = new Set();
/** Re-runs between a repeating group and the form settle long before this, unless the form has a cycle. */
const SETTLE_LIMIT = 32;

const isTrue = (value: FeelValue | undefined): boolean => value === true;

function asRows(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) return [];
  return value.map((row) => (typeof row === 'object' && row !== null && !Array.isArray(row) ? (row as Record<string, unknown>) : {}));
}

function withEntry(context: FeelContext, key: string, value: FeelValue): FeelContext {
  const next = new FeelContext(context.entries);
  next.entries.set(key, value);
  return next;
}

export class FormRuntime {
  /** The form's own values (rows of repeating groups are in `rows`). */
  readonly values: Record<string, unknown> = {};
  readonly rows = new Map<string, RowRuntime[]>();
  readonly states = new Map<string, FieldState>();
  /** Rule evaluations so far: tests read it to check that a change re-runs only its dependents. */
  evaluations = 0;
  private readonly vars: Record<string, FeelValue> = {};
  private readonly results: FeelValue[];
  private readonly nodeVisible = new Map<string, boolean>();
  private readonly conditions: ConditionIndex;
  private readonly groupConditions = new Map<string, ConditionIndex>();
  private readonly entityFields: ReadonlyMap<string, FieldDefinition>;
  /** Rules the budget stopped, by what they decide and where they are; cleared when they next run to the end. */
  readonly stopped = new Map<string, BudgetExceededError>();
  private options: EvaluateOptions;

  constructor(
    readonly plan: FormPlan,
    entity: EntityDefinition,
    values: FormValues,
    private readonly baseOptions: EvaluateOptions,
    report: ChangeReport,
    private readonly budget: FormEvaluationBudget = {},
  ) {
    this.options = baseOptions;
    this.arm();
    this.entityFields = new Map(entity.fields.map((f) => [f.key, f]));
    this.conditions = indexConditions(plan.rules);
    this.results = plan.rules.map(() => null);
    for (const [key, value] of Object.entries(values)) if (!plan.groups.has(key)) this.values[key] = value;
    for (const field of entity.fields) this.vars[field.key] = toFeel(field, this.values[field.key]);
    const work: RowWork[] = [];
    for (const group of plan.groups.values()) {
      this.groupConditions.set(group.key, indexConditions(group.rules));
      const rows = asRows(values[group.key]).map((row) => this.newRow(group, row));
      this.rows.set(group.key, rows);
      this.vars[group.key] = rows.map((r) => r.context);
      rows.forEach((row, index) => work.push({ group, row, index, cells: NONE, outer: NONE, all: true }));
    }
    const changed = new Set<string>();
    for (const rule of plan.rules) this.evaluate(rule, changed, report);
    this.settle(new Set(), work, report);
    report.visibility = true;
    this.refreshStates(report);
  }

  // ---- changes -------------------------------------------------------------------------------

  /** Starts the time budget of one operation (building the model, one change), when there is a clock. */
  private arm(): void {
    const { clock, milliseconds } = this.budget;
    if (clock !== undefined && milliseconds !== undefined) this.options = { ...this.baseOptions, deadline: { clock, at: clock() + milliseconds } };
  }

  setValue(key: string, value: unknown, report: ChangeReport): void {
    this.arm();
    this.values[key] = value;
    const field = this.entityFields.get(key);
    if (field !== undefined) this.vars[key] = toFeel(field, value);
    report.touched.add(`/${key}`);
    this.settle(new Set([key]), [], report);
    this.refreshStates(report);
  }

  setCell(group: GroupPlan, index: number, key: string, value: unknown, report: ChangeReport): void {
    this.arm();
    const row = this.rowAt(group, index);
    this.assignCell(group, row, key, value);
    report.touched.add(`/${group.key}/${index}/${key}`);
    this.settle(new Set(), [{ group, row, index, cells: new Set([key]), outer: NONE, all: false }], report);
    this.refreshStates(report);
  }

  setRows(group: GroupPlan, rows: readonly Record<string, unknown>[], report: ChangeReport): void {
    this.arm();
    const fresh = rows.map((r) => this.newRow(group, r));
    this.rows.set(group.key, fresh);
    this.rowsChanged(group, fresh.map((row, index) => ({ group, row, index, cells: NONE, outer: NONE, all: true })), report);
  }

  addRow(group: GroupPlan, values: Record<string, unknown>, report: ChangeReport): void {
    this.arm();
    const rows = this.rows.get(group.key) ?? [];
    const row = this.newRow(group, values);
    rows.push(row);
    this.rowsChanged(group, [{ group, row, index: rows.length - 1, cells: NONE, outer: NONE, all: true }], report);
  }

  removeRow(group: GroupPlan, index: number, report: ChangeReport): void {
    this.arm();
    this.rowAt(group, index);
    this.rows.get(group.key)?.splice(index, 1);
    // the rows from here on moved: their stopped rules are known again when they next run
    const moved = `/${group.key}/`;
    for (const [key, error] of this.stopped) if (error.path.startsWith(moved) && Number(error.path.slice(moved.length).split('/')[0]) >= index) this.stopped.delete(key);
    this.rowsChanged(group, [], report);
  }

  // ---- reading -------------------------------------------------------------------------------

  rowsOf(group: string): readonly RowRuntime[] {
    return this.rows.get(group) ?? [];
  }

  isNodeVisible(id: string): boolean {
    return this.nodeVisible.get(id) ?? true;
  }

  /** Whether a validation rule found the values invalid (false; null and non-booleans pass). */
  validationFails(rule: Rule): boolean {
    return this.results[rule.index] === false;
  }

  /** The visibility of a repeating group's column: shown while the group is and some row shows it. */
  columnVisible(group: GroupPlan, nodeId: string, gates: readonly string[]): boolean {
    if (!gates.every((g) => this.ownVisible(g))) return false;
    const rule = this.groupConditions.get(group.key)?.get(`visible:${nodeId}`);
    const rows = this.rowsOf(group.key);
    return rule === undefined || rows.length === 0 || rows.some((r) => isTrue(r.results[rule.index]));
  }

  // ---- propagation ---------------------------------------------------------------------------

  private rowAt(group: GroupPlan, index: number): RowRuntime {
    const row = this.rows.get(group.key)?.[index];
    if (row === undefined) throw new RangeError(`${group.key} has no row ${index}`);
    return row;
  }

  private newRow(group: GroupPlan, values: Record<string, unknown>): RowRuntime {
    const frozen = Object.freeze({ ...values });
    return { values: frozen, context: rowContext(group.entity.fields, frozen), results: group.rules.map(() => null), states: new Map() };
  }

  private assignCell(group: GroupPlan, row: RowRuntime, key: string, value: unknown): void {
    row.values = Object.freeze({ ...row.values, [key]: value });
    const field = group.entity.fields.find((f) => f.key === key);
    if (field !== undefined) row.context = withEntry(row.context, key, toFeel(field, value));
  }

  private rowsChanged(group: GroupPlan, work: RowWork[], report: ChangeReport): void {
    this.settle(new Set([group.key]), work, report);
    report.visibility = true;
    this.refreshStates(report);
  }

  /** Runs the given row work and the form's rules for `changed`, back and forth until nothing changes. */
  private settle(changed: Set<string>, work: RowWork[], report: ChangeReport): void {
    let pending = changed;
    for (let round = 0; round < SETTLE_LIMIT; round++) {
      for (const w of work) if (this.runRow(w, report) || w.cells.size > 0 || w.all) pending.add(w.group.key);
      if (pending.size === 0) return;
      for (const key of pending) {
        const rows = this.rows.get(key);
        if (rows !== undefined) this.vars[key] = rows.map((r) => r.context);
      }
      const changedNow = new Set(pending);
      for (const rule of rulesFor(pending, this.plan.dependents)) if (readsAny(rule.reads, changedNow)) this.evaluate(rule, changedNow, report);
      pending = new Set();
      work = [];
      for (const group of this.plan.groups.values()) {
        const outer = new Set([...group.outerReads].filter((name) => changedNow.has(name)));
        if (outer.size > 0) this.rowsOf(group.key).forEach((row, index) => work.push({ group, row, index, cells: NONE, outer, all: false }));
      }
      if (work.length === 0) return;
    }
  }

  /** Evaluates one rule of the form; a computed value that changes joins `changed`. */
  private evaluate(rule: Rule, changed: Set<string>, report: ChangeReport): void {
    this.evaluations++;
    const value = this.run(rule, this.vars, this.pointerOf(rule, ''));
    const target = rule.target;
    if (target.kind === 'value') {
      const field = this.plan.fields.get(target.field)?.field;
      if (field === undefined) return;
      const next = fromFeel(field, value, firstCurrency([...rule.reads].map((name) => this.vars[name])));
      // a computed field always holds its result, null included
      if (Object.hasOwn(this.values, target.field) && sameValue(this.values[target.field], next)) return;
      this.values[target.field] = next;
      this.vars[target.field] = toFeel(field, next);
      changed.add(target.field);
      report.computed.add(`/${target.field}`);
      return;
    }
    const before = this.results[rule.index];
    this.results[rule.index] = value;
    if (target.kind === 'validation') report.validations.add(rule);
    else if (isTrue(before) !== isTrue(value)) {
      if (target.kind === 'visible') report.visibility = true;
      else report.touched.add(`/${target.field}`);
    }
  }

  /** Runs one rule; a rule the budget stops is null and is kept in `stopped` under what it decides. */
  private run(rule: Rule, variables: Parameters<typeof runRule>[1], pointer: string): FeelValue {
    const key = `${pointer}|${rule.documentPath}`;
    let stop: EvaluationBudgetExceeded | undefined;
    const value = runRule(rule, variables, this.options, (e) => (stop = e));
    if (stop === undefined) this.stopped.delete(key);
    else this.stopped.set(key, budgetExceededError(pointer, rule.documentPath, stop.resource));
    return value;
  }

  /** What a rule decides, as a pointer into the values: its field or cell, a group, or '' (the form). */
  private pointerOf(rule: Rule, prefix: string): string {
    const target = rule.target;
    if (target.kind === 'validation') return target.validation.field === undefined ? prefix : `${prefix}/${target.validation.field}`;
    if (target.kind !== 'visible') return `${prefix}/${target.field}`;
    const scope = prefix === '' ? this.plan : this.plan.groups.get(prefix.split('/')[1] ?? '');
    for (const placed of scope?.fields.values() ?? []) if (placed.node.id === target.node) return `${prefix}/${placed.key}`;
    for (const group of prefix === '' ? this.plan.groups.values() : []) if (group.node.id === target.node) return `/${group.key}`;
    return prefix;
  }

  /** Runs a row's rules for its changed cells and changed form values; true when a computed cell changed. */
  private runRow(work: RowWork, report: ChangeReport): boolean {
    const { group, row, index } = work;
    const rules = work.all ? group.rules : merge(rulesFor(work.cells, group.dependents), rulesFor(work.outer, group.outerDependents));
    const cells = new Set(work.cells);
    let variables = new RowVariables(this.vars, row.context);
    let changed = false;
    for (const rule of rules) {
      if (!work.all && !readsAny(rule.itemReads, cells) && !readsAny(rule.reads, work.outer)) continue;
      this.evaluations++;
      const value = this.run(rule, variables, this.pointerOf(rule, `/${group.key}/${index}`));
      const target = rule.target;
      if (target.kind === 'value') {
        const field = group.fields.get(target.field)?.field;
        if (field === undefined) continue;
        const next = fromFeel(field, value, firstCurrency([...row.context.entries.values(), ...[...rule.reads].map((n) => this.vars[n])]));
        if (Object.hasOwn(row.values, target.field) && sameValue(row.values[target.field], next)) continue;
        this.assignCell(group, row, target.field, next);
        variables = new RowVariables(this.vars, row.context);
        cells.add(target.field);
        changed = true;
        report.computed.add(`/${group.key}/${index}/${target.field}`);
      } else if (target.kind !== 'validation') {
        const before = row.results[rule.index];
        row.results[rule.index] = value;
        if (isTrue(before) === isTrue(value)) continue;
        if (target.kind === 'visible') report.visibility = true;
        else report.touched.add(`/${group.key}/${index}/${target.field}`);
      }
    }
    return changed;
  }

  // ---- states --------------------------------------------------------------------------------

  private ownVisible(nodeId: string): boolean {
    return !this.conditions.has(`visible:${nodeId}`) || holds(this.conditions, this.results, `visible:${nodeId}`);
  }

  private fieldState(placed: PlacedField): FieldState {
    return fieldStateOf(placed, (id) => this.ownVisible(id), (kind) => holds(this.conditions, this.results, `${kind}:${placed.key}`));
  }

  /** A cell's state: its own visibility is the row's; the gates around the group are the form's. */
  private cellState(group: GroupPlan, row: RowRuntime, placed: PlacedField): FieldState {
    const conditions = this.groupConditions.get(group.key);
    const gateVisible = (id: string): boolean => (conditions?.has(`visible:${id}`) ? holds(conditions, row.results, `visible:${id}`) : this.ownVisible(id));
    return fieldStateOf(placed, gateVisible, (kind) => holds(conditions, row.results, `${kind}:${placed.key}`));
  }

  private refreshStates(report: ChangeReport): void {
    const update = (states: Map<string, FieldState>, key: string, pointer: string, next: FieldState): void => {
      const previous = states.get(key);
      if (sameState(previous, next)) return;
      states.set(key, Object.freeze(next));
      // a field that just appeared (a new row) has not changed: it gets no errors before it is touched
      if (previous !== undefined) report.states.add(pointer);
    };
    if (report.visibility) {
      for (const node of this.plan.nodes) this.nodeVisible.set(node.id, node.gates.every((id) => this.ownVisible(id)));
      for (const placed of this.plan.fields.values()) update(this.states, placed.key, `/${placed.key}`, this.fieldState(placed));
      for (const group of this.plan.groups.values()) {
        this.rowsOf(group.key).forEach((row, index) => {
          for (const placed of group.fields.values()) update(row.states, placed.key, `/${group.key}/${index}/${placed.key}`, this.cellState(group, row, placed));
        });
      }
      return;
    }
    for (const pointer of report.touched) {
      const [key = '', index, cell] = pointer.slice(1).split('/');
      if (cell === undefined) {
        const placed = this.plan.fields.get(key);
        if (placed !== undefined) update(this.states, key, pointer, this.fieldState(placed));
        continue;
      }
      const group = this.plan.groups.get(key);
      const row = group && this.rows.get(key)?.[Number(index)];
      const placed = group?.fields.get(cell);
      if (group && row && placed) update(row.states, cell, pointer, this.cellState(group, row, placed));
    }
  }
}

function merge(a: readonly Rule[], b: readonly Rule[]): readonly Rule[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  return [...new Set([...a, ...b])].sort((x, y) => x.index - y.index);
}
