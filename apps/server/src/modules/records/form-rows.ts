import { normalizeRecordValues, type FieldError } from '@bankforge/data-model';
import {
  FormModel,
  isBudgetExceededError,
  repeatingGroups,
  type CompiledForm,
  type FormDefinition,
  type FormEvaluationBudget,
  type FormRepeatingGroup,
  type FormValues,
} from '@bankforge/form-engine';
import type { Actor } from '../access/actor.js';
import type { RecordOperation } from '../access/role.js';
import type { SqlExecutor } from '../../platform/database/database.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { formProblem } from '../forms/feel-budget.js';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import type { RecordView } from './record-view.js';

/** A record as stored (unmasked): id, version, field and standard values. */
export type StoredRecord = Record<string, unknown> & { id: string; version: number };

/**
 * What a form's rows need from the record store: the same transaction-scoped writes as a direct
 * write of the row's entity, so rows get its normalisation, validation, rights, encryption and audit.
 */
export interface RowStore {
  /** The published model of an entity (looked up before a transaction opens: SQLite has one connection). */
  model(entityKey: string): Promise<EntityModel>;
  /** The actor's view of an entity for an operation (403 when their roles do not allow it). */
  view(model: EntityModel, actor: Actor, operation: RecordOperation): RecordView;
  /** Live records whose `foreignKey` is `parentId`, within the actor's read scope, oldest first. */
  children(sql: SqlExecutor, view: RecordView, actor: Actor, foreignKey: string, parentId: string): Promise<StoredRecord[]>;
  /** `fixed` values are set by the server (the row's reference to its parent), not checked as the actor's input. */
  insert(tx: SqlExecutor, view: RecordView, actor: Actor, input: Record<string, unknown>, fixed: Record<string, unknown>): Promise<void>;
  update(tx: SqlExecutor, view: RecordView, actor: Actor, id: string, version: number, input: Record<string, unknown>): Promise<void>;
  remove(tx: SqlExecutor, view: RecordView, actor: Actor, id: string, version: number): Promise<void>;
}

interface SentRow {
  id?: string;
  version?: number;
  changes: Record<string, unknown>;
}

interface GroupWrite {
  group: FormRepeatingGroup;
  rows: SentRow[];
  existing: StoredRecord[];
  /** False for a group the write did not send: its stored rows stand, and only the record's rules read them. */
  sent: boolean;
}

/** The rows of one group as a read shows them, with the view they were presented through. */
export interface GroupRows {
  key: string;
  view: RecordView;
  rows: Record<string, unknown>[];
}

/** The entities of a form's rows, by key. */
export type RowModels = ReadonlyMap<string, EntityModel>;

/** Splits a write's body: keys naming the form's repeating groups carry rows, the rest are the record's fields. */
export function splitRows(body: Record<string, unknown>, rules: CompiledForm | undefined): { fields: Record<string, unknown>; groups: Map<string, unknown> } {
  const keys = new Set(rules ? repeatingGroups(rules.form.layout).map((g) => g.key) : []);
  const isGroup = (key: string): boolean => keys.has(key) && !rules?.entity.fields.some((f) => f.key === key);
  const entries = Object.entries(body);
  // fromEntries defines own properties, so a crafted "__proto__" key stays a key (and is refused as an unknown field).
  const fields = Object.fromEntries(entries.filter(([key]) => !isGroup(key)));
  return { fields, groups: new Map(entries.filter(([key]) => isGroup(key))) };
}

// a rule the budget stopped keeps where it is in the form, for the problem to name
const toProblem = (e: FieldError): ProblemFieldError => (isBudgetExceededError(e) ? e : { path: e.path, code: e.code, message: e.message, messageZh: e.messageZh });
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function invalidRows(errors: ProblemFieldError[]): ProblemError {
  return formProblem(`The rows are not valid: ${errors.length} problem${errors.length > 1 ? 's' : ''}.`, errors);
}

/**
 * Writes and reads the rows of a form's repeating groups (a customer's contacts) with their
 * parent record: in the parent's transaction, so a bad or stale row leaves nothing written.
 */
export class FormRows {
  constructor(
    private readonly store: RowStore,
    /** What FEEL may spend on each form check of the rows. */
    private readonly budget: () => FormEvaluationBudget = () => ({}),
  ) {}

  /** The models of the form's group entities, looked up before the transaction the rows are written in. */
  async models(form: FormDefinition): Promise<RowModels> {
    const models = new Map<string, EntityModel>();
    for (const group of repeatingGroups(form.layout)) models.set(group.entity, await this.store.model(group.entity));
    return models;
  }

