import type { SqlExecutor, SqlValue } from '../database/database.js';
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
  if (scope === 'all') return undefined;
  if (actor.userId === null) return NOTHING;
  if (scope === 'own') return { sql: `${ownerColumn} = ?`, params: [actor.userId] };
  if (scope === 'branch') {
    return actor.branch === null ? NOTHING : { sql: `${ownerColumn} IN (SELECT id FROM bf_user WHERE branch = ?)`, params: [actor.branch] };
  }
  const team = await teamOf(sql, actor.userId);
  return { sql: `${ownerColumn} IN (${team.map(() => '?').join(', ')})`, params: team };
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
