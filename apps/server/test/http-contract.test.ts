import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dialects, startTestServer, type TestServer } from './harness.js';

describe.each(dialects())('HTTP contract on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(async () => server?.close());

  it('answers health to anyone, and the database dialect to signed-in callers', async () => {
    const response = await server.anonymous('GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect((await server.request('GET', '/api/health/ready')).body).toEqual({ status: 'ok', database: dialect });
  });

  it('serves the OpenAPI document generated from the controllers', async () => {
    const response = await server.request<{ openapi: string; paths: Record<string, unknown> }>('GET', '/api/docs-json');
    expect(response.status).toBe(200);
    expect(response.body.openapi).toMatch(/^3\./);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/artifacts/{kind}/{key}',
        '/api/artifacts/{kind}/{key}/publish',
        '/api/artifacts/{kind}/{key}/plan',
        '/api/records/{entity}/query',
        '/api/records/{entity}/{id}',
        '/api/apps/import',
        '/api/flows/{key}/instances',
        '/api/flows/instances/{id}',
        '/api/tasks',
        '/api/tasks/{id}/{action}',
        '/api/notifications',
        '/api/decisions/{key}/evaluate',
        '/api/decisions/{key}/evaluations',
        '/api/decisions/{key}/backtest',
      ]),
    );
    const ui = await server.request('GET', '/api/docs');
    expect(ui.status).toBe(200);
    expect(String(ui.body)).toContain('swagger');
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    const given = await server.request('GET', '/api/health', undefined, { 'x-request-id': 'gateway-123' });
    expect(given.headers.get('x-request-id')).toBe('gateway-123');
    const made = await server.request('GET', '/api/health', undefined, { 'x-request-id': 'bad id with spaces' });
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown routes with a problem document', async () => {
    const response = await server.request('GET', '/api/nowhere');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ status: 404, code: 'routeNotFound', instance: '/api/nowhere' });
    expect(typeof response.body.requestId).toBe('string');
  });

  it('answers malformed JSON with 400 malformedJson', async () => {
    const response = await server.request('PUT', '/api/artifacts/form/x', '{"kind": ');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body).toMatchObject({ code: 'malformedJson', status: 400 });
  });
});
