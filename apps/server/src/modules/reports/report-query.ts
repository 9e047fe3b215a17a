import type { Database as SqliteDatabase } from 'better-sqlite3';
import type { Readable } from 'node:stream';
import type { Database, SqlExecutor, SqlValue } from '../../platform/database/database.js';
import { ProblemError } from '../../platform/problem/problem-error.js';

/** MariaDB's max_statement_time and MySQL's MAX_EXECUTION_TIME stopped the query. */
const TIMEOUT_ERRNOS = new Set([1969, 3024]);

export function timeoutProblem(timeoutMs: number): ProblemError {
  return new ProblemError(
    503,
    'reportTimeout',
    `The report ran longer than the ${timeoutMs} ms allowed. Narrow it with filters or parameters, or ask an operator to raise BANKFORGE_REPORT_TIMEOUT_MS.`,
    undefined,
    {
      timeoutMs,
    },
  );
}

export function isTimeoutError(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  return candidates.some(
    (e) =>
      typeof e === 'object' && e !== null && TIMEOUT_ERRNOS.has(Number((e as { errno?: unknown }).errno)),
  );
}

const mariaDbCache = new WeakMap<Database, Promise<boolean>>();

async function isMariaDb(database: Database, sql: SqlExecutor): Promise<boolean> {
  let known = mariaDbCache.get(database);
  if (!known) {
    known = sql.rows<{ v: string }>('SELECT VERSION() AS v').then(([row]) => /mariadb/i.test(row?.v ?? ''));
    mariaDbCache.set(database, known);
  }
  return known;
}

/**
 * The statement with the database's own time limit: MariaDB's `SET STATEMENT max_statement_time`
 * or MySQL's optimizer hint. SQLite has no way to interrupt a statement from outside, so there the
 * limit is checked between streamed rows.
 */
export async function timeLimited(
  database: Database,
  sql: SqlExecutor,
  statement: string,
  timeoutMs: number,
): Promise<string> {
  if (sql.dialect !== 'mysql') return statement;
  const ms = Math.max(1, Math.floor(timeoutMs));
  if (await isMariaDb(database, sql))
    return `SET STATEMENT max_statement_time=${(ms / 1000).toFixed(3)} FOR ${statement}`;
  return statement.replace(/^SELECT /, `SELECT /*+ MAX_EXECUTION_TIME(${ms}) */ `);
}

/** All rows of a bounded query (a run: at most the row limit + 1). */
export async function queryRows(
  database: Database,
  sql: SqlExecutor,
  statement: string,
  params: readonly SqlValue[],
  timeoutMs: number,
): Promise<Record<string, unknown>[]> {
  try {
    return await sql.rows(await timeLimited(database, sql, statement, timeoutMs), params);
  } catch (error) {
    if (isTimeoutError(error)) throw timeoutProblem(timeoutMs);
    throw error;
  }
}

/**
 * Rows from a database cursor, one at a time, never the whole result: better-sqlite3's statement
 * iterator, or mysql2's row stream (which pauses the connection while the consumer is busy).
 * Must be consumed inside the `database.read` that gave `sql`.
 */
export async function* streamRows(
  database: Database,
  sql: SqlExecutor,
  statement: string,
  params: readonly SqlValue[],
  timeoutMs: number,
): AsyncGenerator<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  if (sql.dialect === 'sqlite') {
    const connection = (database.dataSource.driver as unknown as { databaseConnection: SqliteDatabase })
      .databaseConnection;
    const bound = params.map((p) => (typeof p === 'boolean' ? (p ? 1 : 0) : p));
    let count = 0;
    for (const row of connection.prepare(statement).iterate(...bound) as IterableIterator<
      Record<string, unknown>
    >) {
      if (++count % 1000 === 0 && Date.now() > deadline) throw timeoutProblem(timeoutMs);
      yield row;
    }
    return;
  }
  const stream = (await sql.runner.stream(await timeLimited(database, sql, statement, timeoutMs), [
    ...params,
  ])) as Readable;
  let finished = false;
  try {
    for await (const row of stream) yield row as Record<string, unknown>;
    finished = true;
  } catch (error) {
    if (isTimeoutError(error)) throw timeoutProblem(timeoutMs);
    throw error;
  } finally {
    // A consumer that stopped early leaves rows on the wire: that connection cannot serve anyone else.
    if (!finished)
      (sql.runner as unknown as { databaseConnection?: { destroy(): void } }).databaseConnection?.destroy();
  }
}
