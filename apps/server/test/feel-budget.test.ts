import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import type { FormDefinition } from '@bankforge/form-engine';
import { readServerConfig } from '../src/platform/config/server-config.js';
import { field } from './fixtures.js';
import { dialects, startTestServer, type TestServer } from './harness.js';

type Problem = { code: string; detail?: string; errors?: { path: string; code: string; message: string }[]; expressions?: string[] };
type Published = { version: number; warnings?: { path: string; code: string; message: string }[] };

const applicant: EntityDefinition = {
  kind: 'entity',
  key: 'applicant',
  title: 'Applicant',
  label: { en: 'Applicant', 'zh-CN': '申请人' },
  fields: [field('a_name', 'name', 'text', { required: true, maxLength: 200 }), field('a_count', 'count_to', 'integer')],
};

function formOf(key: string, expression: string, extra: Partial<FormDefinition> = {}): FormDefinition {
  return {
    kind: 'form',
    key,
    title: key,
    schemaVersion: 1,
    entity: 'applicant',
    label: { en: key, 'zh-CN': key },
    layout: [
      { id: 'n_name', type: 'field', field: 'name' },
      { id: 'n_count', type: 'field', field: 'count_to' },
    ],
    validations: [{ id: 'v', expression, field: 'name', message: { en: 'Not allowed', 'zh-CN': '不允许' } }],
    ...extra,
  };
}

/**
 * Issue 16, finding 7: an analyst's FEEL could stall the whole server. Regular expressions now
 * run in linear time, and every evaluation on a write has a budget in steps and time that fails
 * with a clear problem instead of blocking everyone else.
 */
describe.each(dialects())('FEEL cannot stall the server, %s', (dialect) => {
  let server: TestServer;
  /** Published before the first write: the server re-reads its published forms once a second. */
  const published = new Map<string, Awaited<ReturnType<typeof publishForm>>>();

  async function publishForm(form: FormDefinition) {
    const saved = await server.request('PUT', `/api/artifacts/form/${form.key}`, form);
    expect(saved.status).toBe(200);
    return server.request<Problem & Published>('POST', `/api/artifacts/form/${form.key}/publish`, {});
  }

  async function count(name: string): Promise<number> {
    const answer = await server.request<{ total: number }>('POST', '/api/records/applicant/query', { filter: { field: 'name', op: 'eq', value: name }, count: true });
    return answer.body.total;
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(applicant);
    expect((await publishForm(formOf('regex_form', 'not(matches(name, "^(a+)+$"))', { default: true }))).status).toBe(200);
    published.set('loop_form', await publishForm(formOf('loop_form', 'count(for i in 1..3000000 return i) >= 0')));
    published.set('input_loop_form', await publishForm(formOf('input_loop_form', 'count_to = null or count(for i in 1..count_to return i) >= 0')));
  });
  afterAll(async () => server?.close());

  it('decides a catastrophic regular expression over a long name (linear-time matching), and the server keeps answering', async () => {
    // 2^40 backtracking steps for a backtracking engine: this write would never come back
    const name = `${'a'.repeat(40)}!`;
    const [created, health] = await Promise.all([server.request('POST', '/api/records/applicant', { name }), server.anonymous('GET', '/api/health')]);
    expect(created.status).toBe(201);
    expect(health.status).toBe(200);
    const long = await server.request('POST', '/api/records/applicant', { name: `${'a'.repeat(190)}!` });
    expect(long.status).toBe(201);
    // the rule still holds where it should
    const refused = await server.request<Problem>('POST', '/api/records/applicant', { name: 'a'.repeat(40) });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/name', code: 'validation' })]);
  });

  it('publishes a loop over literal bounds wider than the budget with a warning, and refuses the write it cannot decide', async () => {
    const loop = published.get('loop_form')!;
    expect(loop.status).toBe(200);
    expect(loop.body.warnings).toEqual([expect.objectContaining({ path: '/validations/0/expression', code: 'expressionBudgetRisk' })]);

    const [refused, health] = await Promise.all([server.request<Problem>('POST', '/api/records/applicant?form=loop_form', { name: 'Loop' }), server.anonymous('GET', '/api/health')]);
    expect(health.status).toBe(200);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('expressionBudgetExceeded');
    expect(refused.body.errors).toEqual([expect.objectContaining({ path: '/name', code: 'expressionBudgetExceeded', message: expect.stringContaining('/validations/0/expression') })]);
    expect(refused.body.expressions).toEqual(['/validations/0/expression']);
    expect(await count('Loop')).toBe(0);
  });

  it('stops a loop whose bounds come from the record (no warning possible) on create and on update', async () => {
    const loop = published.get('input_loop_form')!;
    expect(loop.status).toBe(200);
    expect(loop.body.warnings).toBeUndefined();

    const small = await server.request<{ id: string; version: number }>('POST', '/api/records/applicant?form=input_loop_form', { name: 'Small', count_to: 1000 });
    expect(small.status).toBe(201);
    const huge = await server.request<Problem>('PATCH', `/api/records/applicant/${small.body.id}?form=input_loop_form`, { version: small.body.version, count_to: 2_000_000_000 });
    expect(huge.status).toBe(422);
    expect(huge.body.code).toBe('expressionBudgetExceeded');
    expect(huge.body.errors?.[0]?.path).toBe('/name');
    const stored = await server.request<{ count_to: number; version: number }>('GET', `/api/records/applicant/${small.body.id}`);
    expect(stored.body).toMatchObject({ count_to: 1000, version: small.body.version });
  });

  it('refuses to publish a pattern the linear-time engine cannot run (back-reference, lookahead)', async () => {
    const backReference = await publishForm(formOf('backref_form', String.raw`not(matches(name, "^(a)\\1$"))`));
    expect(backReference.status).toBe(422);
    expect(backReference.body.code).toBe('invalidArtifact');
    expect(backReference.body.errors).toEqual([expect.objectContaining({ path: '/validations/0/expression', code: 'unsupportedPattern', message: expect.stringMatching(/back-references/) })]);
    const lookahead = await publishForm(formOf('lookahead_form', 'matches(name, "a(?=b)")'));
    expect(lookahead.status).toBe(422);
    expect(lookahead.body.errors?.[0]?.code).toBe('unsupportedPattern');
  });
});

