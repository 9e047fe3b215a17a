import type { SegmentSharing } from '@bankforge/client';
import type { RecordFilter } from '@bankforge/data-model';
import type { SqlExecutor, SqlValue } from '../../platform/database/database.js';
import type { Actor } from '../access/actor.js';
import { teamOf } from '../access/data-scope.js';

/**
 * A reader's reporting line: themselves, everyone below them (as the `team` data scope reaches)
 * and their managers up the chain. A segment shared with the team is seen by the owner's
 * reporting line, so a reader sees it when its owner is in theirs.
 */
export async function reportingLine(sql: SqlExecutor, userId: string): Promise<string[]> {
  const line = new Set(await teamOf(sql, userId));
  const managers = new Map(
    (await sql.rows<{ id: string; manager_id: string }>('SELECT id, manager_id FROM bf_user WHERE manager_id IS NOT NULL')).map((r) => [r.id, r.manager_id]),
  );
  // Up the chain; the line already holding a manager stops a cycle in bad data.
  for (let manager = managers.get(userId); manager !== undefined && !line.has(manager); manager = managers.get(manager)) line.add(manager);
  return [...line];
}

/** The segments (of `bf_segment s`) a reader sees: their own, their reporting line's team segments, their branch's branch segments. */
export async function visibleSegments(sql: SqlExecutor, actor: Actor): Promise<{ sql: string; params: SqlValue[] }> {
  const me = actor.userId;
  if (me === null) return { sql: '1=0', params: [] };
  const line = await reportingLine(sql, me);
  const parts = ['s.owner_id = ?', `(s.sharing = 'team' AND s.owner_id IN (${line.map(() => '?').join(', ')}))`];
  const params: SqlValue[] = [me, ...line];
  if (actor.branch !== null) {
    parts.push(`(s.sharing = 'branch' AND s.owner_id IN (SELECT id FROM bf_user WHERE branch = ?))`);
    params.push(actor.branch);
  }
  return { sql: `(${parts.join(' OR ')})`, params };
}

/** A saved segment as an automation reads it (its entity, filter and sharing), whoever may see it; undefined when there is none. */
export async function segmentById(sql: SqlExecutor, id: string): Promise<{ entity: string; filter: RecordFilter; sharing: SegmentSharing } | undefined> {
  const [row] = await sql.rows<{ entity_key: string; filter: string; sharing: SegmentSharing }>('SELECT entity_key, filter, sharing FROM bf_segment WHERE id = ?', [id]);
  return row ? { entity: row.entity_key, filter: JSON.parse(row.filter) as RecordFilter, sharing: row.sharing } : undefined;
}
