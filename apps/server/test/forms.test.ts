import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDefinition } from '@bankforge/data-model';
import type { FormDefinition } from '@bankforge/form-engine';
import { field } from './fixtures.js';
import { dialects, startTestServer, type TestServer } from './harness.js';

type Rec = Record<string, unknown> & { id: string; version: number };
type Problem = { code: string; errors?: { path: string; code: string }[] };

const prospect: EntityDefinition = {
  kind: 'entity',
  key: 'prospect',
  title: 'Prospect',
  label: { en: 'Prospect', 'zh-CN': '潜在客户' },
  fields: [
    field('p_name', 'name', 'text', { required: true }),
    field('p_occupation', 'occupation', 'singleSelect', {
      options: ['employed', 'self_employed', 'retired'].map((value) => ({ value, label: { en: value, 'zh-CN': value } })),
    }),
    field('p_employer', 'employer', 'text'),
    field('p_income', 'monthly_income', 'decimal', { precision: 12, scale: 2 }),
    field('p_annual', 'annual_income', 'decimal', { precision: 14, scale: 2 }),
    field('p_grade', 'grade', 'text'),
    field('p_limit', 'credit_limit', 'decimal', { precision: 14, scale: 2 }),
  ],
};

/** Employer only for the employed (and then required); annual income computed; the limit may not pass 5x the annual income; grade read-only once income is known. */
function prospectForm(overrides: Partial<FormDefinition> = {}): FormDefinition {
  return {
    kind: 'form',
    key: 'prospect_form',
    title: 'Prospect',
    schemaVersion: 1,
    entity: 'prospect',
    label: { en: 'Prospect', 'zh-CN': '潜在客户' },
    default: true,
    layout: [
      {
        id: 'main',
        type: 'section',
        title: { en: 'Prospect', 'zh-CN': '潜在客户' },
        children: [
          { id: 'n_name', type: 'field', field: 'name' },
          { id: 'n_occupation', type: 'field', field: 'occupation' },
          { id: 'n_employer', type: 'field', field: 'employer', visibleWhen: 'occupation = "employed"', requiredWhen: 'true' },
          { id: 'n_monthly', type: 'field', field: 'monthly_income' },
          { id: 'n_annual', type: 'field', field: 'annual_income', value: 'if monthly_income = null then null else monthly_income * 12' },
          { id: 'n_grade', type: 'field', field: 'grade', readonlyWhen: 'monthly_income != null' },
          { id: 'n_limit', type: 'field', field: 'credit_limit' },
        ],
      },
    ],
    validations: [{ id: 'v_limit', expression: 'credit_limit = null or annual_income = null or credit_limit <= annual_income * 5', message: { en: 'The limit may not exceed five times the annual income', 'zh-CN': '额度不得超过年收入的五倍' }, field: 'credit_limit' }],
    ...overrides,
  };
}

describe.each(dialects())('form rules on the server, %s', (dialect) => {
  let server: TestServer;

  async function publishForm(form: FormDefinition) {
    const saved = await server.request('PUT', `/api/artifacts/form/${form.key}`, form);
    expect(saved.status).toBe(200);
    return server.request<Problem & { version?: number }>('POST', `/api/artifacts/form/${form.key}/publish`, {});
  }

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity(prospect);
    expect((await publishForm(prospectForm())).status).toBe(200);
  });
  afterAll(async () => server?.close());

  it('refuses to publish a form that names an unknown field, or a second default form', async () => {
    const broken = prospectForm({ key: 'broken_form', default: false, layout: [{ id: 'x', type: 'field', field: 'no_such_field' }] });
    const refused = await publishForm(broken);
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('invalidArtifact');
    expect(refused.body.errors?.[0]?.path).toBe('/layout/0/field');

    const second = await publishForm(prospectForm({ key: 'second_default' }));
    expect(second.status).toBe(422);
    expect(second.body.errors?.map((e) => e.code)).toContain('defaultFormTaken');
  });

  it('requires a field only while the form shows it, and refuses values for hidden fields', async () => {
    const missing = await server.request<Problem>('POST', '/api/records/prospect?form=prospect_form', { name: '李雷', occupation: 'employed' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: '/employer', code: 'required' })]);

    const retired = await server.request<Rec>('POST', '/api/records/prospect?form=prospect_form', { name: '韩梅梅', occupation: 'retired' });
    expect(retired.status).toBe(201);

    const hidden = await server.request<Problem>('POST', '/api/records/prospect?form=prospect_form', { name: '王五', occupation: 'retired', employer: 'ACME' });
    expect(hidden.status).toBe(422);
    expect(hidden.body.errors?.[0]).toMatchObject({ path: '/employer', code: 'fieldHidden' });
    const count = await server.request<{ total: number }>('POST', '/api/records/prospect/query', { filter: { field: 'name', op: 'eq', value: '王五' }, count: true });
    expect(count.body.total).toBe(0);
  });

  it('stores computed values whatever the request sent, and checks cross-field rules', async () => {
    const created = await server.request<Rec>('POST', '/api/records/prospect', { name: '赵六', occupation: 'retired', monthly_income: '10000.00', annual_income: '1.00' });
    expect(created.status).toBe(201);
    expect(created.body.annual_income).toBe('120000.00');

    const tooHigh = await server.request<Problem>('PATCH', `/api/records/prospect/${created.body.id}`, { version: created.body.version, credit_limit: '600000.01' });
    expect(tooHigh.status).toBe(422);
    expect(tooHigh.body.errors?.[0]).toMatchObject({ path: '/credit_limit', code: 'validation' });

    const raised = await server.request<Rec>('PATCH', `/api/records/prospect/${created.body.id}`, { version: created.body.version, monthly_income: '20000.00', credit_limit: '600000.01' });
    expect(raised.status).toBe(200);
    expect(raised.body.annual_income).toBe('240000.00');
  });

  it('refuses a change to a field the form makes read-only, leaving the record as it was', async () => {
    const created = await server.request<Rec>('POST', '/api/records/prospect', { name: '钱七', occupation: 'retired', monthly_income: '5000.00' });
    const refused = await server.request<Problem>('PATCH', `/api/records/prospect/${created.body.id}`, { version: created.body.version, grade: 'A' });
    expect(refused.status).toBe(422);
    expect(refused.body.errors?.[0]).toMatchObject({ path: '/grade', code: 'fieldReadonly' });
    const stored = await server.request<Rec>('GET', `/api/records/prospect/${created.body.id}`);
    expect(stored.body.grade).toBeNull();
    expect(stored.body.version).toBe(created.body.version);
  });

  it('names an unknown form as a problem, and applies the default form when none is named', async () => {
    const unknown = await server.request<Problem>('POST', '/api/records/prospect?form=nope', { name: 'x' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors?.[0]).toMatchObject({ path: 'form', code: 'unknownForm' });

    const viaDefault = await server.request<Problem>('POST', '/api/records/prospect', { name: '孙八', occupation: 'employed' });
    expect(viaDefault.status).toBe(422);
    expect(viaDefault.body.errors?.[0]).toMatchObject({ path: '/employer', code: 'required' });
  });
});
