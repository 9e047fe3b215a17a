import { Inject, Injectable } from '@nestjs/common';
import { applyFieldDefaults, columnKind, decimalShape, fillDerivedValues, fromStoredDatetime, moneyCurrencyColumn, normalizeRecordValues, toStoredDatetime } from '@bankforge/data-model';
import type { CompiledForm } from '@bankforge/form-engine';
import type { Actor } from '../access/actor.js';
import { ownerPredicate, scopePredicate, type SqlPredicate } from '../access/data-scope.js';
import type { RecordOperation } from '../access/role.js';
import { AuditLog, type AuditEvent } from '../audit/audit-log.js';
import { checkPurpose, consentedPredicate } from '../consent/consent.js';
import { FieldCipher } from '../../platform/crypto/field-cipher.js';
import { Database, type SqlExecutor, type SqlValue } from '../../platform/database/database.js';
import type { EntityModel } from '../metadata/entity-model.js';
import { FormCatalog } from '../forms/form-catalog.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { columnsOf, tableNameOf } from '../metadata/physical-schema.js';
import { fieldColumnValues, fieldValueFromRow } from '../metadata/record-codec.js';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';
import { isForeignKeyViolation, uniqueViolationField } from './database-errors.js';
import { recordFilterSql } from './filter-sql.js';
import { ControlledFields } from './controlled-fields.js';
import { FormRows, splitRows, type GroupRows } from './form-rows.js';
import { afterCursor, decodeCursor, encodeCursor, type OrderKey } from './keyset-page.js';
import { SYSTEM_FIELD_NAMES, resolveColumn } from './record-fields.js';
import { DEFAULT_PAGE, MAX_PAGE, type RecordQuery } from './record-query.js';
import { RecordView, auditValue } from './record-view.js';
import { SYSTEM_COLUMNS, auditValues, createValues, obeyForm, recordBody, validateRecord } from './record-checks.js';
import { encodeImportCreate, type PreparedImportCreate } from './import-create.js';
import { refusePlatformWrites } from './platform-writes.js';
import { RecordWriteHooks } from './record-write-hooks.js';
import { AutoNumbers } from './auto-numbers.js';
import { revealSeconds } from './reveal.js';
import { RecordTitles, referencedIds, type RecordTitleMap } from './record-titles.js';
import { AuditRedaction } from '../audit/audit-redaction.js';
import { DirectoryService } from '../auth/directory.service.js';
import { DomainEvents, recordChanges } from '../events/domain-events.js';
import { timeOrderedId } from '../../platform/ids/time-ordered-id.js';

export type RecordExportQuery = Omit<RecordQuery, 'cursor' | 'limit' | 'count'> & {
  /** A processing purpose the entity declares: only records whose customer consented are exported. */
  purpose?: string;
};

interface QueryPlan {
  where: string[];
  params: SqlValue[];
  order: OrderKey[];
  projection: { columns: string[]; fields: Set<string> };
}

/** A count of records and, when asked, a field's total over them: one per currency for money. */
export interface RecordTotal {
  count: number;
  sums?: { amount: string; currency?: string }[];
}

/** A record as the API answers it: field values by key, plus the standard columns in snake case. */
export type RecordData = Record<string, unknown> & { id: string; version: number };

/** A masked value revealed: the field, its value in clear, and for how many seconds it may be shown. */
export interface RevealedValue {
  field: string;
  value: unknown;
  revealSeconds: number;
}

export interface RecordPage {
  items: RecordData[];
  nextCursor: string | null;
  total?: number;
  /** The titles of the records the items refer to, by entity and id: only those the reader may read. */
  titles?: RecordTitleMap;
}

/** Rows per multi-row statement of an import's batch. */
const BULK_ROWS = 100;

/** A create checked and read, ready to write in a transaction. */
interface PreparedCreate {
  view: RecordView;
  rules: CompiledForm | undefined;
  groups: ReadonlyMap<string, unknown>;
  values: Record<string, unknown>;
  models: ReadonlyMap<string, EntityModel>;
}

/**
 * Generic create/read/update/delete/query over any published entity. Values are normalised and
 * validated by the form engine (the same code the browser runs), written with bound parameters to
 * the entity's own table, and every write is one transaction.
 */
