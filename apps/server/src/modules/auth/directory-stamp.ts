import type { SqlExecutor } from '../../platform/database/database.js';

/**
 * The directory's change counter (`bf_directory_stamp`): raised in the transaction of every change
 * to a user, so that readers who cache the people (approval commands) know when to read them again.
 */
export const DirectoryStamp = {
  async raise(sql: SqlExecutor): Promise<void> {
    await sql.execute('UPDATE bf_directory_stamp SET version = version + 1 WHERE id = 1');
  },

  async read(sql: SqlExecutor): Promise<number> {
    const [row] = await sql.rows<{ version: number | string }>('SELECT version FROM bf_directory_stamp WHERE id = 1');
    return Number(row?.version ?? 0);
  },
};
