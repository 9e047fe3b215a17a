/**
 * A form's live state for one record: values, visible/required/read-only state per field,
 * computed values and errors. Pure (no I/O, no clock): the renderer, the designer's preview and
 * the server's write check all run this same model.
 */
import { derivedValue, derivingFields, pointerTokens, type EntityDefinition, type FieldError, type RecordTypeCheck } from '@bankforge/data-model';
import type { FormPlan, GroupPlan, Rule } from './compile/form-plan.js';
import { planOf } from './compile/plan-of.js';
import type { FieldState } from './form-definition.js';
import type { CompiledForm, FormModelOptions, FormState, FormValues } from './form-model-api.js';
import { newReport, type ChangeReport } from './model/change-report.js';
import { ErrorBook } from './model/error-book.js';
import { FormRuntime } from './model/form-runtime.js';
import { initialRow, initialValues } from './model/initial-values.js';
import { maxRowsError, minRowsError, requiredError, validationError } from './model/model-errors.js';
import { evaluateOptions } from './model/run-rule.js';
import { isEmptyValue } from './values/feel-values.js';

function rowsOf(value: unknown): Record<string, unknown>[] {
  if (!Array.isArray(value)) throw new TypeError('The rows of a repeating group must be an array');
  return value.map((row) => (typeof row === 'object' && row !== null ? { ...(row as Record<string, unknown>) } : {}));
}

/** Type-check errors that belong to `key`, moved under `prefix` (a row's pointer, or '' on the form). */
function errorsOf(errors: readonly FieldError[], key: string, prefix: string): FieldError[] {
  const own = `/${key}`;
  return errors.filter((e) => e.path === own || e.path.startsWith(`${own}/`)).map((e) => (prefix === '' ? e : { ...e, path: prefix + e.path }));
}

export class FormModel {
  state: FormState;
  private readonly plan: FormPlan;
  private readonly runtime: FormRuntime;
  private readonly errors = new ErrorBook();
  private readonly listeners = new Set<() => void>();
  private readonly typeChecks: Readonly<Record<string, RecordTypeCheck>>;
  /** Today (YYYY-MM-DD) by the host's clock (`now`), for what starts from today (a date picker). */
  readonly today: string | undefined;

  /** A model for a new record: each field starts at its form default, else its entity default. */
  static forNewRecord(compiled: CompiledForm, options?: FormModelOptions): FormModel {
    return new FormModel(compiled, initialValues(planOf(compiled), compiled.entity), options);
  }

  constructor(
    readonly compiled: CompiledForm,
    values: FormValues = {},
    options: FormModelOptions = {},
  ) {
    this.plan = planOf(compiled);
    this.typeChecks = options.typeChecks ?? {};
    this.today = options.now?.slice(0, 10);
    this.runtime = new FormRuntime(this.plan, compiled.entity, values, evaluateOptions(options.now, options.budget), newReport(), options.budget);
    this.state = this.snapshot(null, true);
  }

