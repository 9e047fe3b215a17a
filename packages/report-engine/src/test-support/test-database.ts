import Database from 'better-sqlite3';
import { createConnection, type Connection } from 'mysql2/promise';
import {
  columnKind,
  decimalShape,
  dialectOf,
  type DialectName,
  type EntityDefinition,
  type FieldDefinition,
  type SqlValue,
} from '@bankforge/data-model';
import { ENTITIES } from './entities.js';
import { branches, customers, loans, rms } from './fixture-data.js';

/** A database under test: SQLite in memory always, MariaDB when TEST_MYSQL_URL is set. */
export interface TestDatabase {
  dialect: DialectName;
  all(sql: string, params: readonly SqlValue[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

export function testDialects(): DialectName[] {
  return process.env.TEST_MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
}

/** The server's physical layout (apps/server/src/modules/metadata/physical-schema.ts), restated for the tests. */
function columnTypes(field: FieldDefinition, dialect: DialectName): [string, string][] {
  const my = dialect === 'mysql';
  switch (columnKind(field)) {
    case 'string':
      return [[field.key, 'VARCHAR(255)']];
    case 'text':
      return [[field.key, my ? 'MEDIUMTEXT' : 'TEXT']];
    case 'integer':
      return [[field.key, my ? 'BIGINT' : 'INTEGER']];
    case 'decimal': {
      const { precision, scale } = decimalShape(field);
      return [[field.key, `DECIMAL(${precision},${scale})`]];
    }
    case 'money': {
      const { precision, scale } = decimalShape(field);
      return [
        [field.key, `DECIMAL(${precision},${scale})`],
        [`${field.key}_currency`, my ? 'CHAR(3)' : 'VARCHAR(3)'],
      ];
    }
    case 'boolean':
      return [[field.key, my ? 'TINYINT(1)' : 'BOOLEAN']];
    case 'date':
      return [[field.key, my ? 'DATE' : 'VARCHAR(10)']];
    case 'datetime':
      return [[field.key, my ? 'DATETIME(3)' : 'VARCHAR(23)']];
    case 'json':
      return [[field.key, my ? 'LONGTEXT' : 'TEXT']];
  }
}

export function createTableSql(entity: EntityDefinition, dialect: DialectName): string {
  const q = dialectOf(dialect).quote;
  const dt = dialect === 'mysql' ? 'DATETIME(3)' : 'VARCHAR(23)';
  const columns = [
    `${q('id')} VARCHAR(36) NOT NULL PRIMARY KEY`,
    `${q('created_at')} ${dt} NOT NULL`,
    `${q('created_by')} VARCHAR(64)`,
    `${q('updated_at')} ${dt} NOT NULL`,
    `${q('updated_by')} VARCHAR(64)`,
    `${q('owner_id')} VARCHAR(64)`,
    `${q('version')} INTEGER NOT NULL`,
    `${q('deleted_at')} ${dt}`,
    ...entity.fields.flatMap((f) => columnTypes(f, dialect).map(([name, type]) => `${q(name)} ${type}`)),
  ];
  return `CREATE TABLE ${q(`e_${entity.key}`)} (${columns.join(', ')})`;
}

const STAMP = '2024-01-01 00:00:00.000';

function system(row: { id: string; deleted: boolean; owner_id?: string | null }): Record<string, SqlValue> {
  return {
    id: row.id,
    created_at: STAMP,
    updated_at: STAMP,
    owner_id: row.owner_id ?? null,
    version: 1,
    deleted_at: row.deleted ? STAMP : null,
  };
}

/** Every fixture row in its stored form, by table. */
export function fixtureInserts(): [string, Record<string, SqlValue>[]][] {
  const bool = (b: boolean | null): SqlValue => (b === null ? null : b ? 1 : 0);
  return [
    ['e_branch', branches.map((b) => ({ ...system(b), code: b.code, name: b.name, region: b.region }))],
    ['e_rm', rms.map((r) => ({ ...system(r), name: r.name, branch: r.branch }))],
    [
      'e_customer',
      customers.map((c) => ({
        ...system(c),
        name: c.name,
        segment: c.segment,
        vip: bool(c.vip),
        tags: c.tags === null ? null : JSON.stringify(c.tags),
        birth_date: c.birth_date,
        onboarded_at: c.onboarded_at,
        credit_score: c.credit_score,
        aum: c.aum,
        aum_currency: c.aum_currency,
        income: c.income,
        branch: c.branch,
        rm: c.rm,
        notes: c.notes,
      })),
    ],
    [
      'e_loan',
      loans.map((l) => ({
        ...system(l),
        customer: l.customer,
        branch: l.branch,
        rm: l.rm,
        amount: l.amount,
        amount_currency: l.amount_currency,
        term_months: l.term_months,
        rate: l.rate,
        status: l.status,
        product: l.product,
        submitted_at: l.submitted_at,
        decided_on: l.decided_on,
        note: l.note,
        extra: l.extra === null ? null : JSON.stringify(l.extra),
      })),
    ],
  ];
}

async function load(
  run: (sql: string, params: SqlValue[]) => Promise<void>,
  dialect: DialectName,
): Promise<void> {
  const q = dialectOf(dialect).quote;
  for (const entity of ENTITIES) await run(createTableSql(entity, dialect), []);
  for (const [table, rows] of fixtureInserts()) {
    for (const row of rows) {
      const keys = Object.keys(row);
      await run(
        `INSERT INTO ${q(table)} (${keys.map(q).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`,
        Object.values(row),
      );
    }
  }
}

function sqliteDatabase(): TestDatabase {
  const db = new Database(':memory:');
  return {
    dialect: 'sqlite',
    all: async (sql, params) => {
      const statement = db.prepare(sql);
      if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
      statement.run(...params);
      return [];
    },
    close: async () => void db.close(),
  };
}

/** A fresh, uniquely named MariaDB database, dropped on close. */
async function mysqlDatabase(url: string): Promise<TestDatabase> {
  const base = new URL(url);
  const name = `bf_report_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const connect = (database?: string): Promise<Connection> =>
    createConnection({
      host: base.hostname,
      port: Number(base.port || 3306),
      user: decodeURIComponent(base.username),
      password: decodeURIComponent(base.password),
      database,
      dateStrings: true,
      timezone: 'Z',
    });
  const admin = await connect();
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
  await admin.end();
  const conn = await connect(name);
  return {
    dialect: 'mysql',
    all: async (sql, params) => (await conn.query(sql, [...params]))[0] as Record<string, unknown>[],
    close: async () => {
      await conn.query(`DROP DATABASE \`${name}\``);
      await conn.end();
    },
  };
}

/** A database of the dialect with the fixture tables and rows loaded. */
export async function openFixtureDatabase(dialect: DialectName): Promise<TestDatabase> {
  const db = dialect === 'mysql' ? await mysqlDatabase(process.env.TEST_MYSQL_URL!) : sqliteDatabase();
  await load(async (sql, params) => void (await db.all(sql, params)), dialect);
  return db;
}
