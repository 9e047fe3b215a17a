import type { SqlExecutor } from './database.js';

/**
 * The clause that write-locks the rows a SELECT reads until the transaction ends (MySQL/MariaDB).
 * SQLite needs none: its write transaction already holds the whole database.
 */
export const forUpdate = (sql: Pick<SqlExecutor, 'dialect'>): string => (sql.dialect === 'mysql' ? ' FOR UPDATE' : '');
