import { Inject, Injectable } from '@nestjs/common';
import { fromStoredDatetime, toStoredDatetime } from '@bankforge/data-model';
import type { Connector, ConnectorAuth, ConnectorChange, ConnectorInput } from '@bankforge/client';
import type { Actor } from '../access/actor.js';
import { AuditLog } from '../audit/audit-log.js';
import { FieldCipher } from '../../platform/crypto/field-cipher.js';
import type { SealedColumn } from '../../platform/crypto/sealed-column.js';
import { Database, type SqlExecutor } from '../../platform/database/database.js';
import { driverError } from '../../platform/database/driver-error.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { DEFAULT_TIMEOUT_MS } from './connector-request.js';

interface ConnectorRow {
  connector_key: string;
  name_en: string;
  name_zh: string;
  base_url: string;
  auth_kind: string;
  auth_settings: string;
  secret: string | null;
  timeout_ms: number | string;
  retries: number | string;
  default_headers: string;
  version: number | string;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

/** A connector with its secret in clear: only for sending a request, never for an answer. */
export interface ConnectorWithSecret {
  connector: Connector;
  secret: string | undefined;
}

const SELECT = 'SELECT * FROM bf_connector';

/** The cipher's associated data: a secret copied into another connector's row does not decrypt there. */
const secretField = (key: string): string => `bf_connector:${key}:secret`;

/** Re-encrypted by key rotation. */
export const connectorSealedColumns: readonly SealedColumn[] = [
  { table: 'bf_connector', column: 'secret', keys: ['connector_key'], associatedData: (row) => secretField(row.connector_key!) },
];

function connectorOf(row: ConnectorRow): Connector {
  return {
    key: row.connector_key,
    name: { en: row.name_en, 'zh-CN': row.name_zh },
    baseUrl: row.base_url,
    auth: { kind: row.auth_kind, ...(JSON.parse(row.auth_settings) as object) } as ConnectorAuth,
    hasSecret: row.secret !== null,
    timeoutMs: Number(row.timeout_ms),
    retries: Number(row.retries),
    headers: JSON.parse(row.default_headers) as Record<string, string>,
    version: Number(row.version),
    createdAt: fromStoredDatetime(row.created_at)!,
    createdBy: row.created_by,
    updatedAt: fromStoredDatetime(row.updated_at)!,
    updatedBy: row.updated_by,
  };
}

/** The auth's settings without its kind (the kind has its own column). */
function settingsOf(auth: ConnectorAuth): string {
  const { kind: _kind, ...settings } = auth;
  return JSON.stringify(settings);
}

/** What the audit log keeps of a connector: everything but the secret, of which only whether there is one. */
function audited(connector: Omit<Connector, 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy' | 'version'>): Record<string, unknown> {
  // Header values may be credentials an administrator put there; only their names are kept.
  return { name: connector.name, baseUrl: connector.baseUrl, auth: connector.auth, hasSecret: connector.hasSecret, timeoutMs: connector.timeoutMs, retries: connector.retries, headers: Object.keys(connector.headers) };
}

function notFound(key: string): ProblemError {
  return ProblemError.notFound('connectorNotFound', `There is no connector ${key.slice(0, 64)}.`);
}

function isUniqueViolation(error: unknown): boolean {
  const driver = driverError(error);
  return driver?.code === 'ER_DUP_ENTRY' || driver?.errno === 1062 || driver?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || driver?.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

function keyTaken(key: string): ProblemError {
  return new ProblemError(409, 'connectorKeyTaken', `There is already a connector ${key}.`, [
    { path: '/key', code: 'taken', message: `There is already a connector ${key}.`, messageZh: `已存在标识为 ${key} 的连接器。` },
  ]);
}

/**
 * The connectors administrators manage, and the hosts they allow-listed. Secrets are encrypted with
 * the field cipher before they reach SQL and decrypted only for a request (`withSecret`).
 */
@Injectable()
export class ConnectorStore {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  list(): Promise<Connector[]> {
    return this.database.read(async (sql) => (await sql.rows<ConnectorRow>(`${SELECT} ORDER BY connector_key`)).map(connectorOf));
  }

  async get(key: string): Promise<Connector> {
    return connectorOf(await this.row(key));
  }

  async withSecret(key: string): Promise<ConnectorWithSecret> {
    const row = await this.row(key);
    return { connector: connectorOf(row), secret: row.secret === null ? undefined : this.cipher.decrypt(row.secret, secretField(key)) };
  }

  async create(input: ConnectorInput, actor: Actor): Promise<Connector> {
    const now = toStoredDatetime(new Date().toISOString());
    const secret = typeof input.secret === 'string' ? this.cipher.encrypt(input.secret, secretField(input.key)) : null;
    const headers = input.headers ?? {};
    const timeoutMs = input.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const retries = input.retries ?? 0;
    try {
      await this.database.transaction(async (sql) => {
        if ((await sql.rows(`SELECT connector_key FROM bf_connector WHERE connector_key = ?`, [input.key])).length > 0) throw keyTaken(input.key);
        await sql.execute(
          'INSERT INTO bf_connector (connector_key, name_en, name_zh, base_url, auth_kind, auth_settings, secret, timeout_ms, retries, default_headers, version, created_at, created_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)',
          [input.key, input.name.en, input.name['zh-CN'], input.baseUrl, input.auth.kind, settingsOf(input.auth), secret, timeoutMs, retries, JSON.stringify(headers), now, actor.name, now, actor.name],
        );
        const after = audited({ key: input.key, name: input.name, baseUrl: input.baseUrl, auth: input.auth, hasSecret: secret !== null, timeoutMs, retries, headers });
        await this.audit.append(sql, actor, { action: 'connector', recordId: input.key, detail: { change: 'created', connector: input.key, after } });
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw keyTaken(input.key);
      throw error;
    }
    return this.get(input.key);
  }

  /**
   * Replaces a connector's settings if it is still at `change.version` (else 409). Without `secret`
   * the stored one is kept, unless the auth kind changed: a password is not sent as an API key.
   */
  async update(key: string, change: ConnectorChange, actor: Actor): Promise<Connector> {
    await this.database.transaction(async (sql) => {
      const before = connectorOfRow(await this.lockedRow(sql, key));
      if (before.row.version !== change.version) throw stale(key, before.row.version);
      const kept = change.secret === undefined && change.auth.kind === before.connector.auth.kind ? before.row.secret : null;
      const secret = typeof change.secret === 'string' ? this.cipher.encrypt(change.secret, secretField(key)) : kept;
      const headers = change.headers ?? {};
      const timeoutMs = change.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const retries = change.retries ?? 0;
      const changed = await sql.execute(
        'UPDATE bf_connector SET name_en = ?, name_zh = ?, base_url = ?, auth_kind = ?, auth_settings = ?, secret = ?, timeout_ms = ?, retries = ?, default_headers = ?, version = version + 1, updated_at = ?, updated_by = ? WHERE connector_key = ? AND version = ?',
        [change.name.en, change.name['zh-CN'], change.baseUrl, change.auth.kind, settingsOf(change.auth), secret, timeoutMs, retries, JSON.stringify(headers), toStoredDatetime(new Date().toISOString()), actor.name, key, change.version],
      );
      if (changed === 0) throw stale(key, before.row.version);
      const after = audited({ key, name: change.name, baseUrl: change.baseUrl, auth: change.auth, hasSecret: secret !== null, timeoutMs, retries, headers });
      // Whether the secret was replaced, kept or cleared, never what it is.
      const secretChange = typeof change.secret === 'string' ? 'replaced' : secret === null && before.row.secret !== null ? 'cleared' : 'kept';
      await this.audit.append(sql, actor, { action: 'connector', recordId: key, detail: { change: 'updated', connector: key, before: audited(before.connector), after, secret: secretChange } });
    });
    return this.get(key);
  }

  async remove(key: string, actor: Actor): Promise<void> {
    await this.database.transaction(async (sql) => {
      const { connector } = connectorOfRow(await this.lockedRow(sql, key));
      await sql.execute('DELETE FROM bf_connector WHERE connector_key = ?', [key]);
      await this.audit.append(sql, actor, { action: 'connector', recordId: key, detail: { change: 'deleted', connector: key, before: audited(connector) } });
    });
  }

  /** The hosts connectors may call despite private addresses, in order. */
  allowedHosts(sql?: SqlExecutor): Promise<string[]> {
    const read = async (s: SqlExecutor): Promise<string[]> => (await s.rows<{ host: string }>('SELECT host FROM bf_connector_allowed_host ORDER BY host')).map((r) => r.host);
    return sql ? read(sql) : this.database.read(read);
  }

  async saveAllowedHosts(hosts: readonly string[], actor: Actor): Promise<string[]> {
    const now = toStoredDatetime(new Date().toISOString());
    await this.database.transaction(async (sql) => {
      const before = await this.allowedHosts(sql);
      await sql.execute('DELETE FROM bf_connector_allowed_host');
      for (const host of hosts) await sql.execute('INSERT INTO bf_connector_allowed_host (host, created_at, created_by) VALUES (?, ?, ?)', [host, now, actor.name]);
      const after = [...hosts].sort();
      await this.audit.append(sql, actor, { action: 'connector', detail: { change: 'allowedHosts', added: after.filter((h) => !before.includes(h)), removed: before.filter((h) => !after.includes(h)) } });
    });
    return this.allowedHosts();
  }

  /** Records a test in the audit log: the method and the outcome (status or refusal), never a header, path or body. */
  async auditTest(key: string, actor: Actor, outcome: Record<string, unknown>): Promise<void> {
    await this.database.transaction((sql) => this.audit.append(sql, actor, { action: 'connector', recordId: key, detail: { change: 'tested', connector: key, ...outcome } }));
  }

  private async row(key: string): Promise<ConnectorRow> {
    const [row] = await this.database.read((sql) => sql.rows<ConnectorRow>(`${SELECT} WHERE connector_key = ?`, [key]));
    if (!row) throw notFound(key);
    return row;
  }

  private async lockedRow(sql: SqlExecutor, key: string): Promise<ConnectorRow> {
    const [row] = await sql.rows<ConnectorRow>(`${SELECT} WHERE connector_key = ?${sql.dialect === 'mysql' ? ' FOR UPDATE' : ''}`, [key]);
    if (!row) throw notFound(key);
    return row;
  }
}

function connectorOfRow(row: ConnectorRow): { connector: Connector; row: { version: number; secret: string | null } } {
  return { connector: connectorOf(row), row: { version: Number(row.version), secret: row.secret } };
}

function stale(key: string, current: number): ProblemError {
  return ProblemError.conflict('staleVersion', `The connector ${key} was changed by someone else (now version ${current}); reload it and make your change again.`, { currentVersion: current });
}
