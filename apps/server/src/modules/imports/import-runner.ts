import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { blindIndexColumn, isEncrypted } from '@bankforge/data-model';
import type { CompiledForm } from '@bankforge/form-engine';
import type { ImportColumn, ImportFormat, ImportMatchRule, ImportProblem } from '@bankforge/client';
import { positiveInteger, SERVER_CONFIG, type ServerConfig } from '../../platform/config/server-config.js';
import { FieldCipher } from '../../platform/crypto/field-cipher.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { databaseNow } from '../../platform/database/database-clock.js';
import type { LeasedQueueSpec } from '../../platform/leases/leased-queue.js';
import { LeasedQueueWorker } from '../../platform/leases/leased-queue-worker.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { Actor } from '../access/actor.js';
import { scopePredicate } from '../access/data-scope.js';
import { DirectoryService } from '../auth/directory.service.js';
import { FormCatalog } from '../forms/form-catalog.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { columnsOf } from '../metadata/physical-schema.js';
import type { EntityModel } from '../metadata/entity-model.js';
import type { RecordView } from '../records/record-view.js';
import { RecordsService } from '../records/records.service.js';
import { importerActor, importerGone } from './import-actor.js';
import { importDirectory } from './import-file.js';
import { columnPlan, rowProblems, type ColumnPlan, type ImportRow } from './import-rows.js';
import type { RowPreparationPlan } from './row-preparation/row-preparation-plan.js';
import { RowPreparer } from './row-preparation/row-preparer.js';
import { priorValuesData } from './import-sealed-columns.js';
import { DryRunKeys } from './dry-run-keys.js';
import { ImportStore, type ImportChange, type ImportJobRow, type ImportProgress } from './import-store.js';

/** How long a claimed job is this replica's without a checkpoint: a batch takes far less. */
const LEASE_SECONDS = 60;
/**
 * Rows per transaction. A batch's rows live while the next is prepared: at 500 they outlived two
 * young-generation collections and were promoted, and the old generation grew by 250 MB over 60,000
 * rows before V8 collected it; at 250 they die young (RSS +2 to +45 MB), at the same rows/s.
 */
const DEFAULT_BATCH_ROWS = 250;
const DEFAULT_POLL_MS = 1000;

/**
 * A job queued to run, or running on a replica whose lease ran out: one at a time, oldest first
 * (a job is always due: it waits only for a replica). Its lease is renewed at each checkpoint.
 */
const IMPORT_QUEUE: LeasedQueueSpec = {
  table: 'bf_import_job',
  key: 'id',
  waiting: { column: 'status', values: ['queued', 'running'] },
  due: 'created_at',
  columns: ['id'],
  order: ['created_at', 'id'],
  batch: 1,
  leaseSeconds: LEASE_SECONDS,
  countsAttempts: false,
  onClaim: (on) => `status = 'running', started_at = COALESCE(started_at, ${databaseNow(on)})`,
};

/** Everything a run needs, read once before its first batch. */
interface RunContext {
  job: ImportJobRow;
  actor: Actor;
  commit: boolean;
  match: ImportMatchRule;
  model: EntityModel;
  plan: ColumnPlan;
  createView: RecordView | undefined;
  updateView: RecordView | undefined;
  rules: CompiledForm | undefined;
  /** Problems kept so far (the first MAX_KEPT_PROBLEMS are). */
  kept: number;
  /** A dry run's: the match values its earlier (rolled back) batches created. */
  dryRunCreated: DryRunKeys;
}

/** Thrown to roll a dry run's batch back once its outcome is known. */
class DryRunOutcome {
  constructor(
    readonly progress: ImportProgress,
    readonly createdKeys: readonly string[],
  ) {}
}

class LeaseLost extends Error {}

/** A live record a row's match value finds; `ambiguous` when it finds more than one. */
interface MatchedRecord {
  id: string;
  reachable: boolean;
  ambiguous?: boolean;
  /** Created by an earlier batch of this dry run (rolled back): there is no record to write. */
  dryRun?: boolean;
}

/**
 * Runs import jobs in the background: a job is claimed with a lease on the database's clock and
 * read from its checkpoint; each batch of rows is one transaction with the job's counters, its
 * next checkpoint, its first problems and (committed runs) the changes a rollback needs, so a
 * server that dies mid-file is followed by one that resumes where the last batch ended. Rows are
 * written through the records layer (validation, audit, domain events, hooks); a batch one of
 * whose rows breaks in the database is done again a row per transaction. A dry run does every
 * batch the same way and rolls it back.
 */
