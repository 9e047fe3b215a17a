import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestServer, type Requester, type TestServer } from './harness.js';

describe.each(dialects())('API key rate limits on %s', (dialect) => {
  let server: TestServer;
  const issue = async (name: string, limits: Record<string, unknown> = {}): Promise<Requester> => {
    const created = await server.request<{ key: string }>('POST', '/api/auth/api-keys', { name, roles: [], ...limits });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    return (method, path, body, headers = {}) => server.anonymous(method, path, body, { authorization: `Bearer ${created.body.key}`, ...headers });
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { apiKeyRatePerMinute: 5 });
  });
  afterAll(async () => server?.close());

  it("answers 429 rateLimited with Retry-After past a key's own limit, and the RateLimit headers on every answer", async () => {
    const feed = await issue('market-feed', { rateLimit: { perMinute: 3 } });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await feed('GET', '/api/auth/me'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0']);
    expect(answers[0]!.headers.get('ratelimit-limit')).toBe('3');
    expect(answers[0]!.headers.get('ratelimit-policy')).toBe('3;w=60');
    expect(Number(answers[2]!.headers.get('ratelimit-reset'))).toBeGreaterThan(0);
    const refused = await feed<{ code: string; status: number; retryAfterSeconds: number; errors: { code: string; messageZh: string }[] }>('GET', '/api/auth/me');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'rateLimited', status: 429, errors: [{ code: 'rateLimited', messageZh: expect.stringContaining('每分钟最多调用 3 次') }] });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect(refused.headers.get('ratelimit-remaining')).toBe('0');
    expect(refused.body.retryAfterSeconds).toBe(Number(refused.headers.get('retry-after')));
  });

  it('gives other keys their own bucket, the server default to keys without a limit, and nothing to wrong keys', async () => {
    const other = await issue('crm-sync');
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await other('GET', '/api/auth/me')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const listed = await server.request<{ name: string; rateLimit: unknown }[]>('GET', '/api/auth/api-keys');
    expect(listed.body.map((k) => [k.name, k.rateLimit])).toEqual([
      ['market-feed', { perMinute: 3 }],
      ['crm-sync', null],
    ]);
    // A wrong secret is refused as unknown (401), and never counts against the real key.
    const fresh = await issue('fresh', { rateLimit: { perMinute: 2 } });
    const wrong = `bfk_${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.${'x'.repeat(43)}`;
    for (let i = 0; i < 3; i++) expect((await server.anonymous('GET', '/api/auth/me', undefined, { authorization: `Bearer ${wrong}` })).status).toBe(401);
    expect([(await fresh('GET', '/api/auth/me')).status, (await fresh('GET', '/api/auth/me')).status]).toEqual([200, 200]);
    // People signed in with a session are not limited per key.
    for (let i = 0; i < 6; i++) expect((await server.request('GET', '/api/auth/me')).headers.get('ratelimit-limit')).toBeNull();
  });
});
