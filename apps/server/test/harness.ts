import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { createConnection } from 'mysql2/promise';
import { pino } from 'pino';
import type { EntityDefinition } from '@bankforge/data-model';
import { createBankForgeApp } from '../src/app.js';
import type { Dialect, ServerConfig } from '../src/platform/config/server-config.js';
import type { Database } from '../src/platform/database/database.js';

/** SQLite always; MySQL/MariaDB too when TEST_MYSQL_URL names a server (CI sets it). */
export function dialects(): Dialect[] {
  return process.env.TEST_MYSQL_URL ? ['sqlite', 'mysql'] : ['sqlite'];
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export type Requester = <T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<ApiResponse<T>>;

/** The bootstrap administrator's password in every test server. */
export const ADMIN_PASSWORD = 'Test-Admin-Password-1';

export interface TestServer {
  url: string;
  dataDir: string;
  app: INestApplication;
  database: Database;
  /** Requests as the signed-in administrator (unless the headers carry other credentials). */
  request: Requester;
  /** Requests with no credentials at all. */
  anonymous: Requester;
  /** Signs a user in and answers a requester that acts as them. */
  signIn(username: string, password: string): Promise<Requester>;
  /** Saves and publishes an entity; fails the test unless both succeed. */
  publishEntity(entity: EntityDefinition, confirm?: 'data-loss'): Promise<Record<string, unknown>>;
  /** Saves and publishes an artifact of any other kind (a report, a form); fails the test unless both succeed. */
  publishArtifact(document: { kind: string; key: string }): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

/** A real server on a free port over a fresh database: its own SQLite file, or its own MySQL schema. */
export async function startTestServer(dialect: Dialect, overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bankforge-test-'));
  let databaseUrl: string | undefined;
  let dropSchema: (() => Promise<void>) | undefined;
  if (dialect === 'mysql') {
    const base = new URL(process.env.TEST_MYSQL_URL!);
    const schema = `bf_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = await createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
    await admin.query(`CREATE DATABASE \`${schema}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${schema}`;
    databaseUrl = url.toString();
    dropSchema = async () => {
      const conn = await createConnection({ host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username), password: decodeURIComponent(base.password) });
      await conn.query(`DROP DATABASE IF EXISTS \`${schema}\``);
      await conn.end();
    };
  }
  const { app, database } = await createBankForgeApp(
    { port: 0, host: '127.0.0.1', dataDir, databaseUrl, example: undefined, logLevel: 'silent', adminPassword: ADMIN_PASSWORD, loginAttemptsPerMinute: 1000, ...overrides },
    pino({ level: 'silent' }),
  );
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${address.port}`;
  const requester =
    (credentials: Record<string, string>): Requester =>
    async <T = Record<string, unknown>,>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: body === undefined ? { ...credentials, ...headers } : { 'content-type': 'application/json', ...credentials, ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      const json = text && /json/.test(response.headers.get('content-type') ?? '');
      return { status: response.status, headers: response.headers, body: (json ? JSON.parse(text) : text || undefined) as T };
    };
  const anonymous = requester({});
  const signIn = async (username: string, password: string): Promise<Requester> => {
    const response = await anonymous('POST', '/api/auth/login', { username, password });
    if (response.status !== 200) throw new Error(`signing in ${username} answered ${response.status}: ${JSON.stringify(response.body)}`);
    const cookie = /bf_session=[^;]+/.exec(response.headers.get('set-cookie') ?? '')?.[0];
    if (!cookie) throw new Error('no session cookie');
    return requester({ cookie });
  };
  const request = await signIn('admin', ADMIN_PASSWORD);
  const publish = async (document: { kind: string; key: string }, body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const path = `/api/artifacts/${document.kind}/${document.key}`;
    const saved = await request('PUT', path, document);
    if (saved.status !== 200) throw new Error(`saving ${document.key} answered ${saved.status}: ${JSON.stringify(saved.body)}`);
    const published = await request('POST', `${path}/publish`, body);
    if (published.status !== 200) throw new Error(`publishing ${document.key} answered ${published.status}: ${JSON.stringify(published.body)}`);
    return published.body;
  };
  return {
    url,
    dataDir,
    app,
    database,
    request,
    anonymous,
    signIn,
    publishEntity(entity, confirm) {
      return publish(entity, confirm ? { confirm } : {});
    },
    publishArtifact(document) {
      return publish(document, {});
    },
    async close() {
      await app.close();
      await dropSchema?.();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
