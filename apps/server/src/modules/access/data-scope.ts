import type { SqlExecutor, SqlValue } from '../../platform/database/database.js';
import type { Actor } from './actor.js';
import type { DataScope } from './role.js';

export interface SqlPredicate {
  sql: string;
  params: SqlValue[];
}

const NOTHING: SqlPredicate = { sql: '1=0', params: [] };

/**
 * The rows a scope reaches, as a predicate on the owner column: `own` the actor's records, `team`
 * theirs and those of everyone who reports to them (transitively), `branch` those owned by anyone
 * of the actor's branch, `all` every row (undefined: nothing to add).
 */
export async function scopePredicate(sql: SqlExecutor, actor: Actor, scope: DataScope, ownerColumn = 'owner_id'): Promise<SqlPredicate | undefined> {
  return (await ownerPredicate(sql, actor, scope))?.(ownerColumn);
}

/** The same predicate for any owner column (a report puts it on every table it reads); no operation: nothing at all. */
export async function ownerPredicate(sql: SqlExecutor, actor: Actor, scope: DataScope | undefined): Promise<((ownerColumn: string) => SqlPredicate) | undefined> {
  if (scope === undefined) return () => NOTHING;
  if (scope === 'all') return undefined;
  const userId = actor.userId;
  if (userId === null) return () => NOTHING;
  if (scope === 'own') return (column) => ({ sql: `${column} = ?`, params: [userId] });
  if (scope === 'branch') {
    const branch = actor.branch;
    if (branch === null) return () => NOTHING;
    // A key bound to a branch owns what it creates: its branch's records include its own.
    if (actor.kind === 'apiKey') return (column) => ({ sql: `(${column} IN (SELECT id FROM bf_user WHERE branch = ?) OR ${column} = ?)`, params: [branch, userId] });
    return (column) => ({ sql: `${column} IN (SELECT id FROM bf_user WHERE branch = ?)`, params: [branch] });
  }
  const team = await teamOf(sql, userId);
  return (column) => ({ sql: `${column} IN (${team.map(() => '?').join(', ')})`, params: team });
}

/** The user and everyone below them in the reporting line; a cycle in bad data cannot loop forever. */
export async function teamOf(sql: SqlExecutor, userId: string): Promise<string[]> {
  const rows = await sql.rows<{ id: string; manager_id: string | null }>('SELECT id, manager_id FROM bf_user WHERE manager_id IS NOT NULL');
  const reports = new Map<string, string[]>();
  for (const row of rows) {
    const list = reports.get(row.manager_id!) ?? [];
    list.push(row.id);
    reports.set(row.manager_id!, list);
  }
  const team = new Set([userId]);
  const queue = [userId];
  while (queue.length > 0) {
    for (const id of reports.get(queue.pop()!) ?? []) {
      if (!team.has(id)) {
        team.add(id);
        queue.push(id);
      }
    }
  }
  return [...team];
}
