import type { TimelinePerson } from '@bankforge/client';
import type { SqlExecutor } from '../../platform/database/database.js';

/** The people a timeline names, by username (the audit log's and the flows') and by user id (a record's creator). */
export interface TimelinePeople {
  byUsername(username: string): TimelinePerson;
  byId(id: string | null | undefined): TimelinePerson | undefined;
}

/**
 * Display names of the people named, in one query. A name the directory does not know (the system,
 * an API key) is shown as the log wrote it.
 */
export async function timelinePeople(sql: SqlExecutor, usernames: ReadonlySet<string>, ids: ReadonlySet<string>): Promise<TimelinePeople> {
  const names = [...usernames];
  const keys = [...ids];
  const rows =
    names.length + keys.length === 0
      ? []
      : await sql.rows<{ id: string; username: string; display_name: string }>(
          `SELECT id, username, display_name FROM bf_user WHERE ${[
            ...(names.length > 0 ? [`username IN (${names.map(() => '?').join(', ')})`] : []),
            ...(keys.length > 0 ? [`id IN (${keys.map(() => '?').join(', ')})`] : []),
          ].join(' OR ')}`,
          [...names, ...keys],
        );
  const byUsername = new Map(rows.map((r) => [r.username, { username: r.username, displayName: r.display_name }]));
  const byId = new Map(rows.map((r) => [r.id, { username: r.username, displayName: r.display_name }]));
  return {
    byUsername: (username) => byUsername.get(username) ?? { username, displayName: username },
    byId: (id) => (id ? byId.get(id) : undefined),
  };
}
