import { createServer, request as httpRequest, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestLogging, type IdentifiedRequest } from './request-logging.js';

interface Line {
  level: number;
  msg: string;
  req: { id: string; method: string; url: string };
  res: { statusCode: number };
  responseTime: number;
}

describe('requestLogging', () => {
  const lines: Line[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) if (text) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  const log = requestLogging(pino({ level: 'info' }, sink));
  /** Answers held back until the test releases them (an aborted request's). */
  const held: ServerResponse[] = [];
  let server: Server;
  let port: number;

  beforeAll(async () => {
    server = createServer((request: IdentifiedRequest, response) =>
      log(request, response, () => {
        if (request.url === '/hold') return void held.push(response);
        response.statusCode = request.url === '/missing' ? 404 : 200;
        response.end(JSON.stringify({ id: request.id }));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const until = async (check: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  };

  it('writes one line per answered request, with its id, method, path without the query, and status', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/things?secret=1`, { headers: { 'x-request-id': 'gateway-42' } });
    expect(response.headers.get('x-request-id')).toBe('gateway-42');
    await response.text();
    await fetch(`http://127.0.0.1:${port}/missing`).then((r) => r.text());
    await until(() => lines.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request completed', req: { id: 'gateway-42', method: 'GET', url: '/things' }, res: { statusCode: 200 } });
    expect(lines[1]).toMatchObject({ level: 40, msg: 'request completed', req: { method: 'GET', url: '/missing' }, res: { statusCode: 404 } });
    expect(lines[1]!.req.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes one line, marked aborted, for a request whose client went away before the answer', async () => {
    lines.length = 0;
    const client = httpRequest({ host: '127.0.0.1', port, path: '/hold' });
    client.on('error', () => undefined);
    client.end();
    await until(() => held.length === 1);
    client.destroy();
    await until(() => lines.length >= 1);
    // The server answering afterwards writes nothing more.
    held[0]!.end('late');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ msg: 'request aborted', req: { url: '/hold' } });
  });
});