  /**
   * Makes the stored rows of each group sent match the body: rows without an id are created, rows
   * with one are updated when changed, rows no longer listed are soft-deleted. A new record gets
   * every group (none sent means none), so a group's minimum rows holds from the start. The rows
   * of a group not sent stay as stored, and the record's rules that read them are decided with them.
   */
  async save(
    tx: SqlExecutor,
    rules: CompiledForm,
    models: RowModels,
    actor: Actor,
    parent: { id: string; values: Record<string, unknown>; isNew: boolean },
    sent: ReadonlyMap<string, unknown>,
  ): Promise<void> {
    const errors: ProblemFieldError[] = [];
    const writes: GroupWrite[] = [];
    for (const group of repeatingGroups(rules.form.layout)) {
      const model = models.get(group.entity)!;
      const kept = !sent.has(group.key) && !parent.isNew;
      // Rows the actor may not read cannot be weighed for them; such a group is left as it is.
      if (kept && !actor.access.entity(model.key).scope('read')) continue;
      const existing = parent.isNew ? [] : await this.store.children(tx, this.store.view(model, actor, 'read'), actor, group.foreignKey, parent.id);
      if (kept) {
        writes.push({ group, rows: existing.map((r) => ({ id: r.id, version: r.version, changes: {} })), existing, sent: false });
        continue;
      }
      const rows = this.parseRows(group.key, sent.get(group.key) ?? [], errors);
      const known = new Set(existing.map((r) => r.id));
      rows.forEach((row, i) => {
        if (row.id !== undefined && !known.has(row.id)) errors.push({ path: `/${group.key}/${i}/id`, code: 'rowNotFound', message: `${group.entity} ${row.id} is not a row of this record` });
      });
      writes.push({ group, rows, existing, sent: true });
    }
    if (errors.length > 0) throw invalidRows(errors);
    // The writes run even after a form error, so one answer lists every row's problems; the transaction is rolled back then.
    errors.push(...this.formErrors(rules, parent.values, writes));
    for (const write of writes) if (write.sent) await this.apply(tx, models.get(write.group.entity)!, actor, parent.id, write, errors);
    if (errors.length > 0) throw invalidRows(errors.filter((e, i) => errors.findIndex((o) => o.path === e.path && o.code === e.code) === i));
  }

  /** The rows of each group of the form, presented through their entity's view; groups the actor may not read are left out. */
  async read(sql: SqlExecutor, form: FormDefinition, models: RowModels, actor: Actor, parentId: string): Promise<GroupRows[]> {
    const result: GroupRows[] = [];
    for (const group of repeatingGroups(form.layout)) {
      const model = models.get(group.entity)!;
      if (!actor.access.entity(model.key).scope('read')) continue;
      const view = this.store.view(model, actor, 'read');
      const rows = await this.store.children(sql, view, actor, group.foreignKey, parentId);
      result.push({ key: group.key, view, rows: rows.map((r) => view.present(r)) });
    }
    return result;
  }

  private parseRows(key: string, value: unknown, errors: ProblemFieldError[]): SentRow[] {
    if (!Array.isArray(value)) {
      errors.push({ path: `/${key}`, code: 'type', message: 'must be an array of rows' });
      return [];
    }
    return value.flatMap((row: unknown, i): SentRow[] => {
      const path = `/${key}/${i}`;
      if (typeof row !== 'object' || row === null || Array.isArray(row)) {
        errors.push({ path, code: 'type', message: 'must be an object of field values' });
        return [];
      }
      const { id, version, ...changes } = row as Record<string, unknown>;
      if (id === undefined) return [{ changes }];
      if (typeof id !== 'string') errors.push({ path: `${path}/id`, code: 'type', message: 'must be the id of a stored row' });
      else if (typeof version !== 'number' || !Number.isSafeInteger(version)) errors.push({ path: `${path}/version`, code: 'required', message: 'version (the row version you read) is required' });
      else return [{ id, version, changes }];
      return [];
    });
  }

