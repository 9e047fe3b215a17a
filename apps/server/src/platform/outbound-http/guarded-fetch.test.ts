import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { guardedFetch, type OutboundPolicy, type ResolvedAddress } from './guarded-fetch.js';

/** A local receiver on 127.0.0.1 that counts what reaches it. */
interface Receiver {
  server: Server;
  port: number;
  hits: string[];
}

const CAP = 1000;

async function startReceiver(): Promise<Receiver> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    hits.push(`${req.method} ${url.pathname}`);
    const to = url.searchParams.get('to');
    switch (url.pathname) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/plain', 'x-receiver': 'yes' }).end('hello');
        return;
      case '/echo':
        void bodyOf(req).then((body) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ method: req.method, headers: req.headers, body })));
        return;
      case '/redirect':
        res.writeHead(Number(url.searchParams.get('status') ?? 302), { location: to ?? '/ok' }).end();
        return;
      case '/loop':
        res.writeHead(302, { location: '/loop' }).end();
        return;
      case '/hang':
        return; // never answers
      case '/hang-body':
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('partial');
        return; // never finishes
      case '/big':
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        for (let i = 0; i < 10; i++) res.write(Buffer.alloc(CAP / 5));
        res.end();
        return;
      case '/big-declared':
        res.writeHead(200, { 'content-length': String(CAP + 1) }).end(Buffer.alloc(CAP + 1));
        return;
      case '/exact':
        res.writeHead(200).end(Buffer.alloc(CAP));
        return;
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, hits };
}

