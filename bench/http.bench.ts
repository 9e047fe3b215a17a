// The signed-in customer list page through HTTP, against a minimal handler doing the same work.
// Usage: npm run bench -- http [--seconds N] [--rounds N] [--connections N] [--limit N] [--only sqlite|mysql]
// For SQLite, then MariaDB (`BENCH_MYSQL_URL` or `TEST_MYSQL_URL`, default mysql://root@127.0.0.1:3306/test):
// starts the real server (apps/server/dist/main.js, example bank CRM loaded, request log at info as
// deployed) and the minimal `node:http` handler of http-minimal.mjs (same SELECTs through the same
// driver, same decryption, same JSON; no session, roles or audit), checks that both answer the same
// JSON, then drives each with the same keep-alive client (undici, N connections on loopback) in
// alternating rounds: server, handler, server, handler... Each round is bounded by time and count.
// The page is what the runtime's customer list sends for an administrator: its first six columns
// (two of them encrypted), a page of --limit rows and the total count.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { bankCrmEntities } from '@bankforge/example-bank-crm';
import { freshSchema } from './mariadb-schema.js';
import { Pool } from 'undici';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '20' },
    limit: { type: 'string', default: '50' },
    only: { type: 'string' },
  },
});
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = Number(args.connections);
const LIMIT = Number(args.limit);
/** Each round stops at this many requests even if its time is not up. */
const MAX_REQUESTS_PER_ROUND = 200_000;
const benchDir = new URL('.', import.meta.url).pathname;
// BENCH_SERVER_MAIN: another build of the server (say, of the commit before a change) to compare under the same load.
const serverMain = process.env.BENCH_SERVER_MAIN ?? new URL('../apps/server/dist/main.js', import.meta.url).pathname;
const work = `/tmp/bf-bench-http-${process.pid}`;

// The list page of the runtime (apps/runtime/src/entity-list): the first six listable, short fields.
const customer = bankCrmEntities.find((e) => e.key === 'customer')!;
const listed = customer.fields.filter((f) => f.type !== 'json' && f.type !== 'longText').slice(0, 6);
const PATH = '/api/records/customer/query';
const BODY = JSON.stringify({ fields: listed.map((f) => f.key), limit: LIMIT, count: true });

const dataKey = randomBytes(32).toString('base64');
const indexKey = randomBytes(32).toString('base64');
const adminPassword = `${randomBytes(18).toString('base64url')}-Aa1`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function waitFor(url: string, child: ChildProcess, what: string, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}; see ${work}`);
    try {
      const response = await fetch(url, { method: url.endsWith('query') ? 'POST' : 'GET', headers: { 'content-type': 'application/json' }, body: url.endsWith('query') ? BODY : undefined });
      await response.arrayBuffer();
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${what} did not start within ${timeoutMs / 1000} s`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}


interface Side {
  origin: string;
  headers: Record<string, string>;
}

interface Round {
  requests: number;
  ms: number;
  latencies: number[];
}