  /**
   * The form's rules over the rows, as the browser ran them: required and hidden cells, read-only
   * cells, row counts and cross-field rules on the group. Computed cells are recomputed into the rows.
   */
  private formErrors(rules: CompiledForm, parentValues: Record<string, unknown>, writes: GroupWrite[]): ProblemFieldError[] {
    const values: FormValues = { ...parentValues };
    const stored = new Map<string, Map<string, StoredRecord>>();
    for (const { group, rows, existing } of writes) {
      const entity = rules.related[group.entity];
      const byId = new Map(existing.map((r) => [r.id, r]));
      stored.set(group.key, byId);
      values[group.key] = rows.map((row) => {
        const base: Record<string, unknown> = {};
        const before = row.id === undefined ? undefined : byId.get(row.id);
        for (const field of entity?.fields ?? []) if (before) base[field.key] = before[field.key];
        return { ...base, ...(entity ? normalizeRecordValues(entity, row.changes) : row.changes) };
      });
    }
    const model = new FormModel(rules, values, { budget: this.budget() });
    const sentKeys = writes.filter((w) => w.sent).map((w) => w.group.key);
    const all = model.validate();
    // a rule the budget stopped (on any row or the record) leaves the write undecided
    const stopped = all.filter(isBudgetExceededError);
    if (stopped.length > 0) return stopped;
    const errors = all.filter((e) => sentKeys.some((k) => e.path === `/${k}` || e.path.startsWith(`/${k}/`))).map(toProblem);
    // The record's own rules that read its rows (at most one head of household) are decided here, where the rows are
    // known: the record-level check ran without them, so what fails only with the rows is reported now.
    const groupKeys = new Set(repeatingGroups(rules.form.layout).map((g) => g.key));
    const identity = (e: FieldError): string => `${e.path}|${e.code}|${e.message}`;
    const withoutRows = new Set(new FormModel(rules, parentValues, { budget: this.budget() }).validate().map(identity));
    for (const e of all) if (!groupKeys.has(e.path.split('/')[1] ?? '') && !withoutRows.has(identity(e))) errors.push(toProblem(e));
    for (const { group, rows, sent } of writes) {
      if (!sent) continue;
      if (model.state.nodes[group.id] === false && rows.length > 0) {
        errors.push({ path: `/${group.key}`, code: 'fieldHidden', message: 'These rows are hidden by the form and cannot be set', messageZh: '该明细已被表单隐藏，不能填写' });
      }
      const shown = (values[group.key] as Record<string, unknown>[]) ?? [];
      rows.forEach((row, i) => {
        const before = row.id === undefined ? undefined : stored.get(group.key)?.get(row.id);
        for (const node of group.fields) {
          const pointer = `/${group.key}/${i}/${node.field}`;
          const state = model.state.fields[pointer];
          const value = shown[i]?.[node.field];
          if (node.value !== undefined) {
            row.changes[node.field] = (model.state.values[group.key] as FormValues[] | undefined)?.[i]?.[node.field] ?? null;
          } else if (!(node.field in row.changes) || !state) {
            continue;
          } else if (!state.visible && value !== null && value !== undefined) {
            errors.push({ path: pointer, code: 'fieldHidden', message: 'This field is hidden by the form and cannot be set', messageZh: '该字段已被表单隐藏，不能填写' });
          } else if (state.readonly && !same(value, before?.[node.field])) {
            errors.push({ path: pointer, code: 'fieldReadonly', message: 'This field is read-only and cannot be changed', messageZh: '该字段为只读，不能修改' });
          }
        }
      });
    }
    return errors;
  }

  private async apply(tx: SqlExecutor, model: EntityModel, actor: Actor, parentId: string, write: GroupWrite, errors: ProblemFieldError[]): Promise<void> {
    const { group, rows, existing } = write;
    const view = (operation: RecordOperation): RecordView => this.store.view(model, actor, operation);
    const byId = new Map(existing.map((r) => [r.id, r]));
    for (const [i, row] of rows.entries()) {
      // The reference to the parent is the server's to set.
      const changes = { ...row.changes };
      delete changes[group.foreignKey];
      await this.atRow(`/${group.key}/${i}`, errors, async () => {
        if (row.id === undefined) return this.store.insert(tx, view('create'), actor, changes, { [group.foreignKey]: parentId });
        const before = byId.get(row.id)!;
        const current = view('update');
        const normalized = normalizeRecordValues(current.model.definition, changes);
        if (Object.keys(normalized).some((key) => !same(normalized[key], before[key]))) return this.store.update(tx, current, actor, row.id, row.version!, changes);
        if (row.version !== before.version) {
          throw ProblemError.conflict('staleVersion', `${group.entity} ${row.id} was changed by someone else since version ${row.version}; reload it and apply your change again.`, {
            expectedVersion: row.version,
            currentVersion: before.version,
          });
        }
      });
    }
    const kept = new Set(rows.map((r) => r.id));
    for (const before of existing) if (!kept.has(before.id)) await this.store.remove(tx, view('delete'), actor, before.id, before.version);
  }

  /** Runs one row's write; its field errors are collected under the row's pointer, any other problem names the row. */
  private async atRow(pointer: string, errors: ProblemFieldError[], work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      const prefixed = error.errors?.map((e) => ({ ...e, path: e.path.startsWith('/') ? pointer + e.path : `${pointer}/${e.path}` }));
      if (error.status === 422 && prefixed && prefixed.length > 0) errors.push(...prefixed);
      else throw new ProblemError(error.status, error.code, error.detail, prefixed, { ...error.extra, row: pointer });
    }
  }
}