function bodyOf(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** A resolver answering from a table, counting its calls: stands in for the bank's DNS. */
function fakeDns(table: Record<string, string[]>): { lookup: OutboundPolicy['lookup']; calls: string[] } {
  const calls: string[] = [];
  const lookup = async (hostname: string): Promise<ResolvedAddress[]> => {
    calls.push(hostname);
    const answers = table[hostname];
    if (answers === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return answers.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
  return { lookup, calls };
}

let a: Receiver;
let b: Receiver;

beforeAll(async () => {
  [a, b] = await Promise.all([startReceiver(), startReceiver()]);
});

afterAll(async () => {
  for (const { server } of [a, b]) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

beforeEach(() => {
  a.hits.length = 0;
  b.hits.length = 0;
});

const policy = (overrides: Partial<OutboundPolicy> = {}): OutboundPolicy => ({
  allowedHosts: new Set(),
  timeoutMs: 5_000,
  maxRedirects: 5,
  maxAnswerBytes: CAP,
  ...overrides,
});
const allowA = (overrides: Partial<OutboundPolicy> = {}): OutboundPolicy => policy({ allowedHosts: new Set([`127.0.0.1:${a.port}`]), ...overrides });

describe('guardedFetch', () => {
  it('refuses the loopback receiver by default, before connecting', async () => {
    const result = await guardedFetch(`http://127.0.0.1:${a.port}/ok?token=s3cret`, { headers: { authorization: 'Bearer s3cret' } }, policy());
    expect(result).toEqual({
      ok: false,
      reason: 'privateAddress',
      retry: false,
      detail: 'refused: 127.0.0.1 is a loopback address (this server itself); an administrator can allow-list this host',
    });
    expect(a.hits).toEqual([]);
    expect(await guardedFetch(`http://[::1]:${a.port}/ok`, {}, policy())).toMatchObject({ reason: 'privateAddress', detail: expect.stringMatching(/^refused: ::1 is a loopback address/) });
    expect(await guardedFetch('http://[::ffff:169.254.169.254]/latest/meta-data', {}, policy())).toMatchObject({ reason: 'privateAddress', detail: expect.stringContaining('link-local') });
  });

  it('reaches the receiver when an administrator allow-listed 127.0.0.1:<port>', async () => {
    const result = await guardedFetch(`http://127.0.0.1:${a.port}/ok`, {}, allowA());
    expect(result).toMatchObject({ ok: true, status: 200, headers: { 'x-receiver': 'yes', 'content-type': 'text/plain' } });
    expect(result.ok && result.body.toString()).toBe('hello');
    // A host allow-listed with another port is not this one.
    const otherPort = await guardedFetch(`http://127.0.0.1:${b.port}/ok`, {}, allowA());
    expect(otherPort).toMatchObject({ ok: false, reason: 'privateAddress' });
    expect(b.hits).toEqual([]);
  });

  it('sends the method, headers and body, and answers 4xx and 5xx as they are', async () => {
    const result = await guardedFetch(`http://127.0.0.1:${a.port}/echo`, { method: 'post', headers: { 'content-type': 'application/json', host: 'intranet.bank.local', 'webhook-id': 'msg_1' }, body: '{"x":1}' }, allowA());
    expect(result.ok).toBe(true);
    const echoed = JSON.parse(result.ok ? result.body.toString() : '{}') as { method: string; headers: Record<string, string>; body: string };
    expect(echoed).toMatchObject({ method: 'POST', body: '{"x":1}', headers: { 'webhook-id': 'msg_1', 'content-type': 'application/json' } });
    expect(echoed.headers.host).toBe(`127.0.0.1:${a.port}`); // a caller's Host header is not sent
    expect(await guardedFetch(`http://127.0.0.1:${a.port}/missing`, {}, allowA())).toMatchObject({ ok: true, status: 404 });
  });

  it('connects an allow-listed name to the address it was vetted with (the name has no real DNS)', async () => {
    const dns = fakeDns({ 'core.bank.test': ['127.0.0.1'] });
    const result = await guardedFetch(`http://core.bank.test:${a.port}/echo`, {}, policy({ allowedHosts: new Set(['core.bank.test']), lookup: dns.lookup }));
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect((JSON.parse(result.ok ? result.body.toString() : '{}') as { headers: { host: string } }).headers.host).toBe(`core.bank.test:${a.port}`);
    expect(dns.calls).toEqual(['core.bank.test']); // resolved once: the connection did not ask DNS again
  });

  it('refuses a host name whose DNS answers a private address, naming both', async () => {
    const dns = fakeDns({ 'core.bank.local': ['10.1.2.3'], 'mixed.example.com': ['93.184.215.14', '192.168.0.7'], 'meta.example.com': ['169.254.169.254'] });
    expect(await guardedFetch('https://core.bank.local/api', {}, policy({ lookup: dns.lookup }))).toEqual({
      ok: false,
      reason: 'privateAddress',
      retry: false,
      detail: 'refused: core.bank.local resolves to 10.1.2.3, a private address; an administrator can allow-list this host',
    });
    // One private address among public ones is enough to refuse.
    expect(await guardedFetch('https://mixed.example.com/', {}, policy({ lookup: dns.lookup }))).toMatchObject({ reason: 'privateAddress', detail: expect.stringContaining('192.168.0.7') });
    expect(await guardedFetch('http://meta.example.com/latest/meta-data', {}, policy({ lookup: dns.lookup }))).toMatchObject({ reason: 'privateAddress', detail: expect.stringContaining('metadata') });
  });

  it('refuses localhost through the system resolver', async () => {
    const result = await guardedFetch(`http://localhost:${a.port}/ok`, {}, policy());
    expect(result).toMatchObject({ ok: false, reason: 'privateAddress', detail: expect.stringMatching(/^refused: localhost resolves to (127\.0\.0\.1|::1), a loopback address/) });
    expect(a.hits).toEqual([]);
  });

  it('refuses a redirect from an allow-listed host to a loopback port that is not', async () => {
    const to = encodeURIComponent(`http://127.0.0.1:${b.port}/ok`);
    const result = await guardedFetch(`http://127.0.0.1:${a.port}/redirect?to=${to}`, {}, allowA());
    expect(result).toMatchObject({ ok: false, reason: 'privateAddress', retry: false, detail: expect.stringContaining('127.0.0.1 is a loopback address') });
    expect(a.hits).toEqual(['GET /redirect']);
    expect(b.hits).toEqual([]);
    // And to a name resolving to loopback.
    const toLocalhost = encodeURIComponent(`http://localhost:${b.port}/ok`);
    expect(await guardedFetch(`http://127.0.0.1:${a.port}/redirect?to=${toLocalhost}`, {}, allowA())).toMatchObject({ reason: 'privateAddress', detail: expect.stringContaining('localhost resolves to') });
    expect(b.hits).toEqual([]);
  });

  it('follows allowed redirects: 303 turns a POST into a GET, 307 keeps it, credentials stay on their origin', async () => {
    const seeOther = await guardedFetch(`http://127.0.0.1:${a.port}/redirect?status=303&to=/echo`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'data' }, allowA());
    expect(JSON.parse(seeOther.ok ? seeOther.body.toString() : '{}')).toMatchObject({ method: 'GET', body: '' });
    const temporary = await guardedFetch(`http://127.0.0.1:${a.port}/redirect?status=307&to=/echo`, { method: 'POST', body: 'data', headers: { authorization: 'Bearer t' } }, allowA());
    expect(JSON.parse(temporary.ok ? temporary.body.toString() : '{}')).toMatchObject({ method: 'POST', body: 'data', headers: { authorization: 'Bearer t' } });
    const both = policy({ allowedHosts: new Set([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`]) });
    const to = encodeURIComponent(`http://127.0.0.1:${b.port}/echo`);
    const crossOrigin = await guardedFetch(`http://127.0.0.1:${a.port}/redirect?status=307&to=${to}`, { headers: { authorization: 'Bearer t', 'x-trace': '1' } }, both);
    const echoed = JSON.parse(crossOrigin.ok ? crossOrigin.body.toString() : '{}') as { headers: Record<string, string> };
    expect(echoed.headers['x-trace']).toBe('1');
    expect(echoed.headers.authorization).toBeUndefined();
  });

  it('stops after maxRedirects', async () => {
    const result = await guardedFetch(`http://127.0.0.1:${a.port}/loop`, {}, allowA({ maxRedirects: 3 }));
    expect(result).toEqual({ ok: false, reason: 'tooManyRedirects', retry: false, detail: `refused: more than 3 redirects from 127.0.0.1:${a.port}` });
    expect(a.hits).toHaveLength(4);
  });

  it('gives up at the deadline on a receiver that never answers, or never finishes', async () => {
    for (const path of ['/hang', '/hang-body']) {
      const started = Date.now();
      const result = await guardedFetch(`http://127.0.0.1:${a.port}${path}`, {}, allowA({ timeoutMs: 200 }));
      expect(result).toEqual({ ok: false, reason: 'timeout', retry: true, detail: 'no complete answer within 200 ms' });
      expect(Date.now() - started).toBeLessThan(2_000);
    }
  });

  it('a slow DNS answer counts against the deadline', async () => {
    const lookup = (): Promise<ResolvedAddress[]> => new Promise(() => undefined);
    expect(await guardedFetch('https://slow.example.com/', {}, policy({ timeoutMs: 200, lookup }))).toMatchObject({ reason: 'timeout', retry: true });
  });

  it('refuses an answer over the size cap, streamed or declared; one at the cap passes', async () => {
    const detail = `the answer of 127.0.0.1:${a.port} is larger than ${CAP} bytes`;
    expect(await guardedFetch(`http://127.0.0.1:${a.port}/big`, {}, allowA())).toEqual({ ok: false, reason: 'tooLarge', retry: false, detail });
    expect(await guardedFetch(`http://127.0.0.1:${a.port}/big-declared`, {}, allowA())).toEqual({ ok: false, reason: 'tooLarge', retry: false, detail });
    const exact = await guardedFetch(`http://127.0.0.1:${a.port}/exact`, {}, allowA());
    expect(exact.ok && exact.body.length).toBe(CAP);
  });

  it('refuses URLs that are not plain http(s)', async () => {
    for (const url of ['ftp://example.com/x', 'file:///etc/passwd', 'not a url', 'https://user:pw@example.com/']) {
      const result = await guardedFetch(url, {}, policy());
      expect(result).toMatchObject({ ok: false, reason: 'badUrl', retry: false });
      expect(result.ok || result.detail).not.toContain('pw');
    }
    const toFile = encodeURIComponent('file:///etc/passwd');
    expect(await guardedFetch(`http://127.0.0.1:${a.port}/redirect?to=${toFile}`, {}, allowA())).toMatchObject({ reason: 'badUrl' });
  });

  it('with allowListOnly, refuses every other host, public ones too', async () => {
    const result = await guardedFetch('https://8.8.8.8/', {}, policy({ allowListOnly: true }));
    expect(result).toEqual({ ok: false, reason: 'notAllowed', retry: false, detail: 'refused: 8.8.8.8:443 is not an allow-listed host; an administrator can allow-list this host' });
    expect(await guardedFetch(`http://127.0.0.1:${a.port}/ok`, {}, allowA({ allowListOnly: true }))).toMatchObject({ ok: true, status: 200 });
  });

  it('answers network failures as retryable, with a code and no message', async () => {
    const closed = await startReceiver();
    const port = closed.port;
    await new Promise((resolve) => closed.server.close(resolve));
    const refused = await guardedFetch(`http://127.0.0.1:${port}/ok`, {}, policy({ allowedHosts: new Set(['127.0.0.1']) }));
    expect(refused).toEqual({ ok: false, reason: 'network', retry: true, detail: `could not reach 127.0.0.1:${port} (ECONNREFUSED)` });
    const unknown = await guardedFetch('https://nowhere.example.test/', {}, policy(fakeDns({})));
    expect(unknown).toEqual({ ok: false, reason: 'network', retry: true, detail: 'could not resolve nowhere.example.test (ENOTFOUND)' });
  });
});