  /** FEEL evaluations run so far (shows that a change re-ran only the rules depending on it). */
  get evaluationCount(): number {
    return this.runtime.evaluations;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sets one value (`/employer`, `/contacts/0/phone`, or a group's whole rows at `/contacts`). */
  setValue(pointer: string, value: unknown): FormState {
    const tokens = pointerTokens(pointer);
    const report = newReport();
    const [key = '', index, cell] = tokens;
    const group = this.plan.groups.get(key);
    const followed: string[] = [];
    if (tokens.length === 1 && group !== undefined) {
      for (let i = this.runtime.rowsOf(key).length - 1; i >= 0; i--) this.errors.removeRow(key, i);
      this.runtime.setRows(group, rowsOf(value), report);
      this.refreshGroup(group);
    } else if (tokens.length === 1) {
      const before = this.runtime.values[key];
      this.runtime.setValue(key, value, report);
      const open = (k: string) => this.plan.fields.has(k) && this.isOpen(this.runtime.states.get(k));
      for (const [derived, next] of this.followers(this.compiled.entity, key, before, value, this.runtime.values, open)) {
        this.runtime.setValue(derived, next, report);
        followed.push(`/${derived}`);
      }
    } else if (tokens.length === 3 && group !== undefined && cell !== undefined && /^\d+$/.test(index ?? '')) {
      const row = Number(index);
      const before = this.runtime.rowsOf(key)[row]?.values[cell];
      this.runtime.setCell(group, row, cell, value, report);
      const current = this.runtime.rowsOf(key)[row];
      const open = (k: string) => group.fields.has(k) && this.isOpen(current?.states.get(k));
      for (const [derived, next] of this.followers(group.entity, cell, before, value, current?.values ?? {}, open)) {
        this.runtime.setCell(group, row, derived, next, report);
        followed.push(`/${key}/${row}/${derived}`);
      }
    } else {
      throw new RangeError(`${pointer} is not a field of form ${this.compiled.form.key}`);
    }
    return this.changed(report, pointer, followed);
  }

  addRow(groupKey: string, row?: FormValues): FormState {
    const group = this.groupOf(groupKey);
    const report = newReport();
    this.runtime.addRow(group, { ...(row ?? initialRow(group.entity, group.fields)) }, report);
    this.refreshGroup(group);
    return this.changed(report, null);
  }

  removeRow(groupKey: string, index: number): FormState {
    const group = this.groupOf(groupKey);
    const report = newReport();
    this.runtime.removeRow(group, index, report);
    this.errors.removeRow(groupKey, index);
    this.refreshGroup(group);
    return this.changed(report, null);
  }

  /** Checks everything (required, types, cross-field rules, row counts) and publishes the errors. */
  validate(): readonly FieldError[] {
    this.errors.fields.clear();
    const formValues: Record<string, unknown> = {};
    for (const placed of this.plan.fields.values()) {
      const pointer = `/${placed.key}`;
      const state = this.runtime.states.get(placed.key);
      const value = this.runtime.values[placed.key];
      if (!state?.visible) continue;
      if (state.required && isEmptyValue(value)) this.errors.setField(pointer, [requiredError(pointer)]);
      else if (!isEmptyValue(value)) formValues[placed.key] = value;
    }
    this.typeCheckAll(this.compiled.entity.key, formValues, '');
    for (const group of this.plan.groups.values()) {
      this.runtime.rowsOf(group.key).forEach((row, i) => {
        const rowValues: Record<string, unknown> = {};
        for (const placed of group.fields.values()) {
          const pointer = `/${group.key}/${i}/${placed.key}`;
          const state = row.states.get(placed.key);
          const value = row.values[placed.key];
          if (!state?.visible) continue;
          if (state.required && isEmptyValue(value)) this.errors.setField(pointer, [requiredError(pointer)]);
          else if (!isEmptyValue(value)) rowValues[placed.key] = value;
        }
        this.typeCheckAll(group.entity.key, rowValues, `/${group.key}/${i}`);
      });
      this.refreshGroup(group);
    }
    for (const rule of this.plan.rules) if (rule.target.kind === 'validation') this.refreshValidation(rule);
    this.state = this.snapshot(null, false);
    this.notify();
    return this.state.errors;
  }

  /** The values to send: hidden fields (and hidden groups and cells) left out, computed values in. */
  submission(): FormValues {
    const out: FormValues = {};
    for (const placed of this.plan.fields.values()) {
      const value = this.runtime.values[placed.key];
      if (this.runtime.states.get(placed.key)?.visible && value !== undefined) out[placed.key] = value;
    }
    for (const group of this.plan.groups.values()) {
      if (!this.runtime.isNodeVisible(group.node.id)) continue;
      out[group.key] = this.runtime.rowsOf(group.key).map((row) => {
        const values: Record<string, unknown> = {};
        // a stored row keeps its id, so the caller can tell an update from a new row
        if (row.values['id'] !== undefined) values['id'] = row.values['id'];
        for (const placed of group.fields.values()) {
          const value = row.values[placed.key];
          if (row.states.get(placed.key)?.visible && value !== undefined) values[placed.key] = value;
        }
        return values;
      });
    }
    return out;
  }

  // ---- internals -----------------------------------------------------------------------------

  private groupOf(key: string): GroupPlan {
    const group = this.plan.groups.get(key);
    if (group === undefined) throw new RangeError(`Form ${this.compiled.form.key} has no repeating group ${key}`);
    return group;
  }

  /** Whether the reader may fill the field: on screen and not read-only. */
  private isOpen(state: FieldState | undefined): boolean {
    return state !== undefined && state.visible && !state.readonly;
  }

  /**
   * The fields that take their value from `key` (a birth date from a resident ID), with their new
   * values, as `key` changed from `before` to `after`. A value the reader typed is theirs and stays;
   * one that was derived from the previous value follows the new one (or empties with it).
   */
  private followers(entity: EntityDefinition, key: string, before: unknown, after: unknown, values: Readonly<Record<string, unknown>>, open: (key: string) => boolean): Array<[string, unknown]> {
    const out: Array<[string, unknown]> = [];
    for (const { field, source } of derivingFields(entity)) {
      if (source.key !== key || !open(field.key)) continue;
      const current = values[field.key];
      if (!isEmptyValue(current) && current !== derivedValue(field, source, before)) continue;
      const next = derivedValue(field, source, after) ?? null;
      if (next !== (current ?? null)) out.push([field.key, next]);
    }
    return out;
  }

  private changed(report: ChangeReport, pointer: string | null, followed: readonly string[] = []): FormState {
    const refresh = new Set([...report.states, ...followed]);
    if (pointer !== null) {
      const tokens = pointerTokens(pointer);
      if (tokens.length === 3 || !this.plan.groups.has(tokens[0] ?? '')) refresh.add(pointer);
    }
    for (const computed of report.computed) if (this.errors.fields.has(computed)) refresh.add(computed);
    for (const p of refresh) this.refreshField(p);
    for (const rule of report.validations) this.refreshValidation(rule);
    if (report.visibility) {
      for (const rule of [...this.errors.validations.keys()]) this.refreshValidation(rule);
      for (const key of [...this.errors.groups.keys()]) this.refreshGroup(this.groupOf(key));
    }
    this.state = this.snapshot(report, false);
    this.notify();
    return this.state;
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  private typeCheckAll(entityKey: string, values: Record<string, unknown>, prefix: string): void {
    const check = this.typeChecks[entityKey];
    if (check === undefined || Object.keys(values).length === 0) return;
    const errors = check(values);
    for (const key of Object.keys(values)) {
      const own = errorsOf(errors, key, prefix);
      if (own.length > 0) this.errors.setField(`${prefix}/${key}`, own);
    }
  }

  /** Required and type errors of one field (or cell) from its current state and value. */
  private refreshField(pointer: string): void {
    const [key = '', index, cell] = pointerTokens(pointer);
    let state: FieldState | undefined;
    let value: unknown;
    let entityKey = this.compiled.entity.key;
    let fieldKey = key;
    if (cell === undefined) {
      state = this.plan.fields.has(key) ? this.runtime.states.get(key) : undefined;
      value = this.runtime.values[key];
    } else {
      const group = this.plan.groups.get(key);
      const row = this.runtime.rowsOf(key)[Number(index)];
      state = group?.fields.has(cell) ? row?.states.get(cell) : undefined;
      value = row?.values[cell];
      entityKey = group?.entity.key ?? entityKey;
      fieldKey = cell;
    }
    if (!state?.visible) {
      this.errors.setField(pointer, []);
      return;
    }
    if (state.required && isEmptyValue(value)) {
      this.errors.setField(pointer, [requiredError(pointer)]);
      return;
    }
    const check = this.typeChecks[entityKey];
    const prefix = cell === undefined ? '' : `/${key}/${index}`;
    this.errors.setField(pointer, check === undefined || isEmptyValue(value) ? [] : errorsOf(check({ [fieldKey]: value }), fieldKey, prefix));
  }

  private refreshValidation(rule: Rule): void {
    if (rule.target.kind !== 'validation') return;
    const { validation } = rule.target;
    const on = validation.field;
    const shown = on === undefined || (this.plan.groups.has(on) ? this.runtime.isNodeVisible(this.groupOf(on).node.id) : this.runtime.states.get(on)?.visible !== false);
    if (shown && this.runtime.validationFails(rule)) this.errors.validations.set(rule, validationError(on === undefined ? '' : `/${on}`, validation.message));
    else this.errors.validations.delete(rule);
  }

  private refreshGroup(group: GroupPlan): void {
    const count = this.runtime.rowsOf(group.key).length;
    const pointer = `/${group.key}`;
    const { minRows, maxRows } = group.node;
    this.errors.groups.delete(group.key);
    if (!this.runtime.isNodeVisible(group.node.id)) return;
    if (minRows !== undefined && count < minRows) this.errors.groups.set(group.key, minRowsError(pointer, minRows));
    else if (maxRows !== undefined && count > maxRows) this.errors.groups.set(group.key, maxRowsError(pointer, maxRows));
  }

  private snapshot(report: ChangeReport | null, initial: boolean): FormState {
    const previous = initial ? undefined : this.state;
    const values: FormValues = { ...this.runtime.values };
    for (const group of this.plan.groups.values()) values[group.key] = Object.freeze(this.runtime.rowsOf(group.key).map((r) => r.values));
    const fieldsChanged = previous === undefined || report === null || report.states.size > 0 || report.visibility;
    // rules the budget stopped come last: what they decide is unknown, so the values cannot pass
    const errors = [...this.errors.flatten(this.plan, (g) => this.runtime.rowsOf(g).length), ...this.runtime.stopped.values()];
    const sameErrors = previous !== undefined && previous.errors.length === errors.length && errors.every((e, i) => e === previous.errors[i]);
    return Object.freeze({
      values: Object.freeze(values),
      fields: fieldsChanged || previous === undefined ? this.fieldsRecord() : previous.fields,
      nodes: previous === undefined || report === null || report.visibility ? this.nodesRecord() : previous.nodes,
      errors: sameErrors ? previous.errors : Object.freeze(errors),
    });
  }

  private fieldsRecord(): Readonly<Record<string, FieldState>> {
    const fields: Record<string, FieldState> = {};
    for (const [key, state] of this.runtime.states) fields[`/${key}`] = state;
    for (const group of this.plan.groups.values()) {
      this.runtime.rowsOf(group.key).forEach((row, i) => {
        for (const [key, state] of row.states) fields[`/${group.key}/${i}/${key}`] = state;
      });
    }
    return Object.freeze(fields);
  }

  private nodesRecord(): Readonly<Record<string, boolean>> {
    const nodes: Record<string, boolean> = {};
    for (const node of this.plan.nodes) {
      const group = node.group === null ? undefined : this.plan.groups.get(node.group);
      nodes[node.id] = group === undefined ? this.runtime.isNodeVisible(node.id) : this.runtime.columnVisible(group, node.id, node.gates);
    }
    return Object.freeze(nodes);
  }
}
