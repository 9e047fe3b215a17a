import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import { field } from './fixtures.js';
import { dialects, startTestServer, type TestServer } from './harness.js';

type Problem = { code: string; errors?: { path: string; code: string; message: string; messageZh?: string }[] };

/** An analyst's pattern that makes a backtracking matcher take time doubling with every `a`. */
const batch: EntityDefinition = {
  kind: 'entity',
  key: 'batch',
  title: 'Batch',
  label: { en: 'Batch', 'zh-CN': '批次' },
  fields: [field('f_code', 'code', 'text', { pattern: '^(a+)+$', label: { en: 'Batch code', 'zh-CN': '批次代码' } })],
};

/**
 * Record writes validate text fields against their entity's pattern. JavaScript's RegExp
 * backtracks: `^(a+)+$` against 40 `a`s and a `!` took about 2^40 steps, blocking the event loop
 * (every other user) for minutes. Patterns now run in RE2, in linear time, and a pattern RE2 cannot
 * run is refused when the entity is saved.
 */
describe.each(dialects())('entity patterns cannot stall the server, %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(batch);
  });
  afterAll(async () => server?.close());

  it('refuses a value a backtracking matcher would take minutes on, and answers others meanwhile', async () => {
    // On a backtracking matcher this write never comes back, and neither does the health check.
    const created = server.request<Problem>('POST', '/api/records/batch', { code: `${'a'.repeat(40)}!` });
    const health = await server.anonymous('GET', '/api/health');
    expect(health.status).toBe(200);
    const refused = await created;
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/code', code: 'pattern' })]);
    const accepted = await server.request<{ id: string }>('POST', '/api/records/batch', { code: 'a'.repeat(200) });
    expect(accepted.status).toBe(201);
    const read = await server.request<{ values: Record<string, unknown> }>('GET', `/api/records/batch/${accepted.body.id}`);
    expect(read.status).toBe(200);
  });

  it('refuses an update to such a value too', async () => {
    const created = await server.request<{ id: string; version: number }>('POST', '/api/records/batch', { code: 'aaa' });
    expect(created.status).toBe(201);
    const updated = await server.request<Problem>('PATCH', `/api/records/batch/${created.body.id}`, {
      version: created.body.version,
      code: `${'a'.repeat(60)}!`,
    });
    expect(updated.status).toBe(422);
    expect(updated.body.errors).toEqual([expect.objectContaining({ path: '/code', code: 'pattern' })]);
  });

  it('refuses to save an entity whose pattern needs backtracking (lookahead, back-references), saying why', async () => {
    for (const pattern of ['(?=.*\\d)\\w{8,}', '([a-z])\\1']) {
      const entity: EntityDefinition = {
        ...batch,
        key: 'password_hint',
        fields: [field('f_hint', 'hint', 'text', { pattern })],
      };
      const saved = await server.request<Problem>('PUT', '/api/artifacts/entity/password_hint', entity);
      expect(saved.status, pattern).toBe(422);
      expect(saved.body.errors).toEqual([expect.objectContaining({ path: '/fields/0/pattern', code: 'invalidPattern' })]);
      expect(saved.body.errors?.[0]?.message).toMatch(/lookahead|back-references/);
    }
    expect((await server.request('GET', '/api/metadata/entities/password_hint')).status).toBe(404);
  });

  it('answers 409 naming the field for an entity published with such a pattern before, until it is published again', async () => {
    const legacy: EntityDefinition = { ...batch, key: 'legacy_code', fields: [field('f_legacy', 'code', 'text', { pattern: '(?=C)C\\d+' })] };
    const fixed: EntityDefinition = { ...legacy, fields: [field('f_legacy', 'code', 'text', { pattern: 'C\\d+' })] };
    await server.publishEntity(fixed);
    // What an older server published: the stored version still holds the lookahead.
    await server.database.transaction((sql) => sql.execute("UPDATE bf_artifact_version SET document = ? WHERE kind = 'entity' AND artifact_key = 'legacy_code'", [JSON.stringify({ ...legacy, version: 1 })]));
    const refused = await server.request<Problem>('POST', '/api/records/legacy_code', { code: 'C12' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('unsupportedPattern');
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/fields/0/pattern', code: 'unsupportedPattern', messageZh: expect.stringContaining('code') })]);
    // The analyst's way out: publish the entity again with a pattern RE2 runs.
    await server.publishEntity({ ...fixed, title: 'Legacy code, fixed' });
    expect((await server.request('POST', '/api/records/legacy_code', { code: 'C12' })).status).toBe(201);
  });
});
