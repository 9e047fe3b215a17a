import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource, QueryFailedError, type QueryRunner } from 'typeorm';
import { dialectOf, type Dialect, type ServerConfig } from '../config/server-config.js';
import { SystemTables1700000000001 } from './migrations/0001-system-tables.js';
import { SecurityTables1700000000002 } from './migrations/0002-security-tables.js';
import { Consent1700000000003 } from './migrations/0003-consent.js';
import { AuditChainTrigger1700000000004 } from './migrations/0004-audit-chain-trigger.js';
import { AuditChainSingleUpdate1700000000005 } from './migrations/0005-audit-chain-single-update.js';
import { Idempotency1700000000006 } from './migrations/0006-idempotency.js';
import { IdempotencyWithheldAnswers1700000000007 } from './migrations/0007-idempotency-withheld-answers.js';
import { Flows1700000000008 } from './migrations/0008-flows.js';
import { FlowOutbox1700000000009 } from './migrations/0009-flow-outbox.js';
import { DirectoryStamp1700000000010 } from './migrations/0010-directory-stamp.js';
import { DecisionEvaluations1700000000011 } from './migrations/0011-decision-evaluations.js';
import { NumberingCounters1700000000013 } from './migrations/0013-numbering-counters.js';
import { AuditSearch1700000000012 } from './migrations/0012-audit-search.js';
import { Segments1700000000014 } from './migrations/0014-segments.js';
import { DomainEvents1700000000015 } from './migrations/0015-domain-events.js';
import { Connectors1700000000016 } from './migrations/0016-connectors.js';
import { Webhooks1700000000017 } from './migrations/0017-webhooks.js';
import { AutomationRuns1700000000018 } from './migrations/0018-automation-runs.js';
import { Imports1700000000019 } from './migrations/0019-imports.js';
import { ApiKeyScopes1700000000020 } from './migrations/0020-api-key-scopes.js';
import { NotificationLinks1700000000021 } from './migrations/0021-notification-links.js';
import { AutomationTurns1700000000022 } from './migrations/0022-automation-turns.js';
import { AuditChainRuns1700000000023 } from './migrations/0023-audit-chain-runs.js';
import { DecisionEvaluationSource1700000000024 } from './migrations/0024-decision-evaluation-source.js';
import { WebhookRoles1700000000025 } from './migrations/0025-webhook-roles.js';
import { ImportFilePurge1700000000027 } from './migrations/0027-import-file-purge.js';
import { ImportRollbackRuns1700000000028 } from './migrations/0028-import-rollback-runs.js';
import { ImportRollbackAttempts1700000000029 } from './migrations/0029-import-rollback-attempts.js';
import { AutomationRunErrorMessage1700000000026 } from './migrations/0026-automation-run-error-message.js';
import { CONTENTION_RETRY, retryOnContention } from './contention-retry.js';
import { SerialLock } from './serial-lock.js';

export type SqlValue = string | number | boolean | null;

/** What a piece of work inside `read` or `transaction` runs its SQL through. */
export interface SqlExecutor {
  readonly dialect: Dialect;
  readonly runner: QueryRunner;
  rows<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** A statement that changes rows; answers how many it changed. */
  execute(sql: string, params?: readonly SqlValue[]): Promise<number>;
}

/** The mysql2 connection a MySQL query runner holds (its callback interface). */
interface MysqlConnection {
  query(sql: string, values: SqlValue[], callback: (error: unknown, result: unknown) => void): void;
  execute(sql: string, values: SqlValue[], callback: (error: unknown, result: unknown) => void): void;
}

/** Statements prepared and kept per connection: ten connections per replica stay far below MariaDB's 16,382 for the whole server. */
const PREPARED_PER_CONNECTION = 256;

/**
 * MariaDB does not prepare a compound statement (`BEGIN NOT ATOMIC … END`): it goes as text. Nor
 * is a statement with many values (an import's multi-row INSERT) prepared: kept prepared, it would
 * hold a definition per placeholder on every connection (tens of megabytes), for a text it rarely sees again.
 */
const MAX_PREPARED_VALUES = 1000;
const preparable = (sql: string, values: readonly SqlValue[]): boolean => !sql.startsWith('BEGIN') && values.length <= MAX_PREPARED_VALUES;

