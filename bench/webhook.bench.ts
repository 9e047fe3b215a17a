// Webhook dispatch: N record changes delivered as signed webhooks to a local receiver, on MariaDB or SQLite.
// Usage: npm run bench -- webhook [--deliveries N] [--database mariadb|sqlite]
// The server runs in this process with its dispatchers polling as they do in production: N branch
// records are created (the system's bulk create, 500 a transaction), each writes its domain event,
// the webhook intake turns each into a delivery of a subscription to record.created, and the sender
// POSTs them, signed, to a node:http receiver on 127.0.0.1 (allow-listed by the administrator, as a
// bank's own network must be). The receiver checks every signature with node:crypto alone (the
// Standard Webhooks scheme, not the server's code) and counts. Printed: deliveries/s from the first
// delivery received to the last (target >= 500), and from the first record written to the last
// delivery (events, intake and sending together).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { bankCrmEntities } from '@bankforge/example-bank-crm';
import { ArtifactsService, RecordsService, SYSTEM_ACTOR, createBankForgeApp } from '@bankforge/server';
import { pino } from 'pino';
import { freshSchema } from './mariadb-schema.js';

const { values: args } = parseArgs({ options: { deliveries: { type: 'string', default: '10000' }, database: { type: 'string', default: 'mariadb' } } });
const DELIVERIES = Math.min(Number(args.deliveries), 676_000);
const DATABASE = args.database === 'sqlite' ? 'sqlite' : 'mariadb';
const PASSWORD = 'Bench-Only-Admin-1';
const CREATE_BATCH = 500;
const dir = `/tmp/bf-bench-webhook-${process.pid}`;
const branch = bankCrmEntities.find((e) => e.key === 'branch')!;

/** The n-th branch's code, as the example's pattern has it: two letters and three digits (676,000 of them). */
function branchCode(n: number): string {
  const letters = Math.floor(n / 1000);
  return `${String.fromCharCode(65 + Math.floor(letters / 26))}${String.fromCharCode(65 + (letters % 26))}${String(n % 1000).padStart(3, '0')}`;
}

/** What the receiver saw: deliveries counted once each (by webhook-id), when the first and the last arrived, and any it could not verify. */
interface Received {
  ids: Set<string>;
  first: number;
  last: number;
  badSignatures: number;
}

/** The Standard Webhooks signature of a delivery, computed here from the spec: HMAC-SHA256 over `id.timestamp.body`, keyed by the secret's base64 after `whsec_`. */
function signedBy(secret: string, id: string, timestamp: string, body: string): Buffer {
  return createHmac('sha256', Buffer.from(secret.slice('whsec_'.length), 'base64')).update(`${id}.${timestamp}.${body}`).digest();
}

function verified(request: IncomingMessage, body: string, secret: string): boolean {
  const [id, timestamp, signatures] = ['webhook-id', 'webhook-timestamp', 'webhook-signature'].map((name) => request.headers[name]);
  if (typeof id !== 'string' || typeof timestamp !== 'string' || typeof signatures !== 'string') return false;
  const expected = signedBy(secret, id, timestamp, body);
  return signatures.split(' ').some((signature) => {
    const [version, value] = signature.split(',');
    const given = Buffer.from(value ?? '', 'base64');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

async function main(): Promise<void> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const databaseUrl = DATABASE === 'mariadb' ? await freshSchema(process.env.BENCH_SCHEMA ?? 'bf_bench_webhook') : undefined;
  console.log(`database: ${DATABASE === 'mariadb' ? 'MariaDB' : 'SQLite (embedded)'}; ${DELIVERIES.toLocaleString('en')} deliveries`);
  const { app } = await createBankForgeApp(
    { port: 0, host: '127.0.0.1', dataDir: dir, databaseUrl, example: undefined, logLevel: 'silent', adminPassword: PASSWORD, loginAttemptsPerMinute: 1000 },
    pino({ level: 'silent' }),
  );
  const artifacts = app.get(ArtifactsService);
  await artifacts.saveDraft('entity', branch.key, branch, undefined, SYSTEM_ACTOR);
  await artifacts.publish('entity', branch.key, false, SYSTEM_ACTOR);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}/api`;
  const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD }) });
  const cookie = /bf_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];
  const call = async <T>(method: string, path: string, body: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, { method, headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const json = (await response.json()) as T;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };

  let secret = '';
  const received: Received = { ids: new Set(), first: 0, last: 0, badSignatures: 0 };
  let allReceived: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (allReceived = resolve));
  const receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (!verified(request, body, secret)) {
        received.badSignatures++;
        response.writeHead(401).end();
        return;
      }
      const now = performance.now();
      if (received.ids.size === 0) received.first = now;
      received.ids.add(String(request.headers['webhook-id']));
      received.last = now;
      response.writeHead(204).end();
      if (received.ids.size >= DELIVERIES) allReceived();
    });
  });
  receiver.listen(0, '127.0.0.1');
  await new Promise((resolve) => receiver.once('listening', resolve));
  const target = `127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  await call('PUT', '/connectors/allowed-hosts', { hosts: [target] });
  const subscription = await call<{ secret: string }>('POST', '/webhooks', { key: 'branch_feed', name: { en: 'Branch feed', 'zh-CN': '网点推送' }, url: `http://${target}/hooks`, eventTypes: ['record.created'] });
  secret = subscription.secret;

  const records = app.get(RecordsService);
  const started = performance.now();
  for (let written = 0; written < DELIVERIES; written += CREATE_BATCH) {
    const items = Array.from({ length: Math.min(CREATE_BATCH, DELIVERIES - written) }, (_, i) => {
      const n = written + i;
      return { entity: 'branch', values: { code: branchCode(n), name: `网点 ${n}`, city: '上海', region: n % 2 === 0 ? 'east' : 'north' } };
    });
    await records.createMany(items, SYSTEM_ACTOR);
  }
  const writtenSeconds = (performance.now() - started) / 1000;
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 600_000).unref());
  if ((await Promise.race([done, timeout])) === 'timeout') throw new Error(`only ${received.ids.size} of ${DELIVERIES} deliveries arrived in 10 minutes`);
  if (received.badSignatures > 0) throw new Error(`${received.badSignatures} deliveries failed the signature check`);
  const sendingSeconds = (received.last - received.first) / 1000;
  const endToEndSeconds = (received.last - started) / 1000;
  const rate = (DELIVERIES - 1) / sendingSeconds;
  console.log(`records written (with their events) in ${writtenSeconds.toFixed(1)} s`);
  console.log(`deliveries: ${received.ids.size.toLocaleString('en')} received, every signature verified; first to last ${sendingSeconds.toFixed(1)} s = ${Math.round(rate)} deliveries/s (target >= 500)`);
  console.log(`first record written to last delivery: ${endToEndSeconds.toFixed(1)} s = ${Math.round(DELIVERIES / endToEndSeconds)} deliveries/s`);
  console.log(
    `BENCH webhook ${JSON.stringify({ database: DATABASE, deliveries: DELIVERIES, deliveriesPerSecond: Math.round(rate), endToEndPerSecond: Math.round(DELIVERIES / endToEndSeconds), writeSeconds: Math.round(writtenSeconds * 10) / 10 })}`,
  );
  receiver.close();
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}

await main();