@Injectable()
export class ImportRunner extends LeasedQueueWorker<{ id: string }> {
  /** Rows per transaction (`BANKFORGE_IMPORT_BATCH_ROWS`). */
  batchRows = positiveInteger('BANKFORGE_IMPORT_BATCH_ROWS', process.env.BANKFORGE_IMPORT_BATCH_ROWS) ?? DEFAULT_BATCH_ROWS;
  /** Tests stop a run after this many batches, as a crash would (its lease left to run out). */
  stopAfterBatches: number | undefined;

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
    @Inject(ImportStore) private readonly store: ImportStore,
    @Inject(RecordsService) private readonly records: RecordsService,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(FormCatalog) private readonly forms: FormCatalog,
    @Inject(DirectoryService) private readonly directory: DirectoryService,
  ) {
    super(database, IMPORT_QUEUE, { env: 'BANKFORGE_IMPORT_POLL_MS', defaultMs: DEFAULT_POLL_MS });
  }

  /** Runs the jobs due now (queued, or left by a replica whose lease ran out); answers how many it ran. */
  runDue(): Promise<number> {
    return this.queue.drain();
  }

  /** Starts a drain now rather than at the next poll: a queued job's progress shows at once. */
  nudge(): void {
    void this.queue.drain().catch(() => undefined);
  }

  protected async nextBatch(): Promise<number | undefined> {
    const [claimed] = await this.queue.claim();
    if (!claimed) return undefined;
    const job = await this.store.job(claimed.id);
    // Gone since the claim (its upload purged): nothing to run.
    if (!job) return 1;
    try {
      await this.run(job);
    } catch (error) {
      if (error instanceof LeaseLost) return 1;
      const problem = error instanceof ProblemError ? error : undefined;
      // The reason in words, never a cell's value: driver errors are not repeated.
      await this.store.finish(job.id, this.owner, {
        status: 'failed',
        message: problem ? problem.detail : 'The import stopped on an unexpected error; its rows so far stand and it can be rolled back.',
        messageZh: problem?.errors?.[0]?.messageZh ?? '导入因意外错误中止；已导入的行保留，可整批回滚。',
      });
    }
    return 1;
  }

  private async run(job: ImportJobRow): Promise<void> {
    const context = await this.context(job);
    let done = Number(job.checkpoint_row);
    let batches = 0;
    const preparer = new RowPreparer(await this.preparationPlan(context));
    // The worker prepares the next batch while this one is written: two batches at most are held,
    // and the file is read no faster than the batches are written.
    let next = preparer.next();
    try {
      for (;;) {
        const rows = await next;
        if (rows.length === 0) break;
        next = preparer.next();
        done = await this.batch(context, rows);
        if (this.stopAfterBatches !== undefined && ++batches >= this.stopAfterBatches) throw new LeaseLost();
      }
    } finally {
      await next.catch(() => undefined);
      await preparer.close();
    }
    await this.store.finish(job.id, this.owner, { status: 'done', total: done });
  }

  /** What the worker thread reads and prepares the rows with: the file from the checkpoint, and the importer's create rights and rules. */
  private async preparationPlan(context: RunContext): Promise<RowPreparationPlan> {
    const { job, model, createView } = context;
    const { steps, milliseconds } = this.forms.budget.forForms();
    return {
      entity: { definition: model.definition, version: model.version },
      columns: JSON.parse(job.columns_json) as ImportColumn[],
      matchField: context.match.field,
      ...(createView
        ? { create: { access: createView.access.snapshot, rules: await this.forms.rulesSourceFor(model.key, undefined), budget: { steps, milliseconds }, keys: this.cipher.keyMaterial() } }
        : {}),
      file: { path: join(importDirectory(this.config.dataDir), job.file_path), format: job.format as ImportFormat, from: { rows: Number(job.checkpoint_row), byte: Number(job.checkpoint_byte) } },
      batchRows: this.batchRows,
    };
  }

  /** The job's settings and its creator's rights as they are now: a role taken away since the upload stops the run. */
  private async context(job: ImportJobRow): Promise<RunContext> {
    const actor = await this.database.read((sql) => importerActor(sql, this.directory, job.created_by));
    if (!actor) throw importerGone();
    const match = JSON.parse(job.match_json!) as ImportMatchRule;
    await this.records.viewFor(job.entity_key, actor, 'import');
    const createView = match.onNew === 'create' ? await this.records.viewFor(job.entity_key, actor, 'create') : undefined;
    const updateView = match.onMatch === 'update' ? await this.records.viewFor(job.entity_key, actor, 'update') : undefined;
    const model = await this.metadata.entity(job.entity_key);
    const rules = await this.forms.rulesFor(model.key, undefined);
    const plan = columnPlan(model, JSON.parse(job.columns_json) as ImportColumn[], match.field);
    return { job, actor, commit: job.mode === 'commit', match, model, plan, createView, updateView, rules, kept: Number(job.problem_count), dryRunCreated: new DryRunKeys() };
  }

  /** One batch, as one transaction if it can be, else a row per transaction; answers the data rows done. */
  private async batch(context: RunContext, rows: readonly ImportRow[]): Promise<number> {
    const start = Number(context.job.checkpoint_row);
    try {
      await this.unit(context, rows, start);
    } catch (error) {
      if (error instanceof LeaseLost) throw error;
      // A row broke in the database: each row alone, so the others still land and it is named.
      for (const [i, row] of rows.entries()) {
        try {
          await this.unit(context, [row], start + i);
        } catch (rowError) {
          if (rowError instanceof LeaseLost) throw rowError;
          const problems = rowProblems(row.number, this.records.writeProblem(rowError, context.model) ?? rowError);
          if (!problems) throw rowError;
          await this.record(context, { rows: 1, created: 0, updated: 0, skipped: 0, failed: 1, problems, checkpointRow: start + i + 1, checkpointByte: row.byteEnd }, []);
        }
      }
    }
    context.job.checkpoint_row = start + rows.length;
    return start + rows.length;
  }

  /** Some rows written (or, in a dry run, tried and rolled back) with their progress, in one transaction. */
  private async unit(context: RunContext, rows: readonly ImportRow[], start: number): Promise<void> {
    try {
      await this.database.transaction(async (tx) => {
        const { progress, changes, createdKeys } = await this.write(tx, context, rows, start);
        if (!context.commit) throw new DryRunOutcome(progress, createdKeys);
        if (!(await this.store.advance(tx, context.job.id, this.owner, LEASE_SECONDS, progress, context.kept, changes))) throw new LeaseLost();
        context.kept += progress.problems.length;
      });
    } catch (error) {
      if (!(error instanceof DryRunOutcome)) throw error;
      await this.record(context, error.progress, []);
      for (const key of error.createdKeys) context.dryRunCreated.add(key);
    }
  }

  /** Progress written on its own (a dry run's, a failed row's). */
  private async record(context: RunContext, progress: ImportProgress, changes: readonly ImportChange[]): Promise<void> {
    await this.database.transaction(async (tx) => {
      if (!(await this.store.advance(tx, context.job.id, this.owner, LEASE_SECONDS, progress, context.kept, changes))) throw new LeaseLost();
    });
    context.kept += progress.problems.length;
  }

  /** The rows' writes in the caller's transaction: matched, checked and written as the records API would. */
  private async write(tx: SqlExecutor, context: RunContext, rows: readonly ImportRow[], start: number): Promise<{ progress: ImportProgress; changes: ImportChange[]; createdKeys: string[] }> {
    const { match, actor, rules } = context;
    const progress: ImportProgress = { rows: rows.length, created: 0, updated: 0, skipped: 0, failed: 0, problems: [], checkpointRow: start + rows.length, checkpointByte: rows[rows.length - 1]!.byteEnd };
    const changes: ImportChange[] = [];
    const createdKeys: string[] = [];
    const found = await this.matches(tx, context, rows);
    if (!context.commit) {
      for (const row of rows) {
        if (row.matchValue !== undefined && !found.has(row.matchValue) && context.dryRunCreated.has(row.matchValue)) found.set(row.matchValue, { id: '', reachable: true, dryRun: true });
      }
    }
    const fail = (problems: ImportProblem[]): void => {
      progress.failed++;
      progress.problems.push(...problems);
    };
    // The records the batch updates, read together; a record created or updated earlier in the batch is read again by its update.
    const updating = new Set<string>();
    for (const row of rows) {
      const hit = row.matchValue === undefined ? undefined : found.get(row.matchValue);
      if (match.onMatch === 'update' && hit?.reachable && !hit.ambiguous && !hit.dryRun) updating.add(hit.id);
    }
    const stored = await this.records.importRowsIn(tx, context.updateView!, actor, [...updating]);
    // Creates wait in `pending` and are written together; a row naming a pending record's key first writes them, then updates it.
    let pending: ImportRow[] = [];
    const flush = async (): Promise<void> => {
      const creating = pending;
      pending = [];
      if (creating.length === 0) return;
      const outcomes =
        creating.length === 1
          ? [await this.records.importCreateIn(tx, context.createView!, rules, actor, creating[0]!.values).catch((error: unknown) => (error instanceof ProblemError ? error : Promise.reject(error)))]
          : await this.records.importCreateManyIn(tx, context.createView!, actor, creating.map((row) => row.create!));
      outcomes.forEach((outcome, i) => {
        const row = creating[i]!;
        if (outcome instanceof ProblemError) return fail(this.problemsOf(row, outcome));
        progress.created++;
        // A later row of the file with the same key updates this record rather than creating a second.
        if (row.matchValue !== undefined) {
          found.set(row.matchValue, { id: outcome.id, reachable: true });
          createdKeys.push(row.matchValue);
        }
        if (context.commit) changes.push({ recordId: outcome.id, row: row.number, kind: 'created', versionAfter: outcome.version, prior: null });
      });
    };
    const pendingKeys = new Set<string>();
    for (const row of rows) {
      if (row.matchValue !== undefined && pendingKeys.has(row.matchValue)) {
        await flush();
        pendingKeys.clear();
      }
      const existing = row.matchValue === undefined ? undefined : found.get(row.matchValue);
      if (existing) {
        if (existing.ambiguous) {
          fail([{ row: row.number, path: `/${match.field}`, code: 'ambiguousMatch', message: `More than one ${context.job.entity_key} has this ${match.field}: the row cannot tell which to ${match.onMatch}.`, messageZh: '有多条记录与该行的匹配字段相同，无法确定对应哪一条' }]);
        } else if (match.onMatch === 'skip') {
          progress.skipped++;
        } else if (existing.dryRun) {
          // The real run updates the record an earlier row creates; its own checks run then.
          progress.updated++;
        } else if (!existing.reachable) {
          fail([{ row: row.number, path: `/${match.field}`, code: 'outOfScope', message: `The ${context.job.entity_key} this row matches is not one you may update.`, messageZh: '该行匹配到的记录不在您可修改的数据范围内' }]);
        } else {
          try {
            const storedRow = stored.get(existing.id);
            stored.delete(existing.id);
            const { record, before } = await this.records.importUpdateIn(tx, context.updateView!, rules, actor, existing.id, row.values, storedRow);
            progress.updated++;
            if (context.commit) changes.push({ recordId: existing.id, row: row.number, kind: 'updated', versionAfter: record.version, prior: this.prior(context, before, row.values) });
          } catch (error) {
            fail(this.problemsOf(row, error));
          }
        }
        continue;
      }
      if (match.onNew === 'skip') {
        progress.skipped++;
        continue;
      }
      pending.push(row);
      if (row.matchValue !== undefined) pendingKeys.add(row.matchValue);
    }
    await flush();
    progress.problems.sort((a, b) => a.row - b.row);
    return { progress, changes, createdKeys };
  }

  private problemsOf(row: ImportRow, error: unknown): ImportProblem[] {
    const problems = rowProblems(row.number, error);
    if (!problems) throw error;
    return problems;
  }

  /** The values an update replaced, encrypted whole: a rollback puts them back, and nothing sensitive is stored in clear. */
  private prior(context: RunContext, before: Record<string, unknown>, values: Record<string, unknown>): string {
    const prior: Record<string, unknown> = {};
    for (const key of Object.keys(values)) prior[key] = before[key] ?? null;
    return this.cipher.encrypt(JSON.stringify(prior), priorValuesData(context.job.id));
  }

  /**
   * The live records the rows' match values find, in one query per batch: by the blind index for an
   * encrypted field (never decrypting), by the column otherwise; `reachable` when the importer's
   * update scope reaches the record.
   */
  private async matches(tx: SqlExecutor, context: RunContext, rows: readonly ImportRow[]): Promise<Map<string, MatchedRecord>> {
    const field = context.plan.match;
    const keys = new Map<string, string>();
    for (const row of rows) {
      if (row.matchValue === undefined) continue;
      keys.set(isEncrypted(field) ? this.cipher.blindIndex(row.matchValue) : row.matchValue, row.matchValue);
    }
    const found = new Map<string, MatchedRecord>();
    if (keys.size === 0) return found;
    const q = (name: string): string => this.database.quote(name);
    const column = isEncrypted(field) ? blindIndexColumn(field.key) : columnsOf(field)[0]!.name;
    const scopeOf = context.updateView?.access.scope('update');
    const scope = scopeOf ? await scopePredicate(tx, context.actor, scopeOf) : undefined;
    const reachable = scope ? `CASE WHEN ${scope.sql} THEN 1 ELSE 0 END` : '1';
    const rowsFound = await tx.rows<{ id: string; k: string; reachable: number | string }>(
      `SELECT id, ${q(column)} AS k, ${reachable} AS reachable FROM ${q(context.model.table)} WHERE deleted_at IS NULL AND ${q(column)} IN (${[...keys.keys()].map(() => '?').join(', ')})`,
      [...(scope?.params ?? []), ...keys.keys()],
    );
    for (const row of rowsFound) {
      const value = keys.get(String(row.k));
      if (value === undefined) continue;
      // A mobile two customers share names neither: the row is refused rather than one of them guessed.
      if (found.has(value)) found.set(value, { ...found.get(value)!, ambiguous: true });
      else found.set(value, { id: row.id, reachable: Number(row.reachable) === 1 });
    }
    return found;
  }
}
