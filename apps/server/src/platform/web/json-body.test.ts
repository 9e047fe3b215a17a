import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonBodies } from './json-body.js';

const LIMIT = 1024 * 1024;

describe('jsonBodies', () => {
  const parse = jsonBodies(LIMIT);
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    // Answers what the parser left: the body, or the error it passed on (as body-parser's carry type and status).
    server = createServer((request, response) =>
      parse(request as Request, response as unknown as Response, (error?: unknown) => {
        const failure = error as { type?: string; status?: number } | undefined;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(failure ? { error: { type: failure.type, status: failure.status } } : { body: (request as Request).body ?? null }));
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const send = async (body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }, method = 'POST'): Promise<unknown> =>
    (await fetch(origin, { method, headers, body })).json();

  it('parses a JSON write, with or without a UTF-8 charset, a +json type, a byte order mark, or in many chunks', async () => {
    expect(await send('{"inputs":{"CreditScore":780,"名":"王芳"}}')).toEqual({ body: { inputs: { CreditScore: 780, 名: '王芳' } } });
    expect(await send('[1,2]', { 'content-type': 'application/json; charset=UTF-8' })).toEqual({ body: [1, 2] });
    expect(await send('{"a":1}', { 'content-type': 'application/merge-patch+json' }, 'PATCH')).toEqual({ body: { a: 1 } });
    expect(await send('\ufeff {"a":1}')).toEqual({ body: { a: 1 } });
    const large = { items: Array.from({ length: 20_000 }, (_, i) => ({ i, text: '数据' })) };
    expect(await send(JSON.stringify(large))).toEqual({ body: large });
  });

  it('reads an empty write as {} and refuses what strict JSON refuses', async () => {
    expect(await send('')).toEqual({ body: {} });
    expect(await send('"just text"')).toEqual({ error: { type: 'entity.parse.failed', status: 400 } });
    expect(await send('{"a":')).toEqual({ error: { type: 'entity.parse.failed', status: 400 } });
  });

  it('leaves anything else to body-parser: compressed, another charset, too large', async () => {
    expect(await send(gzipSync('{"zipped":true}'), { 'content-type': 'application/json', 'content-encoding': 'gzip' })).toEqual({ body: { zipped: true } });
    expect(await send('{"a":1}', { 'content-type': 'application/json; charset=latin1' })).toEqual({ error: { type: 'charset.unsupported', status: 415 } });
    expect(await send(JSON.stringify({ text: 'x'.repeat(LIMIT) }))).toEqual({ error: { type: 'entity.too.large', status: 413 } });
  });

  it('reads no body a write does not send as JSON', async () => {
    expect(await send('a=1', { 'content-type': 'application/x-www-form-urlencoded' })).toEqual({ body: null });
  });
});
