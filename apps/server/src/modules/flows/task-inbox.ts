import { Inject, Injectable } from '@nestjs/common';
import type { ApprovalTask, TaskInboxPage, TaskInboxQuery } from '@bankforge/client';
import type { FlowDefinition } from '@bankforge/flow-engine';
import { Database, type SqlValue } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { Actor } from '../access/actor.js';
import { MetadataService } from '../metadata/metadata.service.js';
import { taskView } from './case-views.js';
import { dueClock } from './due-clock.js';
import { FlowContextLoader } from './flow-context.js';
import { FlowRunner } from './flow-runner.js';
import { FlowStore, stored, type TaskRow } from './flow-store.js';
import { PeopleNames, type People } from './people.js';
import { titleField } from './record-binding.js';

export const INBOX_PAGE = 50;
export const MAX_INBOX_PAGE = 200;

/** The caller's share of a pool task (single mode, several assignees) is to claim it; every other open task is theirs. */
const POOL = "(t.mode = 'single' AND t.assignee_count > 1)";

/**
 * `GET /api/tasks`: the open tasks the caller may act on or claim, read through the per-user
 * assignee index, overdue first (by due time, tasks without one last), in keyset pages.
 */
@Injectable()
export class TaskInbox {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(FlowRunner) private readonly runner: FlowRunner,
    @Inject(MetadataService) private readonly metadata: MetadataService,
    @Inject(PeopleNames) private readonly people: PeopleNames,
    @Inject(FlowContextLoader) private readonly contexts: FlowContextLoader,
  ) {}

  async page(query: TaskInboxQuery, actor: Actor): Promise<TaskInboxPage> {
    if (actor.kind !== 'user') throw new ProblemError(403, 'peopleOnly', 'Only people have an inbox.');
    const me = actor.name;
    const limit = query.limit ?? INBOX_PAGE;
    const scope = query.scope ?? 'all';
    const mine = `(t.claimed_by = ? OR (t.claimed_by IS NULL AND NOT ${POOL}))`;
    const claimable = `(t.claimed_by IS NULL AND ${POOL})`;
    const where = ['a.user_id = ?', 'a.is_open = ?'];
    const params: SqlValue[] = [me, true];
    if (scope === 'mine') {
      where.push(mine);
      params.push(me);
    } else if (scope === 'claimable') {
      where.push(claimable);
    } else {
      where.push(`(${mine} OR ${claimable})`);
      params.push(me);
    }
    const filters: { sql: string; value: SqlValue }[] = [];
    if (query.flow) filters.push({ sql: 't.flow_key = ?', value: query.flow });
    if (query.node) filters.push({ sql: 't.node_id = ?', value: query.node });
    if (query.overdue) filters.push({ sql: 'a.due_at < ?', value: stored(new Date().toISOString()) });
    if (query.dueBefore) filters.push({ sql: 'a.due_at < ?', value: stored(query.dueBefore) });
    if (query.minAmount) filters.push({ sql: 't.amount >= ?', value: Number(query.minAmount) });
    if (query.maxAmount) filters.push({ sql: 't.amount <= ?', value: Number(query.maxAmount) });
    const base = `FROM bf_flow_task_assignee a JOIN bf_flow_task t ON t.id = a.task_pk JOIN bf_flow_instance i ON i.id = t.instance_id WHERE ${[...where, ...filters.map((f) => f.sql)].join(' AND ')}`;
    const baseParams = [...params, ...filters.map((f) => f.value)];
    // Keyset: tasks with a due time first, by due time, then by id.
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    const keyset = after
      ? after.due === null
        ? { sql: ' AND a.due_at IS NULL AND a.task_pk > ?', params: [after.id] }
        : { sql: ' AND (a.due_at > ? OR (a.due_at = ? AND a.task_pk > ?) OR a.due_at IS NULL)', params: [after.due, after.due, after.id] }
      : { sql: '', params: [] };
    const { rows, counts } = await this.database.read(async (sql) => {
      const rows = await sql.rows<TaskRow & { a_due: string | null; flow_version: number }>(
        `SELECT t.*, a.due_at AS a_due, i.flow_version ${base}${keyset.sql} ORDER BY CASE WHEN a.due_at IS NULL THEN 1 ELSE 0 END, a.due_at, a.task_pk LIMIT ${limit + 1}`,
        [...baseParams, ...keyset.params],
      );
      const count = async (condition: string, extra: SqlValue[]): Promise<number> =>
        Number((await sql.rows<{ n: number }>(`SELECT COUNT(*) AS n FROM bf_flow_task_assignee a JOIN bf_flow_task t ON t.id = a.task_pk WHERE a.user_id = ? AND a.is_open = ? AND ${condition}`, [me, true, ...extra]))[0]?.n ?? 0);
      const now = stored(new Date().toISOString());
      const counts = { mine: await count(mine, [me]), claimable: await count(claimable, []), overdue: await count(`(${mine} OR ${claimable}) AND a.due_at < ?`, [me, now]) };
      return { rows, counts };
    });
    const people = await this.people.current();
    const page = rows.slice(0, limit);
    const items = await this.views(page, actor, people);
    const last = page[page.length - 1];
    return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.a_due, last.id) : null, counts };
  }

  private async views(rows: readonly (TaskRow & { flow_version: number })[], actor: Actor, people: People): Promise<ApprovalTask[]> {
    const assignees = await this.database.read((sql) => FlowStore.assignees(sql, rows.map((r) => r.id)));
    const titles = await this.titles(rows, actor);
    // Working time left, on the bank's calendar; where a return goes is the task page's to say (it needs the case's state).
    const due = dueClock(await this.contexts.calendar(), new Date().toISOString());
    const items: ApprovalTask[] = [];
    for (const row of rows) {
      const flow: FlowDefinition = await this.runner.definition(row.flow_key, Number(row.flow_version));
      items.push(taskView(row, flow, assignees.get(row.id) ?? [], actor.name, people, titles.get(`${row.entity_key}/${row.record_id}`), due ? { due } : {}));
    }
    return items;
  }

  /** Each record's title (its first unique text field, never a sensitive one, shown only when the reader's field rules show it in clear), one query per entity. */
  private async titles(rows: readonly TaskRow[], actor: Actor): Promise<Map<string, string>> {
    const byEntity = new Map<string, Set<string>>();
    for (const row of rows) if (row.entity_key && row.record_id) byEntity.set(row.entity_key, (byEntity.get(row.entity_key) ?? new Set()).add(row.record_id));
    const titles = new Map<string, string>();
    for (const [entityKey, ids] of byEntity) {
      const model = await this.metadata.entity(entityKey).catch(() => undefined);
      const field = model ? titleField(model.definition) : undefined;
      if (!model || !field || actor.access.entity(entityKey).field(field).see !== 'clear') continue;
      const list = [...ids];
      const found = await this.database.read((sql) => sql.rows<{ id: string; title: string | null }>(`SELECT id, ${this.database.quote(field)} AS title FROM ${this.database.quote(model.table)} WHERE id IN (${list.map(() => '?').join(', ')})`, list));
      for (const r of found) if (r.title !== null) titles.set(`${entityKey}/${r.id}`, String(r.title));
    }
    return titles;
  }
}

function encodeCursor(due: string | null, id: string): string {
  return Buffer.from(JSON.stringify([due, id])).toString('base64url');
}

function decodeCursor(cursor: string): { due: string | null; id: string } {
  try {
    const [due, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if ((due === null || typeof due === 'string') && typeof id === 'string') return { due, id };
  } catch {
    // answered below
  }
  throw ProblemError.badRequest('invalidCursor', 'The cursor is not one this inbox gave.');
}
