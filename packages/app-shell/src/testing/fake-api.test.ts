import { ApiProblem } from '@bankforge/client';
import { describe, expect, it } from 'vitest';
import { fakeApi, problem, sequence } from './fake-api.js';

describe('fakeApi', () => {
  it('answers routed calls, records them, and answers stray ones 404 notRouted', async () => {
    const server = fakeApi({ 'GET /api/auth/me': sequence(problem(401, 'unauthenticated'), { body: { username: 'ana' } }) });
    await expect(server.client.me()).rejects.toMatchObject({ status: 401, code: 'unauthenticated' });
    expect((await server.client.me()).username).toBe('ana');
    expect((await server.client.me()).username).toBe('ana');
    const stray = await server.client.logout().catch((error: unknown) => error);
    expect(stray).toBeInstanceOf(ApiProblem);
    expect((stray as ApiProblem).code).toBe('notRouted');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/auth/me',
      'GET /api/auth/me',
      'GET /api/auth/me',
      'POST /api/auth/logout',
    ]);
  });
});
