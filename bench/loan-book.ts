// The report benches' loan book on MariaDB: 1,000,000 loans over 200 branches and 2,000 RMs,
// submitted over the two years before NOW, loaded in bulk straight into the entity tables.
import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';
import { ArtifactsService, createBankForgeApp, SYSTEM_ACTOR, type BankForgeApp } from '@bankforge/server';
import { createConnection, type Connection } from 'mysql2/promise';
import { pino } from 'pino';
import { benchMysqlUrl, freshSchema } from './mariadb-schema.js';

export const BRANCHES = 200;
export const RMS = 2000;
export const ADMIN_PASSWORD = 'Bench-Admin-Password-1';
export const NOW = new Date('2026-01-15T09:30:00.000Z');
/** The last 12 calendar months including the current one, as the engine resolves them for NOW. */
export const LAST_12_MONTHS = ['2025-02-01 00:00:00.000', '2026-02-01 00:00:00.000'];
const CHUNK = 5000;

/** An artifact the bench publishes: a report or a dashboard over the loan book. */
export type BenchArtifact = { kind: Parameters<ArtifactsService['saveDraft']>[0]; key: string };

const field = (key: string, type: FieldDefinition['type'], extra: Partial<FieldDefinition> = {}): FieldDefinition => ({
  id: `f_${key}`,
  key,
  type,
  label: { en: key, 'zh-CN': key },
  ...extra,
});
const entity = (key: string, fields: FieldDefinition[]): EntityDefinition => ({
  kind: 'entity',
  key,
  title: key,
  label: { en: key, 'zh-CN': key },
  fields,
});

export const LOAN_BOOK_ENTITIES = [
  entity('branch', [field('code', 'text', { maxLength: 8 })]),
  entity('rm', [field('name', 'text'), field('branch', 'reference', { reference: { entity: 'branch' } })]),
  {
    ...entity('loan', [
      field('branch', 'reference', { reference: { entity: 'branch' } }),
      field('rm', 'reference', { reference: { entity: 'rm' } }),
      field('amount', 'money'),
      field('status', 'singleSelect', {
        options: ['submitted', 'approved', 'rejected'].map((value) => ({ value, label: { en: value, 'zh-CN': value } })),
      }),
      field('submitted_at', 'datetime', { indexed: true }),
    ]),
    // The index a bank declares for its loan dashboards: every widget filters by date and reads only these columns.
    indexes: [{ key: 'by_submission', fields: ['submitted_at', 'branch', 'rm', 'status', 'amount'] }],
  },
];
export const LOAN_BOOK_CATALOG: ReadonlyMap<string, EntityDefinition> = new Map(LOAN_BOOK_ENTITIES.map((e) => [e.key, e]));

export const round = (n: number, digits = 1): number => Number(n.toFixed(digits));
export const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
export const mb = (bytes: number): number => round(bytes / 1024 / 1024);
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const result = await work();
  return [performance.now() - t, result];
}

export function connect(database?: string): Promise<Connection> {
  return createConnection({
    host: benchMysqlUrl.hostname,
    port: Number(benchMysqlUrl.port || 3306),
    user: decodeURIComponent(benchMysqlUrl.username),
    password: decodeURIComponent(benchMysqlUrl.password),
    database,
    dateStrings: true,
    supportBigNumbers: true,
  });
}

/** A server on a fresh schema with the loan book's entities and the given artifacts published. */
export async function openLoanBookServer(
  schema: string,
  documents: readonly BenchArtifact[],
): Promise<{ server: BankForgeApp; url: string }> {
  const server = await createBankForgeApp(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir: '/tmp',
      databaseUrl: await freshSchema(schema),
      example: undefined,
      logLevel: 'silent',
      adminPassword: ADMIN_PASSWORD,
    },
    pino({ level: 'silent' }),
  );
  await server.app.listen(0, '127.0.0.1');
  const address = server.app.getHttpServer().address() as { port: number };
  const artifacts = server.app.get(ArtifactsService);
  for (const document of [...LOAN_BOOK_ENTITIES, ...documents]) {
    await artifacts.saveDraft(document.kind, document.key, document, undefined, SYSTEM_ACTOR);
    await artifacts.publish(document.kind, document.key, false, SYSTEM_ACTOR);
  }
  return { server, url: `http://127.0.0.1:${address.port}` };
}

/** Bulk rows straight into the tables (the store's API is not what these benches measure). */
export async function loadLoanBook(conn: Connection, rows: number): Promise<void> {
  const stamp = '2025-01-01 00:00:00.000';
  const system = (id: string): (string | number | null)[] => [id, stamp, stamp, 1, null];
  const columns = (names: string[]): string =>
    ['id', 'created_at', 'updated_at', 'version', 'owner_id', ...names].map((c) => `\`${c}\``).join(', ');
  await conn.query('SET foreign_key_checks = 0, unique_checks = 0');
  const branches = Array.from({ length: BRANCHES }, (_, i) => [...system(`b${pad(i, 4)}`), `B${pad(i, 4)}`]);
  await conn.query(`INSERT INTO e_branch (${columns(['code'])}) VALUES ?`, [branches]);
  const rms = Array.from({ length: RMS }, (_, i) => [...system(`r${pad(i, 5)}`), `RM ${i}`, `b${pad(i % BRANCHES, 4)}`]);
  await conn.query(`INSERT INTO e_rm (${columns(['name', 'branch'])}) VALUES ?`, [rms]);
  // mulberry32: consecutive draws are independent enough that every branch sees every month.
  let seed = 7;
  const random = (): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const span = 730 * 86_400_000;
  for (let start = 0; start < rows; start += CHUNK) {
    const chunk: (string | number | null)[][] = [];
    for (let i = start; i < Math.min(rows, start + CHUNK); i++) {
      const rm = Math.floor(random() * RMS);
      const submitted = new Date(NOW.getTime() - Math.floor(random() * span)).toISOString().replace('T', ' ').slice(0, 23);
      chunk.push([
        ...system(`l${pad(i, 8)}`),
        `b${pad(rm % BRANCHES, 4)}`,
        `r${pad(rm, 5)}`,
        (Math.floor(random() * 500_000_00) / 100).toFixed(2),
        'CNY',
        ['submitted', 'approved', 'rejected'][i % 3]!,
        submitted,
      ]);
    }
    await conn.query(
      `INSERT INTO e_loan (${columns(['branch', 'rm', 'amount', 'amount_currency', 'status', 'submitted_at'])}) VALUES ?`,
      [chunk],
    );
    if ((start / CHUNK) % 20 === 0) process.stdout.write(`  loaded ${start + chunk.length} loans\r`);
  }
  process.stdout.write('\n');
  await conn.query('SET foreign_key_checks = 1, unique_checks = 1');
  await conn.query('ANALYZE TABLE e_loan');
}