@Injectable()
export class RecordsService {
  private readonly inserts = new WeakMap<EntityModel, string>();
  /** A form's rows are written through the same steps as a direct write of their entity. */
  private readonly rows = new FormRows({
    model: (entityKey) => this.metadata.entity(entityKey),
    view: (model, actor, operation) => this.viewOf(model, actor, operation),
    children: (sql, view, actor, foreignKey, parentId) => this.children(sql, view, actor, foreignKey, parentId),
    insert: (tx, view, actor, input, fixed) =>
      this.rowWrite(view.model, () => this.insertIn(tx, view, actor, createValues(view, recordBody(input), undefined, this.forms.budget.forForms(), fixed))),
    update: (tx, view, actor, id, version, input) => this.rowWrite(view.model, () => this.updateIn(tx, view, actor, id, version, input, undefined)),
    remove: async (tx, view, actor, id, version) => {
      await this.setDeletedIn(tx, view, actor, id, version, true);
    },
  }, () => this.forms.budget.forForms());

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(AuditLog) private readonly audit: AuditLog,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
    @Inject(FormCatalog) private readonly forms: FormCatalog,
    @Inject(DirectoryService) directory: DirectoryService,
    @Inject(ControlledFields) private readonly controlled: ControlledFields,
    @Inject(RecordWriteHooks) private readonly hooks: RecordWriteHooks,
    @Inject(AutoNumbers) private readonly numbers: AutoNumbers,
    @Inject(RecordTitles) private readonly titles: RecordTitles,
  ) {
    this.redaction = new AuditRedaction(directory, cipher);
  }

  /** What the audit log keeps of the filters people search and export by. */
  private readonly redaction: AuditRedaction;

  /** The actor's view of the entity, once their roles allow the operation at all (403 otherwise). */
  async viewFor(entityKey: string, actor: Actor, operation: RecordOperation): Promise<RecordView> {
    return this.viewOf(await this.metadata.entity(entityKey), actor, operation);
  }

  private viewOf(model: EntityModel, actor: Actor, operation: RecordOperation): RecordView {
    refusePlatformWrites(this.metadata, model.key, operation);
    const access = actor.access.entity(model.key);
    if (!access.scope(operation)) {
      throw new ProblemError(403, 'forbidden', `Your roles do not allow you to ${operation} ${model.key} records.`, undefined, { operation, entity: model.key });
    }
    return new RecordView(model, access);
  }

  /** The rows the actor's scope for the operation reaches, as a predicate (undefined: all of them). */
  private scope(sql: SqlExecutor, view: RecordView, actor: Actor, operation: RecordOperation): Promise<SqlPredicate | undefined> {
    return scopePredicate(sql, actor, view.access.scope(operation)!);
  }

  /**
   * Creates a record; `formKey` names the form it was entered on, whose rules it must pass (the
   * entity's default form when absent), and the rows of that form's repeating groups are created with it.
   * `owner` names whose record it is (the creator when absent); only the system may name another (the example's seed).
   */
  async create(entityKey: string, body: unknown, actor: Actor, formKey?: string, owner?: string): Promise<RecordData> {
    if (owner !== undefined && actor.kind !== 'system') throw new Error('only the system creates records for another owner');
    const create = await this.prepareCreate(entityKey, body, actor, formKey);
    return this.write(create.view.model, (tx) => this.createIn(tx, create, actor, owner));
  }

  /**
   * The system's bulk load (the example's seed, an import): each record checked and written as
   * `create` writes it (auto numbers, audit, hooks, form rows), all in one transaction, so a
   * thousand records cost one commit. Nothing is written if one fails.
   */
  async createMany(items: readonly { entity: string; values: Record<string, unknown>; owner?: string }[], actor: Actor): Promise<RecordData[]> {
    if (actor.kind !== 'system') throw new Error('only the system creates records in bulk');
    // Everything read before the transaction: a metadata or form lookup inside it could wait on it (SQLite).
    const creates: PreparedCreate[] = [];
    for (const item of items) creates.push(await this.prepareCreate(item.entity, item.values, actor));
    return this.database.transaction(async (tx) => {
      const created: RecordData[] = [];
      for (const [i, create] of creates.entries()) {
        try {
          created.push(await this.createIn(tx, create, actor, items[i]!.owner));
        } catch (error) {
          throw this.uniqueProblem(error, create.view.model) ?? error;
        }
      }
      return created;
    });
  }

  /**
   * One imported row created in the import batch's transaction, checked exactly as a create through
   * the API is (field rules, the form's rules, the entity's validation, flow-owned fields) and
   * written with its audit entry, domain event and hooks. `rules` are read before the transaction.
   */
  async importCreateIn(tx: SqlExecutor, view: RecordView, rules: CompiledForm | undefined, actor: Actor, input: Record<string, unknown>): Promise<RecordData> {
    const { model } = view;
    const values = createValues(view, recordBody(input), rules, this.forms.budget.forForms());
    if (actor.kind !== 'system') await this.controlled.check(model.key, values, applyFieldDefaults(model.definition, {}), tx);
    const record = await this.insertIn(tx, view, actor, values);
    await this.hooks.written(tx, { model, id: record.id, before: null, after: values, actor });
    return record;
  }

  /**
   * Prepared creates written together in the batch's transaction: one multi-row INSERT of the
   * records, one run of their audit entries (chained in order) and one of their domain events, a
   * hundred rows a statement, instead of statements per record. Answers each create's id and
   * version, or the problem that refused it (nothing of it written). A database refusal (a unique
   * value taken) fails the whole call: the caller writes the rows one by one to name the row.
   */
  async importCreateManyIn(tx: SqlExecutor, view: RecordView, actor: Actor, creates: readonly (PreparedImportCreate | ProblemError)[]): Promise<({ id: string; version: number } | ProblemError)[]> {
    const { model } = view;
    const defaults = applyFieldDefaults(model.definition, {});
    const createdAt = new Date().toISOString();
    const now = toStoredDatetime(createdAt);
    const results: ({ id: string; version: number } | ProblemError)[] = [];
    const checked: { at: number; create: PreparedImportCreate }[] = [];
    for (const prepared of creates) {
      if (prepared instanceof ProblemError) {
        results.push(prepared);
        continue;
      }
      try {
        if (actor.kind !== 'system') await this.controlled.check(model.key, prepared.values, defaults, tx);
        const numbered = await this.numbers.assign(tx, model, prepared.values, createdAt, actor);
        // A number given here changes what the row writes: encoded again (a rare entity numbers its imports).
        const create = model.definition.fields.some((f) => numbered[f.key] !== prepared.values[f.key]) ? encodeImportCreate(model, numbered, this.cipher) : prepared;
        checked.push({ at: results.length, create });
        results.push({ id: '', version: 1 });
      } catch (error) {
        if (!(error instanceof ProblemError)) throw error;
        results.push(error);
      }
    }
    // The batch's references checked together: one query per reference field, not one per row.
    const unreadable = await this.referencesReadableMany(tx, actor, model, checked.map((c) => c.create.values));
    const rows: { id: string; create: PreparedImportCreate }[] = [];
    checked.forEach(({ at, create }, i) => {
      const refused = unreadable[i];
      if (refused) {
        results[at] = refused;
        return;
      }
      const id = timeOrderedId();
      rows.push({ id, create });
      results[at] = { id, version: 1 };
    });
    if (rows.length === 0) return results;
    const insert = this.insertSql(model);
    const single = insert.slice(insert.indexOf(' VALUES ') + 8);
    // A hundred rows a statement: its text (values inlined, see Database) stays small enough to die young rather than in V8's large-object space.
    const perStatement = Math.max(1, Math.min(BULK_ROWS, Math.floor(30_000 / (single.split('?').length - 1))));
    for (let i = 0; i < rows.length; i += perStatement) {
      const chunk = rows.slice(i, i + perStatement);
      const params: SqlValue[] = [];
      for (const { id, create } of chunk) {
        const system: Record<string, SqlValue> = { id, created_at: now, created_by: actor.userId, updated_at: now, updated_by: actor.userId, owner_id: actor.userId, version: 1, deleted_at: null };
        params.push(...SYSTEM_COLUMNS.map((c) => system[c] ?? null), ...create.columns);
      }
      await tx.execute(`${insert.slice(0, insert.indexOf(' VALUES ') + 8)}${chunk.map(() => single).join(', ')}`, params);
    }
    await this.audit.appendMany(tx, actor, rows.map(({ id, create }) => ({ action: 'create', entity: model.key, recordId: id, renderedDetail: create.auditDetail })));
    for (let i = 0; i < rows.length; i += BULK_ROWS) {
      await DomainEvents.write(tx, rows.slice(i, i + BULK_ROWS).map(({ id, create }) => ({ type: 'record.created', entity: model.key, recordId: id, renderedChanges: create.renderedChanges })), actor);
    }
    for (const { id, create } of rows) await this.hooks.written(tx, { model, id, before: null, after: create.values, actor });
    return results;
  }

  /**
   * The stored rows of records an import batch updates, read in its transaction within the
   * writer's update scope: one query a hundred records instead of one per record. A row is good
   * for one `importUpdateIn` of its record (a second update of it reads it again).
   */
  async importRowsIn(tx: SqlExecutor, view: RecordView, actor: Actor, ids: readonly string[]): Promise<Map<string, Record<string, unknown>>> {
    const rows = new Map<string, Record<string, unknown>>();
    if (ids.length === 0) return rows;
    const scope = await this.scope(tx, view, actor, 'update');
    for (let i = 0; i < ids.length; i += BULK_ROWS) {
      const chunk = ids.slice(i, i + BULK_ROWS);
      const found = await tx.rows<Record<string, unknown>>(`SELECT * FROM ${this.database.quote(view.model.table)} WHERE id IN (${chunk.map(() => '?').join(', ')})${scope ? ` AND (${scope.sql})` : ''}`, [...chunk, ...(scope?.params ?? [])]);
      for (const row of found) rows.set(String(row.id), row);
    }
    return rows;
  }

  /**
   * One imported row's update of a record in the import batch's transaction, as a PATCH checks it (on the version it reads); answers the values before.
   * `stored`: its row as `importRowsIn` read it in this transaction, when nothing has written the record since.
   */
  async importUpdateIn(tx: SqlExecutor, view: RecordView, rules: CompiledForm | undefined, actor: Actor, id: string, changes: Record<string, unknown>, stored?: Record<string, unknown>): Promise<{ record: RecordData; before: Record<string, unknown> }> {
    const { record, values, before } = await this.updateIn(tx, view, actor, id, 'current', changes, rules, false, stored);
    await this.hooks.written(tx, { model: view.model, id, before, after: values, actor });
    return { record, before };
  }

  /** A rollback's soft delete of a record an import created, unless it changed since (`version`); answers whether it was deleted. */
  async importRemoveIn(tx: SqlExecutor, view: RecordView, actor: Actor, id: string, version: number): Promise<boolean> {
    try {
      await this.setDeletedIn(tx, view, actor, id, version, true);
      return true;
    } catch (error) {
      if (error instanceof ProblemError && (error.status === 404 || error.status === 409)) return false;
      throw error;
    }
  }

  /** The problem a write's database error means (a unique value taken), or undefined for any other error. */
  writeProblem(error: unknown, model: EntityModel): ProblemError | undefined {
    return this.uniqueProblem(error, model);
  }

  /** What a create checks and reads before its transaction: the actor's view, the form's rules, the values. */
  private async prepareCreate(entityKey: string, body: unknown, actor: Actor, formKey?: string): Promise<PreparedCreate> {
    const view = await this.viewFor(entityKey, actor, 'create');
    const { model } = view;
    const rules = await this.forms.rulesFor(model.key, formKey);
    const { fields, groups } = splitRows(recordBody(body), rules);
    const values = createValues(view, fields, rules, this.forms.budget.forForms());
    // The system (an import, the example's seed) writes what it is given; people go through the flow.
    if (actor.kind !== 'system') await this.controlled.check(model.key, values, applyFieldDefaults(model.definition, {}));
    const models = rules ? await this.rows.models(rules.form) : new Map<string, EntityModel>();
    return { view, rules, groups, values, models };
  }

  /** A prepared create written in the caller's transaction: the record, its hooks, its form's rows. */
  private async createIn(tx: SqlExecutor, create: PreparedCreate, actor: Actor, owner: string | undefined): Promise<RecordData> {
    const { view, rules, groups, values, models } = create;
    const model = view.model;
    const record = await this.insertIn(tx, view, actor, values, owner);
    await this.hooks.written(tx, { model, id: record.id, before: null, after: values, actor });
    if (!rules || models.size === 0) return record;
    await this.rows.save(tx, rules, models, actor, { id: record.id, values, isNew: true }, groups);
    return this.withRows(record, await this.rows.read(tx, rules.form, models, actor, record.id));
  }

  /** Inserts a record and its audit entry in the caller's transaction. */
  private async insertIn(tx: SqlExecutor, view: RecordView, actor: Actor, values: Record<string, unknown>, owner = actor.userId): Promise<RecordData> {
    const { model } = view;
    const createdAt = new Date().toISOString();
    const now = toStoredDatetime(createdAt);
    // Auto numbers are taken here, in the insert's transaction: a failed insert gives its number back.
    values = await this.numbers.assign(tx, model, values, createdAt, actor);
    const id = timeOrderedId();
    const system: Record<string, SqlValue> = {
      id,
      created_at: now,
      created_by: actor.userId,
      updated_at: now,
      updated_by: actor.userId,
      owner_id: owner,
      version: 1,
      deleted_at: null,
    };
    const params: SqlValue[] = SYSTEM_COLUMNS.map((c) => system[c] ?? null);
    for (const field of model.definition.fields) params.push(...fieldColumnValues(field, values[field.key], this.cipher));
    // The foreign keys check the references in the same round trip; the audit entry lands with the row or not at all.
    const event: AuditEvent = { action: 'create', entity: model.key, recordId: id, detail: { values: auditValues(model, values) } };
    const created = DomainEvents.insert(tx, [{ type: 'record.created', entity: model.key, recordId: id, changes: recordChanges(model.definition, null, values) }], actor);
    await this.referencesReadable(tx, actor, model, values, model.definition.fields.map((f) => f.key));
    await this.whileReferencesHold(tx, model, values, () => this.audit.appendWith(tx, { sql: this.insertSql(model), params }, actor, event, [created]));
    const record: RecordData = { id, version: 1 };
    for (const field of model.definition.fields) record[field.key] = values[field.key] ?? null;
    return view.present(this.withSystemFields(record, system));
  }

  /** A record with the rows of its form's groups under the groups' keys. */
  private withRows(record: RecordData, groups: GroupRows[]): RecordData {
    const result: RecordData = { ...record };
    for (const group of groups) result[group.key] = group.rows;
    return result;
  }

  /** Built once per entity version: a create is the hot path of every import. */
  private insertSql(model: EntityModel): string {
    const cached = this.inserts.get(model);
    if (cached) return cached;
    const q = (id: string): string => this.database.quote(id);
    const columns = [...SYSTEM_COLUMNS, ...model.definition.fields.flatMap((f) => columnsOf(f).map((c) => c.name))];
    const sql = `INSERT INTO ${q(model.table)} (${columns.map(q).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    this.inserts.set(model, sql);
    return sql;
  }

  /**
   * A record outside the actor's read scope answers 404, like one that does not exist: its existence
   * is not theirs to know. The form's (or the default form's) repeating groups bring their rows.
   */
  async read(entityKey: string, id: string, includeDeleted: boolean, actor: Actor, formKey?: string): Promise<RecordData> {
    const view = await this.viewFor(entityKey, actor, 'read');
    const { model } = view;
    const form = await this.forms.formFor(model.key, formKey);
    const models = form ? await this.rows.models(form.definition) : new Map<string, EntityModel>();
    const { row, groups } = await this.database.read(async (sql) => {
      const found = await this.row(sql, model, id, await this.scope(sql, view, actor, 'read'));
      return { row: found, groups: found && form ? await this.rows.read(sql, form.definition, models, actor, id) : [] };
    });
    if (!row || (row.deleted_at !== null && !includeDeleted)) throw this.notFound(model, id);
    const sensitive = view.clearSensitiveFields();
    if (sensitive.length > 0) await this.audit.record(actor, { action: 'read', entity: model.key, recordId: id, detail: { fields: sensitive } });
    for (const group of groups) {
      const fields = group.view.clearSensitiveFields();
      if (fields.length > 0 && group.rows.length > 0) {
        await this.audit.record(actor, { action: 'read', entity: group.view.model.key, detail: { fields, records: group.rows.length, parent: { entity: model.key, id } } });
      }
    }
    return this.withRows(view.present(this.fromRow(model, row)), groups);
  }

  /**
   * Reveals one masked field of one record, for someone whose role may unmask, for a reason they
   * give; always audited with the reason. The answer says how long the runtime shows it in clear.
   */
  async unmask(entityKey: string, id: string, fieldKey: string, reason: string, actor: Actor): Promise<RevealedValue> {
    const view = await this.viewFor(entityKey, actor, 'read');
    const { model } = view;
    const field = model.fieldsByKey.get(fieldKey);
    if (!field || !view.visible(field)) {
      throw ProblemError.invalid('There is no such field to unmask.', [{ path: '/field', code: 'unknownField', message: `${fieldKey} is not a field you can see` }]);
    }
    if (!view.access.unmask && view.fieldView(field).see === 'masked') throw new ProblemError(403, 'forbidden', `Your roles do not allow you to unmask ${model.key} fields.`);
    return this.database.transaction(async (sql) => {
      const row = await this.row(sql, model, id, await this.scope(sql, view, actor, 'read'));
      if (!row) throw this.notFound(model, id);
      await this.audit.append(sql, actor, { action: 'unmask', entity: model.key, recordId: id, detail: { field: field.key, reason } });
      return { field: field.key, value: fieldValueFromRow(field, row, this.cipher), revealSeconds: revealSeconds() };
    });
  }

  /**
   * Changes the given fields; `version` must be the one the caller read, or the answer is 409. Rows
   * sent for the form's repeating groups replace the stored ones in the same transaction.
   */
  async update(entityKey: string, id: string, body: unknown, actor: Actor, formKey?: string): Promise<RecordData> {
    const view = await this.viewFor(entityKey, actor, 'update');
    const { version, ...changes } = this.patchBody(body);
    const rules = await this.forms.rulesFor(view.model.key, formKey);
    const { fields, groups } = splitRows(changes, rules);
    const models = rules ? await this.rows.models(rules.form) : new Map<string, EntityModel>();
    return this.write(view.model, async (tx) => {
      const { record, values, before } = await this.updateIn(tx, view, actor, id, version, fields, rules);
      await this.hooks.written(tx, { model: view.model, id, before, after: values, actor });
      if (!rules || models.size === 0) return record;
      await this.rows.save(tx, rules, models, actor, { id, values, isNew: false }, groups);
      return groups.size === 0 ? record : this.withRows(record, await this.rows.read(tx, rules.form, models, actor, id));
    });
  }

  /** Updates a record and appends its audit entry in the caller's transaction; answers it presented, and its values as stored. */
  private async updateIn(
    tx: SqlExecutor,
    view: RecordView,
    actor: Actor,
    id: string,
    /** The version the change was made on; `current`: whatever this transaction reads (an approval flow's own write). */
    expected: number | 'current',
    changes: Record<string, unknown>,
    rules: CompiledForm | undefined,
    byFlow = false,
    /** The record's row already read in this transaction within the update scope (an import batch's). */
    stored?: Record<string, unknown>,
  ): Promise<{ record: RecordData; values: Record<string, unknown>; before: Record<string, unknown> }> {
    const { model } = view;
    view.checkWritable(Object.keys(changes));
    const sent = normalizeRecordValues(model.definition, recordBody(changes));
    const row = stored ?? (await this.row(tx, model, id, await this.scope(tx, view, actor, 'update')));
    if (!row) throw this.notFound(model, id);
    if (row.deleted_at !== null) throw ProblemError.conflict('recordDeleted', `${model.key} ${id} is deleted; restore it first.`);
    const version = expected === 'current' ? Number(row.version) : expected;
    this.checkVersion(model, id, Number(row.version), version);
    const current = this.fromRow(model, row);
    // Fields an approval flow owns change only through the flow's own writes.
    if (!byFlow && actor.kind !== 'system') await this.controlled.check(model.key, sent, current, tx);
    this.numbers.checkUnchanged(model, sent, current, actor);
    // A birth date left empty is read from the resident ID (the one sent, else the stored one).
    const normalized = fillDerivedValues(model.definition, rules ? obeyForm(rules, this.forms.budget.forForms(), current, sent) : sent, current);
    const merged: Record<string, unknown> = {};
    for (const field of model.definition.fields) merged[field.key] = field.key in normalized ? normalized[field.key] : current[field.key];
    // defineProperty: an unknown key such as `__proto__` stays a key the validator refuses, not a prototype.
    for (const key of Object.keys(normalized)) if (!model.fieldsByKey.has(key)) Object.defineProperty(merged, key, { value: normalized[key], enumerable: true, writable: true, configurable: true });
    validateRecord(model, merged);
    const now = toStoredDatetime(new Date().toISOString());
    const assignments: string[] = [];
    const params: SqlValue[] = [];
    for (const key of Object.keys(normalized)) {
      const field = model.fieldsByKey.get(key)!;
      columnsOf(field).forEach((c) => assignments.push(`${this.database.quote(c.name)} = ?`));
      params.push(...fieldColumnValues(field, merged[key], this.cipher));
    }
    assignments.push('version = version + 1', 'updated_at = ?', 'updated_by = ?');
    params.push(now, actor.userId, id, version);
    const changeLog: Record<string, { before: unknown; after: unknown }> = {};
    for (const key of Object.keys(normalized)) {
      const field = model.fieldsByKey.get(key)!;
      const before = current[key] ?? null;
      const after = merged[key] ?? null;
      if (JSON.stringify(before) !== JSON.stringify(after)) changeLog[key] = { before: auditValue(field, before), after: auditValue(field, after) };
    }
    const update = { sql: `UPDATE ${this.database.quote(model.table)} SET ${assignments.join(', ')} WHERE id = ? AND version = ?`, params };
    const event: AuditEvent = { action: 'update', entity: model.key, recordId: id, detail: { version: version + 1, changes: changeLog } };
    const updated = DomainEvents.insert(tx, [{ type: 'record.updated', entity: model.key, recordId: id, changes: recordChanges(model.definition, current, merged, Object.keys(changeLog)) }], actor);
    await this.referencesReadable(tx, actor, model, merged, Object.keys(changeLog));
    if (!(await this.whileReferencesHold(tx, model, merged, () => this.audit.appendWith(tx, update, actor, event, [updated])))) throw this.stale(model, id, version);
    const result: RecordData = { ...current, id, version: version + 1 };
    for (const field of model.definition.fields) result[field.key] = merged[field.key] ?? null;
    return { record: view.present({ ...result, updated_at: fromStoredDatetime(now), updated_by: actor.userId }), values: merged, before: current };
  }

  /**
   * A record's stored values, read as the server (no scope, no field rules) in the caller's
   * transaction: what an approval flow reads of the record its case is about. Never answered as is.
   * The model is the caller's: looking it up inside a transaction could wait on a second connection.
   */
  async readIn(tx: SqlExecutor, model: EntityModel, id: string): Promise<RecordData | undefined> {
    const row = await this.row(tx, model, id, undefined);
    return row && row.deleted_at === null ? this.fromRow(model, row) : undefined;
  }

  /**
   * An approval flow's write of its record (status, approved amount, ...), in the flow command's
   * transaction: validated and audited like any update, by `actor` (the flow acting for the person
   * whose action caused it), whatever the record's version; the fields it owns are writable here only.
   */
  async applyFlowWrite(tx: SqlExecutor, model: EntityModel, id: string, values: Record<string, unknown>, actor: Actor): Promise<RecordData> {
    const view = this.viewOf(model, actor, 'update');
    return (await this.updateIn(tx, view, actor, id, 'current', values, undefined, true)).record;
  }

  /** Soft delete: the row stays (and keeps its unique values) until an administrator purges it. */
  async remove(entityKey: string, id: string, expectedVersion: number | undefined, actor: Actor): Promise<RecordData> {
    return this.setDeleted(entityKey, id, expectedVersion, actor, true);
  }

  async restore(entityKey: string, id: string, expectedVersion: number | undefined, actor: Actor): Promise<RecordData> {
    return this.setDeleted(entityKey, id, expectedVersion, actor, false);
  }

  private async setDeleted(entityKey: string, id: string, expectedVersion: number | undefined, actor: Actor, deleted: boolean): Promise<RecordData> {
    const view = await this.viewFor(entityKey, actor, 'delete');
    return this.database.transaction((tx) => this.setDeletedIn(tx, view, actor, id, expectedVersion, deleted));
  }

  /** Soft-deletes or restores a record and appends its audit entry in the caller's transaction. */
  private async setDeletedIn(tx: SqlExecutor, view: RecordView, actor: Actor, id: string, expectedVersion: number | undefined, deleted: boolean): Promise<RecordData> {
    const { model } = view;
    const row = await this.row(tx, model, id, await this.scope(tx, view, actor, 'delete'));
    if (!row) throw this.notFound(model, id);
    if ((row.deleted_at !== null) === deleted) {
      throw ProblemError.conflict(deleted ? 'recordDeleted' : 'recordNotDeleted', `${model.key} ${id} is ${deleted ? 'already' : 'not'} deleted.`);
    }
    const version = Number(row.version);
    if (expectedVersion !== undefined) this.checkVersion(model, id, version, expectedVersion);
    const now = toStoredDatetime(new Date().toISOString());
    const update = {
      sql: `UPDATE ${this.database.quote(model.table)} SET deleted_at = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE id = ? AND version = ?`,
      params: [deleted ? now : null, now, actor.userId, id, version],
    };
    const event: AuditEvent = { action: deleted ? 'delete' : 'restore', entity: model.key, recordId: id, detail: { version: version + 1 } };
    const domainEvent = DomainEvents.insert(tx, [{ type: deleted ? 'record.deleted' : 'record.restored', entity: model.key, recordId: id, changes: {} }], actor);
    if (!(await this.audit.appendWith(tx, update, actor, event, [domainEvent]))) throw this.stale(model, id, version);
    return view.present(this.fromRow(model, { ...row, deleted_at: deleted ? now : null, version: version + 1, updated_at: now, updated_by: actor.userId }));
  }

  /** A parent's live child records (its form's rows) within the actor's read scope, oldest first. */
  private async children(sql: SqlExecutor, view: RecordView, actor: Actor, foreignKey: string, parentId: string): Promise<RecordData[]> {
    const { model } = view;
    const q = (id: string): string => this.database.quote(id);
    const scope = await this.scope(sql, view, actor, 'read');
    const rows = await sql.rows(
      `SELECT * FROM ${q(model.table)} WHERE ${q(foreignKey)} = ? AND deleted_at IS NULL${scope ? ` AND (${scope.sql})` : ''} ORDER BY created_at, id`,
      [parentId, ...(scope?.params ?? [])],
    );
    return rows.map((row) => this.fromRow(model, row));
  }

  async query(entityKey: string, query: RecordQuery, actor: Actor): Promise<RecordPage> {
    const view = await this.viewFor(entityKey, actor, 'read');
    const plan = this.queryPlan(view, query);
    const references = view.model.definition.fields.filter((f) => f.type === 'reference' && plan.projection.fields.has(f.key) && view.visible(f));
    const titles = await this.titles.lookup(actor, references.map((f) => f.reference!.entity));
    const page = await this.database.read(async (sql) => {
      const scope = await this.scope(sql, view, actor, 'read');
      const found = await this.page(sql, view, plan, scope, query.cursor, query.limit ?? DEFAULT_PAGE, query.count === true);
      // Titles of what the page refers to, in the same read: a batched lookup per entity, never a query per row.
      const wanted = referencedIds(references, found.items);
      if (wanted.size > 0) found.titles = await titles.in(sql, wanted);
      return found;
    });
    const sensitive = view.clearSensitiveFields().filter((key) => plan.projection.fields.has(key));
    if (sensitive.length > 0 && page.items.length > 0) {
      await this.audit.record(actor, { action: 'read', entity: view.model.key, detail: { fields: sensitive, records: page.items.length, filter: await this.redaction.filter(view.model.definition, query.filter) } });
    }
    return page;
  }

  /** The titles of some records of an entity the actor may read (those outside their scope are left out). */
  async titlesOf(entityKey: string, ids: readonly string[], actor: Actor): Promise<Record<string, string>> {
    await this.viewFor(entityKey, actor, 'read');
    const titles = await this.titles.of(actor, new Map([[entityKey, new Set(ids)]]));
    return titles[entityKey] ?? {};
  }

  /**
   * How many records a filter matches within the reader's read scope, and the total of a number or
   * money field over them (per currency for money). Only a field the reader sees in clear is summed:
   * a total of masked or hidden values would tell them what they may not read (403, as a filter on it).
   */
  async total(entityKey: string, query: Pick<RecordQuery, 'filter'>, sumField: string | undefined, actor: Actor): Promise<RecordTotal> {
    const view = await this.viewFor(entityKey, actor, 'read');
    const plan = this.queryPlan(view, { ...query, fields: ['id'] });
    const column = sumField === undefined ? undefined : resolveColumn(view.model, sumField);
    if (sumField !== undefined) {
      const denial = column && view.columnDenial(column, 'filter', '/sum');
      if (denial) throw new ProblemError(403, denial.code, 'Your roles do not allow a total of this field.', [denial]);
      if (!column?.field || (column.kind !== 'integer' && column.kind !== 'decimal')) {
        throw ProblemError.invalid('Only number and money fields have totals.', [{ path: '/sum', code: 'notSummable', message: `${sumField} is not a number or money field of ${view.model.key}` }], 'invalidQuery');
      }
    }
    const field = column?.field;
    const money = field !== undefined && columnKind(field) === 'money';
    const q = (id: string): string => this.database.quote(id);
    return this.database.read(async (sql) => {
      const scope = await this.scope(sql, view, actor, 'read');
      const where = scope ? [...plan.where, `(${scope.sql})`] : plan.where;
      const params = scope ? [...plan.params, ...scope.params] : plan.params;
      const whereSql = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
      const selected = ['COUNT(*) AS n', ...(column ? [`SUM(${q(column.column)}) AS total`] : []), ...(money ? [`${q(moneyCurrencyColumn(field.key))} AS currency`] : [])];
      const rows = await sql.rows<{ n: number | string; total?: number | string | null; currency?: string | null }>(
        `SELECT ${selected.join(', ')} FROM ${q(view.model.table)}${whereSql}${money ? ` GROUP BY ${q(moneyCurrencyColumn(field.key))}` : ''}`,
        params,
      );
      const count = rows.reduce((n, row) => n + Number(row.n), 0);
      if (!field) return { count };
      const scale = field.type === 'integer' ? 0 : decimalShape(field).scale;
      // MySQL answers a DECIMAL total exactly, as text; SQLite as a double, written to the field's scale.
      const sums = rows.filter((row) => row.total !== null && row.total !== undefined).map((row) => ({
        amount: typeof row.total === 'string' ? row.total : Number(row.total).toFixed(scale),
        ...(money ? { currency: String(row.currency ?? '') } : {}),
      }));
      return { count, sums };
    });
  }

  /**
   * Every record the actor's export scope reaches, a keyset page at a time (never the whole result
   * in memory), shown as their field rules say. The export is audited before the first row leaves.
   */
  async export(entityKey: string, query: RecordExportQuery, actor: Actor, format: string): Promise<{ columns: string[]; pages: AsyncGenerator<RecordData[], void, undefined> }> {
    const view = await this.viewFor(entityKey, actor, 'export');
    const plan = this.queryPlan(view, query);
    if (query.purpose !== undefined) {
      checkPurpose(view.model, query.purpose, '/purpose');
      const consented = consentedPredicate(view.model, query.purpose, (id) => this.database.quote(id));
      plan.where.push(consented.sql);
      plan.params.push(...consented.params);
    }
    await this.audit.record(actor, {
      action: 'export',
      entity: view.model.key,
      detail: { format, filter: await this.redaction.filter(view.model.definition, query.filter), fields: [...plan.projection.fields], purpose: query.purpose ?? null },
    });
    const wanted = plan.projection.fields;
    // The order records are built in: id, version, the entity's fields, then the standard columns.
    const columns = [
      'id',
      'version',
      ...view.model.definition.fields.filter((f) => wanted.has(f.key)).map((f) => f.key),
      ...SYSTEM_COLUMNS.filter((c) => c !== 'id' && c !== 'version' && wanted.has(c)),
    ];
    const database = this.database;
    const scope = (sql: SqlExecutor): Promise<SqlPredicate | undefined> => this.scope(sql, view, actor, 'export');
    const page = (sql: SqlExecutor, cursor: string | undefined, where: SqlPredicate | undefined): Promise<RecordPage> => this.page(sql, view, plan, where, cursor, MAX_PAGE, false);
    async function* pages(): AsyncGenerator<RecordData[], void, undefined> {
      let cursor: string | undefined;
      do {
        const next = await database.read(async (sql) => page(sql, cursor, await scope(sql)));
        if (next.items.length > 0) yield next.items;
        cursor = next.nextCursor ?? undefined;
      } while (cursor);
    }
    return { columns, pages: pages() };
  }

  /** Compiles a query's filter, sort and projection once, refusing (403) what the actor's field rules forbid. */
  private queryPlan(view: RecordView, query: Pick<RecordQuery, 'filter' | 'sort' | 'fields' | 'deleted'>): QueryPlan {
    const { model } = view;
    const errors: ProblemFieldError[] = [];
    const where: string[] = [];
    const params: SqlValue[] = [];
    const deleted = query.deleted ?? 'exclude';
    if (deleted !== 'include') where.push(`deleted_at IS ${deleted === 'only' ? 'NOT ' : ''}NULL`);
    const denied: ProblemFieldError[] = [];
    if (query.filter) {
      // `within` counts its calendar periods (UTC) from the server's clock.
      const filter = recordFilterSql(view, query.filter, { dialect: this.database.dialect, blindIndex: (text) => this.cipher.blindIndex(text), now: new Date() });
      where.push(filter.where.sql);
      params.push(...filter.where.params);
      errors.push(...filter.errors);
      denied.push(...filter.denied);
    }

    const order: OrderKey[] = [];
    (query.sort ?? []).forEach((key, index) => {
      const path = `/sort/${index}/field`;
      const column = resolveColumn(model, key.field);
      const denial = column && view.columnDenial(column, 'sort', path);
      if (!column) errors.push({ path, code: 'unknownField', message: `${key.field} is not a field of ${model.key}` });
      else if (denial) denied.push(denial);
      else if (!column.sortable) errors.push({ path, code: 'notSortable', message: `${key.field} is not indexed, so lists cannot sort on it` });
      else if (column.name !== 'id') order.push({ column, direction: key.direction ?? 'asc' });
    });
    order.push({ column: resolveColumn(model, 'id')!, direction: 'asc' });

    const projection = this.projection(view, query.fields, errors, denied);
    if (denied.length > 0) throw new ProblemError(403, denied[0]!.code, 'Your roles do not allow this query on some of these fields.', denied);
    if (errors.length > 0) throw ProblemError.invalid('The query is not valid.', errors, 'invalidQuery');
    return { where, params, order, projection };
  }

  private async page(sql: SqlExecutor, view: RecordView, plan: QueryPlan, scope: SqlPredicate | undefined, cursor: string | undefined, limit: number, count: boolean): Promise<RecordPage> {
    const { model } = view;
    const q = (id: string): string => this.database.quote(id);
    const baseWhere = scope ? [...plan.where, `(${scope.sql})`] : [...plan.where];
    const baseParams = scope ? [...plan.params, ...scope.params] : [...plan.params];
    const where = [...baseWhere];
    const params = [...baseParams];
    if (cursor) {
      const after = afterCursor(plan.order, decodeCursor(plan.order, cursor), this.database.dialect, q);
      where.push(after.sql);
      params.push(...after.params);
    }
    const whereSql = where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '';
    const orderSql = plan.order.map((k) => `${q(k.column.column)} ${k.direction.toUpperCase()}`).join(', ');
    const selectColumns = [...new Set([...plan.projection.columns, ...plan.order.map((k) => k.column.column)])].map(q).join(', ');
    const rows = await sql.rows(`SELECT ${selectColumns} FROM ${q(model.table)}${whereSql} ORDER BY ${orderSql} LIMIT ${limit + 1}`, params);
    const more = rows.length > limit;
    const page = more ? rows.slice(0, limit) : rows;
    const result: RecordPage = {
      items: page.map((row) => view.present(this.fromRow(model, row, plan.projection.fields))),
      nextCursor: more ? encodeCursor(plan.order, page[page.length - 1]!) : null,
    };
    if (count) {
      const countWhere = baseWhere.length > 0 ? ` WHERE ${baseWhere.join(' AND ')}` : '';
      const [total] = await sql.rows<{ total: number | string }>(`SELECT COUNT(*) AS total FROM ${q(model.table)}${countWhere}`, baseParams);
      result.total = Number(total?.total ?? 0);
    }
    return result;
  }

  private projection(view: RecordView, fields: string[] | undefined, errors: ProblemFieldError[], denied: ProblemFieldError[]): { columns: string[]; fields: Set<string> } {
    const { model } = view;
    const visibleFields = model.definition.fields.filter((f) => view.visible(f)).map((f) => f.key);
    const wanted = new Set(fields ?? [...SYSTEM_FIELD_NAMES, ...visibleFields]);
    wanted.add('id');
    wanted.add('version');
    const columns: string[] = [];
    for (const [index, name] of (fields ?? []).entries()) {
      const field = model.fieldsByKey.get(name);
      if (!SYSTEM_FIELD_NAMES.includes(name) && !field) {
        errors.push({ path: `/fields/${index}`, code: 'unknownField', message: `${name} is not a field of ${model.key}` });
      } else if (field && !view.visible(field)) {
        denied.push({ path: `/fields/${index}`, code: 'fieldNotPermitted', message: `You may not use ${name}` });
      }
    }
    for (const name of wanted) {
      const field = model.fieldsByKey.get(name);
      if (field) columns.push(...columnsOf(field).map((c) => c.name));
      else if (SYSTEM_FIELD_NAMES.includes(name)) columns.push(name);
    }
    return { columns, fields: wanted };
  }

  private fromRow(model: EntityModel, row: Record<string, unknown>, only?: Set<string>): RecordData {
    const record: RecordData = { id: String(row.id), version: Number(row.version) };
    for (const field of model.definition.fields) {
      if (!only || only.has(field.key)) record[field.key] = fieldValueFromRow(field, row, this.cipher);
    }
    return this.withSystemFields(record, row, only);
  }

  private withSystemFields(record: RecordData, row: Record<string, unknown>, only?: Set<string>): RecordData {
    for (const name of SYSTEM_COLUMNS) {
      if (name === 'id' || name === 'version' || (only && !only.has(name))) continue;
      const value = row[name] ?? null;
      record[name] = name.endsWith('_at') ? fromStoredDatetime(value) : value;
    }
    return record;
  }

  private async row(sql: SqlExecutor, model: EntityModel, id: string, scope: SqlPredicate | undefined): Promise<Record<string, unknown> | undefined> {
    const [row] = await sql.rows(`SELECT * FROM ${this.database.quote(model.table)} WHERE id = ?${scope ? ` AND (${scope.sql})` : ''}`, [id, ...(scope?.params ?? [])]);
    return row;
  }

  /** Runs a write in a transaction, turning the database's constraint errors into problems. */
  private async write<T>(model: EntityModel, work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    try {
      return await this.database.transaction(work);
    } catch (error) {
      throw this.uniqueProblem(error, model) ?? error;
    }
  }

  /** Runs one row's write, so a unique value it clashes on is named on the row rather than on its parent. */
  private async rowWrite(model: EntityModel, work: () => Promise<unknown>): Promise<void> {
    try {
      await work();
    } catch (error) {
      throw this.uniqueProblem(error, model) ?? error;
    }
  }

  /** The 409 answer to a write that broke a unique index of the entity, or undefined for any other error. */
  private uniqueProblem(error: unknown, model: EntityModel): ProblemError | undefined {
    const field = uniqueViolationField(error, model);
    if (!field) return undefined;
    const key = field === 'unknown' ? undefined : field.key;
    return new ProblemError(
      409,
      'uniqueViolation',
      key ? `Another ${model.key} already has this ${key}.` : `Another ${model.key} already has one of these unique values.`,
      key ? [{ path: `/${key}`, code: 'unique', message: `${key} must be unique` }] : undefined,
      key ? { field: key } : undefined,
    );
  }

  /**
   * Runs a write that the database's foreign keys guard. When one fails, the references are looked
   * up to answer which field points at a record that does not exist.
   */
  /**
   * A new or changed reference must point at a record the writer may read: one outside their scope
   * is refused exactly like one that does not exist, so a write can neither link to nor probe for
   * records they cannot see. References left as they were stay, even if the target has since left the writer's scope.
   */
  private async referencesReadable(sql: SqlExecutor, actor: Actor, model: EntityModel, values: Record<string, unknown>, keys: readonly string[]): Promise<void> {
    const errors: ProblemFieldError[] = [];
    for (const key of keys) {
      const field = model.fieldsByKey.get(key);
      const value = values[key];
      if (field?.type !== 'reference' || !field.reference || typeof value !== 'string') continue;
      const target = field.reference.entity;
      const scope = await ownerPredicate(sql, actor, actor.access.entity(target).scope('read'));
      if (!scope) continue; // every record of the target: the foreign key alone decides
      const visible = scope('owner_id');
      const [found] = await sql.rows(`SELECT id FROM ${this.database.quote(tableNameOf(target))} WHERE id = ? AND ${visible.sql}`, [value, ...visible.params]);
      if (!found) errors.push(this.missingReference(field.key, target));
    }
    if (errors.length > 0) throw ProblemError.invalid('A referenced record does not exist.', errors, 'referenceNotFound');
  }

  /**
   * `referencesReadable` for many records' values at once (an import's batch): each reference
   * field's distinct values are looked up in one query within the writer's read scope. Answers,
   * per record, the problem `referencesReadable` would throw for it, or undefined.
   */
  private async referencesReadableMany(sql: SqlExecutor, actor: Actor, model: EntityModel, records: readonly Record<string, unknown>[]): Promise<(ProblemError | undefined)[]> {
    const errors: ProblemFieldError[][] = records.map(() => []);
    for (const field of model.definition.fields) {
      if (field.type !== 'reference' || !field.reference) continue;
      const target = field.reference.entity;
      const wanted = new Set<string>();
      for (const values of records) if (typeof values[field.key] === 'string') wanted.add(values[field.key] as string);
      if (wanted.size === 0) continue;
      const scope = await ownerPredicate(sql, actor, actor.access.entity(target).scope('read'));
      if (!scope) continue; // every record of the target: the foreign key alone decides
      const visible = scope('owner_id');
      const readable = new Set<string>();
      const ids = [...wanted];
      for (let i = 0; i < ids.length; i += BULK_ROWS) {
        const chunk = ids.slice(i, i + BULK_ROWS);
        const found = await sql.rows<{ id: string }>(`SELECT id FROM ${this.database.quote(tableNameOf(target))} WHERE id IN (${chunk.map(() => '?').join(', ')}) AND ${visible.sql}`, [...chunk, ...visible.params]);
        for (const row of found) readable.add(row.id);
      }
      records.forEach((values, i) => {
        const value = values[field.key];
        if (typeof value === 'string' && !readable.has(value)) errors[i]!.push(this.missingReference(field.key, target));
      });
    }
    return errors.map((found) => (found.length > 0 ? ProblemError.invalid('A referenced record does not exist.', found, 'referenceNotFound') : undefined));
  }

  private missingReference(key: string, target: string): ProblemFieldError {
    return { path: `/${key}`, code: 'reference', message: `${key} refers to a ${target} that does not exist` };
  }

  private async whileReferencesHold<T>(sql: SqlExecutor, model: EntityModel, values: Record<string, unknown>, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (!isForeignKeyViolation(error)) throw error;
      const errors: ProblemFieldError[] = [];
      for (const field of model.definition.fields) {
        const value = values[field.key];
        if (field.type !== 'reference' || typeof value !== 'string' || !field.reference) continue;
        const [found] = await sql.rows(`SELECT id FROM ${this.database.quote(tableNameOf(field.reference.entity))} WHERE id = ?`, [value]);
        if (!found) errors.push(this.missingReference(field.key, field.reference.entity));
      }
      throw ProblemError.invalid('A referenced record does not exist.', errors, 'referenceNotFound');
    }
  }

  private patchBody(body: unknown): { version: number } & Record<string, unknown> {
    const object = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
    if (!object || typeof object.version !== 'number' || !Number.isSafeInteger(object.version)) {
      throw ProblemError.invalid('An update carries the version it was based on.', [
        { path: '/version', code: 'required', message: 'version (the record version you read) is required' },
      ]);
    }
    return object as { version: number } & Record<string, unknown>;
  }

  private checkVersion(model: EntityModel, id: string, current: number, expected: number): void {
    if (current !== expected) throw this.stale(model, id, expected, current);
  }

  private stale(model: EntityModel, id: string, expected: number, current?: number): ProblemError {
    return ProblemError.conflict(
      'staleVersion',
      `${model.key} ${id} was changed by someone else since version ${expected}; reload it and apply your change again.`,
      current === undefined ? { expectedVersion: expected } : { expectedVersion: expected, currentVersion: current },
    );
  }

  private notFound(model: EntityModel, id: string): ProblemError {
    return ProblemError.notFound('recordNotFound', `There is no ${model.key} with id ${id}.`);
  }
}