class QueryRunnerExecutor implements SqlExecutor {
  constructor(
    readonly dialect: Dialect,
    readonly runner: QueryRunner,
  ) {}

  async rows<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    if (this.dialect === 'mysql') {
      const raw = await this.mysql(sql, params);
      return (Array.isArray(raw) ? raw : []) as T[];
    }
    const result = await this.runner.query(sql, [...params], true);
    return (result.records ?? []) as T[];
  }

  async execute(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    if (this.dialect === 'mysql') return Number((await this.mysql(sql, params) as { affectedRows?: number } | undefined)?.affectedRows ?? 0);
    const result = await this.runner.query(sql, [...params], true);
    return result.affected ?? 0;
  }

  /**
   * A statement on the runner's own connection, through mysql2's callback interface: TypeORM's
   * query path goes through mysql2's promise wrapper, which captures a stack trace for every
   * statement (a tenth of the CPU of a record write). Statements are prepared once per connection
   * and then sent with their values in the binary protocol (nothing to escape or parse again).
   * Failures are wrapped as TypeORM wraps them.
   */
  private async mysql(sql: string, params: readonly SqlValue[]): Promise<unknown> {
    const connection = (await this.runner.connect()) as MysqlConnection;
    const values = [...params];
    return new Promise((resolve, reject) => {
      const done = (error: unknown, result: unknown): void => (error ? reject(new QueryFailedError(sql, values, error as Error)) : resolve(result));
      if (preparable(sql, values)) connection.execute(sql, values, done);
      else connection.query(sql, values, done);
    });
  }
}

/**
 * The one door to SQL. Table and column names reach SQL only through `quote`, and every value
 * as a bound parameter. SQLite has a single connection, so its work is serialised: without that,
 * two requests would interleave inside one transaction.
 */
export class Database {
  private readonly sqliteLock = new SerialLock();

  private constructor(
    readonly dataSource: DataSource,
    readonly dialect: Dialect,
    /**
     * MariaDB runs a compound statement (`BEGIN NOT ATOMIC … END`) sent as one statement, so a
     * write and its audit entry can share a round trip while stacked statements stay refused.
     */
    readonly compoundStatements: boolean,
  ) {}

  static async open(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir'>): Promise<Database> {
    const dialect = dialectOf(config);
    const common = { migrations: [SystemTables1700000000001, SecurityTables1700000000002, Consent1700000000003, AuditChainTrigger1700000000004, AuditChainSingleUpdate1700000000005, Idempotency1700000000006, IdempotencyWithheldAnswers1700000000007, Flows1700000000008, FlowOutbox1700000000009, DirectoryStamp1700000000010, DecisionEvaluations1700000000011, AuditSearch1700000000012, NumberingCounters1700000000013, Segments1700000000014, DomainEvents1700000000015, Connectors1700000000016, Webhooks1700000000017, AutomationRuns1700000000018, Imports1700000000019, ApiKeyScopes1700000000020, NotificationLinks1700000000021, AutomationTurns1700000000022, AuditChainRuns1700000000023, DecisionEvaluationSource1700000000024, WebhookRoles1700000000025, AutomationRunErrorMessage1700000000026, ImportFilePurge1700000000027, ImportRollbackRuns1700000000028, ImportRollbackAttempts1700000000029], migrationsTableName: 'bf_schema_migration', logging: false as const };
    let dataSource: DataSource;
    if (dialect === 'mysql') {
      dataSource = new DataSource({
        ...common,
        type: 'mysql',
        url: config.databaseUrl,
        charset: 'utf8mb4_unicode_ci',
        timezone: 'Z',
        dateStrings: true,
        supportBigNumbers: true,
        bigNumberStrings: false,
        poolSize: 10,
        extra: { maxPreparedStatements: PREPARED_PER_CONNECTION },
      });
    } else {
      mkdirSync(config.dataDir, { recursive: true });
      dataSource = new DataSource({
        ...common,
        type: 'better-sqlite3',
        database: join(config.dataDir, 'bankforge.sqlite'),
        enableWAL: true,
        prepareDatabase: (db: { pragma(source: string): unknown }) => {
          db.pragma('busy_timeout = 5000');
          db.pragma('synchronous = NORMAL');
        },
      });
    }
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    const compound = dialect === 'mysql' && /mariadb/i.test(String(((await dataSource.query('SELECT VERSION() AS v')) as { v: string }[])[0]?.v));
    return new Database(dataSource, dialect, compound);
  }

