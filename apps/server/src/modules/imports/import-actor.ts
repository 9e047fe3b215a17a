import type { SqlExecutor } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import type { Actor } from '../access/actor.js';
import type { DirectoryService } from '../auth/directory.service.js';

/**
 * Who a job's background work (its run, its rollback) acts as: the person or the integration's API
 * key that uploaded it (`created_by` holds the user's or the key's id), with the rights they hold
 * now, so a role or scope taken away since the upload stops the work. A key acts as its requests
 * do: its roles narrowed to its scope, its branch, named `api-key:<name>` in the audit log; a
 * revoked key acts no more. Undefined when neither exists (any longer).
 */
export async function importerActor(sql: SqlExecutor, directory: DirectoryService, id: string): Promise<Actor | undefined> {
  const user = await directory.userRow(sql, id);
  if (user) return directory.actorOf(sql, user);
  return directory.apiKeyActorById(sql, id);
}

/** The work stops: whoever started it no longer exists, or their key was revoked. */
export function importerGone(): ProblemError {
  const message = 'The person or API key that started this import no longer exists or was revoked.';
  return new ProblemError(403, 'forbidden', message, [{ path: '/', code: 'importerGone', message, messageZh: '发起此导入的人员或 API 密钥已不存在或已被吊销。' }]);
}

/**
 * Who a rollback acts as: the person or API key that asked for it, as `importerActor` builds them,
 * while they may still act (a deactivated person no more than a revoked key). Undefined otherwise.
 */
export async function requesterActor(sql: SqlExecutor, directory: DirectoryService, id: string): Promise<Actor | undefined> {
  const user = await directory.userRow(sql, id);
  if (user) return user.active === true || Number(user.active) === 1 ? directory.actorOf(sql, user) : undefined;
  return directory.apiKeyActorById(sql, id);
}