/** CONNECTIONS clients, each sending the next request when its answer has been read in full. */
async function load(side: Side, seconds: number, maxRequests: number): Promise<Round> {
  const pool = new Pool(side.origin, { connections: CONNECTIONS, pipelining: 1, keepAliveTimeout: 60_000 });
  const latencies: number[] = [];
  let sent = 0;
  let failure: Error | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (): Promise<void> => {
    while (!failure && sent < maxRequests && performance.now() < deadline) {
      sent++;
      const t = performance.now();
      const response = await pool.request({ path: PATH, method: 'POST', headers: side.headers, body: BODY });
      const text = await response.body.text();
      if (response.statusCode !== 200) failure = new Error(`${side.origin} answered ${response.statusCode}: ${text.slice(0, 300)}`);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  const ms = performance.now() - started;
  await pool.close();
  if (failure) throw failure;
  return { requests: latencies.length, ms, latencies };
}

async function answer(side: Side): Promise<unknown> {
  const response = await fetch(`${side.origin}${PATH}`, { method: 'POST', headers: side.headers, body: BODY });
  const body = (await response.json()) as unknown;
  if (response.status !== 200) throw new Error(`${side.origin} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const round = (n: number, digits = 1): number => Number(n.toFixed(digits));

interface Figures {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  requests: number;
}

function summary(rounds: Round[]): Figures {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = rounds.reduce((n, r) => n + r.requests, 0);
  const ms = rounds.reduce((n, r) => n + r.ms, 0);
  return { requestsPerSecond: round((requests / ms) * 1000), p50Ms: round(percentile(latencies, 50), 2), p95Ms: round(percentile(latencies, 95), 2), requests };
}

async function compare(dialect: 'sqlite' | 'mysql'): Promise<{ server: Figures; minimal: Figures; ratio: number }> {
  const dir = `${work}/${dialect}`;
  mkdirSync(dir, { recursive: true });
  const databaseUrl = dialect === 'mysql' ? await freshSchema('bf_bench_http') : undefined;
  const serverPort = await freePort();
  const log = openSync(`${dir}/server.log`, 'w');
  const started = Date.now();
  // BENCH_SERVER_NODE_ARGS: extra node options for the server (e.g. --cpu-prof), to profile it under this load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const server = spawn(process.execPath, [...nodeArgs, serverMain], {
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      PORT: String(serverPort),
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      DATABASE_URL: databaseUrl ?? '',
      BANKFORGE_EXAMPLE: 'bank-crm',
      BANKFORGE_ADMIN_PASSWORD: adminPassword,
      BANKFORGE_DATA_KEY: dataKey,
      BANKFORGE_INDEX_KEY: indexKey,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    },
  });
  let minimal: ChildProcess | undefined;
  try {
    await waitFor(`http://127.0.0.1:${serverPort}/api/health`, server, 'the server');
    console.log(`${dialect}: server up with the example loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const login = await fetch(`http://127.0.0.1:${serverPort}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: adminPassword }),
    });
    await login.arrayBuffer();
    const cookie = /bf_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
    // A same-origin browser request: JSON, the session cookie, no foreign Origin.
    const serverSide: Side = { origin: `http://127.0.0.1:${serverPort}`, headers: { 'content-type': 'application/json', cookie } };

    const minimalPort = await freePort();
    const spec = {
      table: 'e_customer',
      fields: listed.map((f) => ({ key: f.key, id: f.id, encrypted: f.sensitive === true, kind: f.type === 'integer' ? 'integer' : 'string' })),
      limit: LIMIT,
      dataKey,
    };
    minimal = spawn(process.execPath, [`${benchDir}/http-minimal.mjs`, String(minimalPort), databaseUrl ?? `${dir}/bankforge.sqlite`, JSON.stringify(spec)], { stdio: ['ignore', 'ignore', 'inherit'] });
    const minimalSide: Side = { origin: `http://127.0.0.1:${minimalPort}`, headers: { 'content-type': 'application/json' } };
    await waitFor(`${minimalSide.origin}/api/health`, minimal, 'the minimal handler', 30_000);

    const [fromServer, fromMinimal] = [await answer(serverSide), await answer(minimalSide)];
    if (!isDeepStrictEqual(fromServer, fromMinimal)) {
      throw new Error(`the two answers differ:\nserver  ${JSON.stringify(fromServer).slice(0, 600)}\nminimal ${JSON.stringify(fromMinimal).slice(0, 600)}`);
    }
    const rows = (fromServer as { items: unknown[]; total: number }).items.length;
    console.log(`${dialect}: both answer the same JSON (${rows} of ${(fromServer as { total: number }).total} customers); ${CONNECTIONS} keep-alive clients, ${ROUNDS} rounds of ${SECONDS} s each`);

    // Warm both (JIT, pools, caches), then alternate.
    await load(serverSide, 1, 2000);
    await load(minimalSide, 1, 2000);
    const serverRounds: Round[] = [];
    const minimalRounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const order = r % 2 === 0 ? ([[serverSide, serverRounds], [minimalSide, minimalRounds]] as const) : ([[minimalSide, minimalRounds], [serverSide, serverRounds]] as const);
      for (const [side, rounds] of order) rounds.push(await load(side, SECONDS, MAX_REQUESTS_PER_ROUND));
      const s = serverRounds[serverRounds.length - 1]!;
      const m = minimalRounds[minimalRounds.length - 1]!;
      console.log(`  round ${r + 1}: server ${round((s.requests / s.ms) * 1000)} req/s, minimal ${round((m.requests / m.ms) * 1000)} req/s`);
    }
    const serverFigures = summary(serverRounds);
    const minimalFigures = summary(minimalRounds);
    const ratio = round(serverFigures.requestsPerSecond / minimalFigures.requestsPerSecond, 3);
    console.log(`${dialect}: server  ${serverFigures.requestsPerSecond} req/s, p50 ${serverFigures.p50Ms} ms, p95 ${serverFigures.p95Ms} ms`);
    console.log(`${dialect}: minimal ${minimalFigures.requestsPerSecond} req/s, p50 ${minimalFigures.p50Ms} ms, p95 ${minimalFigures.p95Ms} ms`);
    console.log(`${dialect}: ratio server/minimal ${ratio} (target >= 0.7)`);
    return { server: serverFigures, minimal: minimalFigures, ratio };
  } finally {
    if (minimal) await stop(minimal);
    await stop(server);
  }
}

async function main(): Promise<void> {
  console.log(`http bench: POST ${PATH} ${BODY} as a signed-in administrator`);
  const dialects = (['sqlite', 'mysql'] as const).filter((d) => !args.only || args.only === d);
  const figures: Record<string, unknown> = { connections: CONNECTIONS, limit: LIMIT, seconds: SECONDS, rounds: ROUNDS };
  try {
    for (const dialect of dialects) figures[dialect] = await compare(dialect);
  } finally {
    if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  }
  console.log(`BENCH http ${JSON.stringify(figures)}`);
}

await main();