  /** Quotes an identifier that came from metadata (never from a request). */
  quote(identifier: string): string {
    if (!/^[a-z][a-z0-9_]{0,63}$/.test(identifier)) {
      throw new Error(`refusing to quote a non-metadata identifier: ${JSON.stringify(identifier)}`);
    }
    return this.dialect === 'mysql' ? `\`${identifier}\`` : `"${identifier}"`;
  }

  /** Runs reads; on MySQL from the pool, on SQLite after any transaction in flight. */
  async read<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    return retryOnContention(() => this.withRunner(false, work));
  }

  /**
   * Runs one statement that changes rows outside any transaction (autocommit): only for a single
   * statement that is atomic on its own, such as an INSERT whose triggers do the rest. Retried on
   * contention like the others.
   */
  async single<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    return retryOnContention(() => this.withRunner(false, work));
  }

  /**
   * Runs work in one transaction: all of it lands, or none of it. When the database picks it as a
   * deadlock's victim (or it waits too long for a lock, or SQLite stays busy) it is rolled back and
   * run again from the start, a few times, then answered 503 `retryLater`. So `work` must change
   * nothing but the database: no state outside it, no response.
   */
  async transaction<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    return retryOnContention(() => this.withRunner(true, work));
  }

  /**
   * A transaction that may change table definitions. SQLite rebuilds tables to change them, which
   * its documentation says to do with foreign-key enforcement off and a key check before commit.
   */
  async schemaTransaction<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    // MySQL commits each table change on its own, so a failed try may have left some behind: it is not run again.
    if (this.dialect === 'mysql') return retryOnContention(() => this.withRunner(true, work), { ...CONTENTION_RETRY, tries: 1 });
    return retryOnContention(() => this.sqliteSchemaTransaction(work));
  }

  private async sqliteSchemaTransaction<T>(work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    return this.sqliteLock.run(async () => {
      const runner = this.dataSource.createQueryRunner();
      await runner.query('PRAGMA foreign_keys = OFF');
      try {
        await runner.startTransaction();
        const sql = new QueryRunnerExecutor(this.dialect, runner);
        const result = await work(sql);
        const broken = await sql.rows('PRAGMA foreign_key_check');
        if (broken.length > 0) throw new Error(`schema change would break ${broken.length} foreign keys`);
        await runner.commitTransaction();
        return result;
      } catch (error) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        throw error;
      } finally {
        await runner.query('PRAGMA foreign_keys = ON');
        await runner.release();
      }
    });
  }

  /** Nest calls this on `app.close()` and on SIGTERM (shutdown hooks are enabled). */
  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  private async withRunner<T>(transactional: boolean, work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    if (this.dialect === 'mysql') return this.mysqlUnit(transactional, work);
    const run = async (): Promise<T> => {
      const runner = this.dataSource.createQueryRunner();
      try {
        if (transactional) await runner.startTransaction();
        const result = await work(new QueryRunnerExecutor(this.dialect, runner));
        if (transactional) await runner.commitTransaction();
        return result;
      } catch (error) {
        if (transactional && runner.isTransactionActive) await runner.rollbackTransaction();
        throw error;
      } finally {
        await runner.release();
      }
    };
    return this.dialect === 'sqlite' ? this.sqliteLock.run(run) : run();
  }

  /** The same on MySQL, with the transaction's statements sent on the executor's own path. */
  private async mysqlUnit<T>(transactional: boolean, work: (sql: SqlExecutor) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const sql = new QueryRunnerExecutor(this.dialect, runner);
    let open = false;
    try {
      if (transactional) {
        open = true;
        await sql.execute('START TRANSACTION');
      }
      const result = await work(sql);
      if (transactional) {
        await sql.execute('COMMIT');
        open = false;
      }
      return result;
    } catch (error) {
      if (open) await sql.execute('ROLLBACK');
      throw error;
    } finally {
      await runner.release();
    }
  }
}
