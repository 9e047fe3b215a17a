// The decision API over real HTTP: POST /api/decisions/loan_scoring/evaluate as another system would
// call it (an API key holding the credit officer's role), against the built server on SQLite with
// the example bank CRM, next to the rule engine's own evaluations/s in this process.
// Usage: npm run bench -- decision-http [--seconds N] [--rounds N] [--connections N]
// Every request is evaluated and logged (bf_decision_evaluation, group-committed); the bench checks
// the log holds them all afterwards. Target: >= 2,000 req/s at 20 connections. For scale, the same
// clients also drive GET /api/health (public: no key, no database), the server's own ceiling here.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import Sqlite from 'better-sqlite3';
import { loanScoringDecision } from '@bankforge/example-bank-crm';
import { compileDecisionModel, decisionInputReader, topDecisionName } from '@bankforge/rule-engine';
import { Pool } from 'undici';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    rounds: { type: 'string', default: '3' },
    connections: { type: 'string', default: '20' },
  },
});
const SECONDS = Number(args.seconds);
const ROUNDS = Number(args.rounds);
const CONNECTIONS = Number(args.connections);
const TARGET = 2000;
const PATH = '/api/decisions/loan_scoring/evaluate';
/** Excellent credit, a loan of twice the income (money as decimal text, as records send it). */
const INPUTS = { CreditScore: 780, AnnualIncome: '1000000.00', Amount: '2000000.00' };
const BODY = JSON.stringify({ inputs: INPUTS });
const EXPECTED = { key: 'loan_scoring', version: 1, outputs: { score: 100, recommendation: 'approve' } };
const serverMain = process.env.BENCH_SERVER_MAIN ?? new URL('../apps/server/dist/main.js', import.meta.url).pathname;
const work = `/tmp/bf-bench-decision-http-${process.pid}`;
const adminPassword = `${randomBytes(18).toString('base64url')}-Aa1`;

const round = (n: number, digits = 1): number => Number(n.toFixed(digits));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

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

async function waitForHealth(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}; see ${work}/server.log`);
    try {
      const response = await fetch(`${origin}/api/health`);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error('the server did not start within 300 s');
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/**
 * Waits until the example's seed has been dispatched: loading it leaves ~8,000 domain events
 * (one per record created) that the server delivers in the background after it starts listening.
 * Measured during that, the rounds would time the backlog, not the decision API.
 */
async function waitForEventBacklog(): Promise<void> {
  const db = new Sqlite(`${work}/bankforge.sqlite`, { readonly: true });
  try {
    const pending = db.prepare("SELECT COUNT(*) AS n FROM bf_domain_event WHERE state = 'pending'");
    const deadline = Date.now() + 300_000;
    while ((pending.get() as { n: number }).n > 0) {
      if (Date.now() > deadline) throw new Error('the example\'s domain events were not delivered within 300 s');
      await sleep(500);
    }
  } finally {
    db.close();
  }
}

async function json(response: Response): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  if (response.status >= 300) throw new Error(`${response.url} answered ${response.status}: ${JSON.stringify(body)}`);
  return body;
}

/**
 * An API key of the credit officer's role, made by the administrator, with the highest rate limit
 * a key may have (100,000 a minute): its bucket starts full, so the bench's ~40,000 calls all pass
 * (the default of 1,200 a minute would answer 429 within the first second).
 */
async function apiKey(origin: string): Promise<string> {
  const login = await fetch(`${origin}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: adminPassword }) });
  await login.arrayBuffer();
  const cookie = /bf_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  if (login.status !== 200 || !cookie) throw new Error(`sign-in failed: ${login.status}`);
  const created = await json(await fetch(`${origin}/api/auth/api-keys`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ name: 'bench', roles: ['credit_officer'], rateLimit: { perMinute: 100_000 } }) }));
  return String(created.key);
}

interface Round {
  requests: number;
  ms: number;
  latencies: number[];
}