describe('FEEL budget configuration', () => {
  it('reads BANKFORGE_FEEL_MAX_STEPS and BANKFORGE_FEEL_MAX_MS, refusing nonsense', () => {
    expect(readServerConfig({})).toMatchObject({ feelMaxSteps: undefined, feelMaxMilliseconds: undefined });
    expect(readServerConfig({ BANKFORGE_FEEL_MAX_STEPS: '50000', BANKFORGE_FEEL_MAX_MS: '100' })).toMatchObject({ feelMaxSteps: 50000, feelMaxMilliseconds: 100 });
    expect(() => readServerConfig({ BANKFORGE_FEEL_MAX_STEPS: '-1' })).toThrow(/BANKFORGE_FEEL_MAX_STEPS/);
    expect(() => readServerConfig({ BANKFORGE_FEEL_MAX_MS: 'soon' })).toThrow(/BANKFORGE_FEEL_MAX_MS/);
  });

  it('applies a configured step budget to writes and to the publish warning', async () => {
    const server = await startTestServer('sqlite', { feelMaxSteps: 5000 });
    try {
      await server.publishEntity(applicant);
      const form = formOf('small_budget_form', 'count(for i in 1..6000 return i) > 0', { default: true });
      expect((await server.request('PUT', `/api/artifacts/form/${form.key}`, form)).status).toBe(200);
      const published = await server.request<Published>('POST', `/api/artifacts/form/${form.key}/publish`, {});
      expect(published.body.warnings?.[0]?.code).toBe('expressionBudgetRisk');
      const refused = await server.request<Problem>('POST', '/api/records/applicant', { name: 'Six thousand' });
      expect(refused.status).toBe(422);
      expect(refused.body.code).toBe('expressionBudgetExceeded');
    } finally {
      await server.close();
    }
  });
});
