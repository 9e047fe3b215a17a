import { Inject, Injectable } from '@nestjs/common';
import type { PeoplePage, PeopleQuery } from '@bankforge/client';
import { Database } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { Actor } from '../access/actor.js';

/** The most people one search answers: a picker's list, not a directory export. */
export const MAX_PEOPLE = 20;

/** `LIKE` text matching `text` literally (`!` escapes the wildcards on both databases). */
function literal(text: string): string {
  return text.toLowerCase().replace(/[!%_]/g, (c) => `!${c}`);
}

/**
 * `GET /api/people`: the colleagues an approver may delegate to or add (active users whose
 * username or name contains the text, case-insensitive, those starting with it first), by name and
 * branch only: no roles, no other attributes. People only: an API key approves nothing.
 */
@Injectable()
export class PeopleSearch {
  constructor(@Inject(Database) private readonly database: Database) {}

  async search(query: PeopleQuery, actor: Actor): Promise<PeoplePage> {
    if (actor.kind !== 'user') throw new ProblemError(403, 'peopleOnly', 'Only people look for colleagues.');
    const text = literal(query.q?.trim() ?? '');
    const starts = `${text}%`;
    const contains = `%${text}%`;
    const matches = "(LOWER(username) LIKE ? ESCAPE '!' OR LOWER(display_name) LIKE ? ESCAPE '!')";
    const rows = await this.database.read((sql) =>
      sql.rows<{ username: string; display_name: string; branch: string | null }>(
        `SELECT username, display_name, branch FROM bf_user WHERE active = ? AND ${matches}
          ORDER BY CASE WHEN ${matches} THEN 0 ELSE 1 END, display_name, username LIMIT ${query.limit ?? MAX_PEOPLE}`,
        [true, contains, contains, starts, starts],
      ),
    );
    return { items: rows.map((r) => ({ id: r.username, name: r.display_name, ...(r.branch ? { branch: r.branch } : {}) })) };
  }
}