interface Target {
  origin: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/** CONNECTIONS clients, each sending the next request when its answer has been read in full. */
async function load(target: Target, seconds: number): Promise<Round> {
  const pool = new Pool(target.origin, { connections: CONNECTIONS, pipelining: 1, keepAliveTimeout: 60_000 });
  const latencies: number[] = [];
  let failure: Error | undefined;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const client = async (): Promise<void> => {
    while (!failure && performance.now() < deadline) {
      const t = performance.now();
      const response = await pool.request({ path: target.path, method: target.method, headers: target.headers, body: target.body ?? null });
      const text = await response.body.text();
      if (response.statusCode !== 200) failure = new Error(`answered ${response.statusCode}: ${text.slice(0, 300)}`);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, client));
  const ms = performance.now() - started;
  await pool.close();
  if (failure) throw failure;
  return { requests: latencies.length, ms, latencies };
}

const perSecond = (rounds: readonly Round[]): number => round((rounds.reduce((n, r) => n + r.requests, 0) / rounds.reduce((n, r) => n + r.ms, 0)) * 1000);
const percentile = (sorted: readonly number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** The engine alone: the same decision, the same inputs, evaluated as the server does (JSON in, JSON out). */
function engineRate(seconds: number): number {
  const model = compileDecisionModel(loanScoringDecision);
  const top = topDecisionName(loanScoringDecision);
  const read = decisionInputReader(loanScoringDecision);
  const check = model.evaluateJson(top, read(INPUTS)).value;
  if (!isDeepStrictEqual(check, EXPECTED.outputs)) throw new Error(`the engine answered ${JSON.stringify(check)}`);
  let n = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  while (performance.now() < deadline) {
    for (let i = 0; i < 1000; i++) model.evaluateJson(top, read(INPUTS));
    n += 1000;
  }
  return (n / (performance.now() - started)) * 1000;
}

/** The V8 flags of the server's `start` script (`--name=value`), which the operator's server runs with. */
function serverStartFlags(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../apps/server/package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
  return manifest.scripts.start.match(/--[\w-]+=\S+/g) ?? [];
}

async function main(): Promise<void> {
  mkdirSync(work, { recursive: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const log = openSync(`${work}/server.log`, 'w');
  // As `npm start` runs it: with its start script's V8 flags (a young generation large enough that
  // a request's garbage is swept less often). BENCH_SERVER_NODE_ARGS: extra node options for the
  // server (e.g. --cpu-prof), to profile it under this load.
  const nodeArgs = [...serverStartFlags(), ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)];
  const server = spawn(process.execPath, [...nodeArgs, serverMain], {
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: work,
      DATABASE_URL: '',
      BANKFORGE_EXAMPLE: 'bank-crm',
      BANKFORGE_ADMIN_PASSWORD: adminPassword,
      BANKFORGE_DATA_KEY: randomBytes(32).toString('base64'),
      BANKFORGE_INDEX_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
    },
  });
  try {
    await waitForHealth(origin, server);
    await waitForEventBacklog();
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${await apiKey(origin)}` };
    const answer = await json(await fetch(`${origin}${PATH}`, { method: 'POST', headers, body: BODY }));
    if (!isDeepStrictEqual(answer, EXPECTED)) throw new Error(`the server answered ${JSON.stringify(answer)}`);
    console.log(`decision-http bench: POST ${PATH} ${BODY} with an API key, SQLite, ${CONNECTIONS} keep-alive clients, ${ROUNDS} rounds of ${SECONDS} s`);

    const evaluate: Target = { origin, method: 'POST', path: PATH, headers, body: BODY };
    const health: Target = { origin, method: 'GET', path: '/api/health', headers: {} };
    await load(evaluate, 1);
    await load(health, 1);
    // Alternating, so that the machine's other load weighs on both alike.
    const rounds: Round[] = [];
    const healthRounds: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      rounds.push(await load(evaluate, SECONDS));
      healthRounds.push(await load(health, SECONDS));
      console.log(`  round ${r + 1}: evaluate ${perSecond([rounds[r]!])} req/s, health ${perSecond([healthRounds[r]!])} req/s`);
    }
    const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const requests = rounds.reduce((n, r) => n + r.requests, 0);
    const requestsPerSecond = perSecond(rounds);
    const healthPerSecond = perSecond(healthRounds);
    const p50Ms = round(percentile(latencies, 50), 2);
    const p95Ms = round(percentile(latencies, 95), 2);
    const engineEvaluationsPerSecond = Math.round(engineRate(3));

    // Every evaluation answered is in the log (the server has answered them all, so their rows are committed).
    const db = new Sqlite(`${work}/bankforge.sqlite`, { readonly: true });
    const logged = (db.prepare("SELECT COUNT(*) AS n FROM bf_decision_evaluation WHERE decision_key = 'loan_scoring'").get() as { n: number }).n;
    db.close();

    const met = requestsPerSecond >= TARGET;
    console.log(`server: ${requestsPerSecond} req/s, p50 ${p50Ms} ms, p95 ${p95Ms} ms (${requests} requests; ${logged} evaluations logged in all)`);
    console.log(`health (the server's ceiling here): ${healthPerSecond} req/s; evaluate/health ${round(requestsPerSecond / healthPerSecond, 2)}`);
    console.log(`engine alone, same process as the clients: ${engineEvaluationsPerSecond} evaluations/s (${round(engineEvaluationsPerSecond / requestsPerSecond)}x the server)`);
    console.log(`target >= ${TARGET} req/s: ${met ? 'MET' : 'NOT MET'}`);
    console.log(`BENCH decision-http ${JSON.stringify({ connections: CONNECTIONS, seconds: SECONDS, rounds: ROUNDS, requestsPerSecond, p50Ms, p95Ms, healthPerSecond, engineEvaluationsPerSecond, logged, target: TARGET, met })}`);
  } finally {
    await stop(server);
    if (!process.env.BENCH_KEEP) rmSync(work, { recursive: true, force: true });
  }
}

await main();
