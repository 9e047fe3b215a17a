import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldError } from '@bankforge/data-model';
import { validatorRuntime, type ValidatorRuntime } from '@bankforge/data-model/browser';
import { contactEntity } from '@bankforge/data-model/testing';
import { contactsGroup, customerFormOf } from '@bankforge/form-engine/testing';
import { branchEntity, customerEntity } from './fixtures.js';
import { startTestServer, type TestServer } from './harness.js';

type Page = {
  entity: { key: string; fields: { key: string }[] };
  form: { key: string } | null;
  related: Record<string, unknown>;
  validators: Record<string, string>;
  fieldAccess: Record<string, string>;
  relatedFieldAccess: Record<string, Record<string, string>>;
  revealable?: string[];
};

/** Fake built apps: the server must serve their files and answer client-side routes with their index.html. */
function builtApps(root: string) {
  const app = (name: string, mount: string) => {
    const dist = join(root, name);
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), `<!doctype html><title>${name}</title>`);
    writeFileSync(join(dist, 'assets', `${name}-abc123.js`), `console.log('${name}')`);
    return { name, mount, dist };
  };
  return [app('designer', '/designer'), app('runtime', '/')];
}

describe('the runtime API and the served browser apps', () => {
  let server: TestServer;
  const webRoot = mkdtempSync(join(tmpdir(), 'bankforge-web-'));

  beforeAll(async () => {
    server = await startTestServer('sqlite', { webApps: builtApps(webRoot) });
    await server.publishEntity(branchEntity);
    await server.publishEntity(customerEntity);
    const app = { kind: 'app', key: 'crm', title: 'CRM', label: { en: 'CRM', 'zh-CN': '客户管理' }, artifacts: [{ kind: 'entity', key: 'branch' }, { kind: 'entity', key: 'customer' }] };
    expect((await server.request('PUT', '/api/artifacts/app/crm', app)).status).toBe(200);
    expect((await server.request('POST', '/api/artifacts/app/crm/publish', {})).status).toBe(200);
  });
  afterAll(async () => {
    await server?.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  it('lists published apps with a menu of the entities the caller may read', async () => {
    const admin = await server.request<{ key: string; menu: { entity: string }[] }[]>('GET', '/api/runtime/apps');
    expect(admin.status).toBe(200);
    expect(admin.body.map((a) => a.key)).toEqual(['crm']);
    expect(admin.body[0]!.menu.map((m) => m.entity)).toEqual(['branch', 'customer']);

    await server.request('PUT', '/api/auth/roles/branch_viewer', { key: 'branch_viewer', label: { en: 'Branch viewer', 'zh-CN': '网点查看' }, entities: { branch: { read: 'all' } } });
    const user = await server.request('POST', '/api/auth/users', { username: 'viewer', displayName: 'Viewer', password: 'Viewer-Password-1', roles: ['branch_viewer'] });
    expect(user.status).toBe(201);
    const viewer = await server.signIn('viewer', 'Viewer-Password-1');
    const apps = await viewer<{ menu: { entity: string }[] }[]>('GET', '/api/runtime/apps');
    expect(apps.body[0]!.menu.map((m) => m.entity)).toEqual(['branch']);
    expect((await viewer('GET', '/api/runtime/entities/customer')).status).toBe(403);
    expect((await server.anonymous('GET', '/api/runtime/apps')).status).toBe(401);
  });

  it("answers a record page's model and serves its validator as an eval-free ES module that checks like the server", async () => {
    const page = await server.request<Page>('GET', '/api/runtime/entities/customer');
    expect(page.status).toBe(200);
    expect(page.body.entity.key).toBe('customer');
    expect(page.body.form).toBeNull();
    const url = page.body.validators.customer!;
    const module = await server.request<string>('GET', url);
    expect(module.status).toBe(200);
    expect(module.headers.get('content-type')).toMatch(/^text\/javascript/);
    const source = typeof module.body === 'string' ? module.body : JSON.stringify(module.body);
    expect(source).not.toMatch(/new Function|\beval\(|\brequire\(|^import /m);

    const file = join(webRoot, 'customer-validator.mjs');
    writeFileSync(file, source);
    const loaded = (await import(pathToFileURL(file).href)) as { default: (runtime: ValidatorRuntime) => (values: Record<string, unknown>) => FieldError[] };
    const check = loaded.default(validatorRuntime);
    expect(check({ resident_id: '11010519491231002X', mobile: '13812345678' })).toEqual([]);
    const errors = check({ resident_id: '110105194912310021', mobile: '12345' });
    expect(errors.map((e) => e.path).sort()).toEqual(['/mobile', '/resident_id']);
  });

  it('serves the apps under a strict Content-Security-Policy, with client-side routes answered by index.html', async () => {
    const page = await fetch(`${server.url}/bank_crm/customer/new`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>runtime</title>');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);

    const designer = await fetch(`${server.url}/designer/form/customer_form`, { headers: { accept: 'text/html' } });
    expect(await designer.text()).toContain('<title>designer</title>');
    const asset = await fetch(`${server.url}/designer/assets/designer-abc123.js`);
    expect(asset.headers.get('cache-control')).toContain('immutable');

    const api = await fetch(`${server.url}/api/no-such-route`, { headers: { accept: 'text/html' } });
    expect(api.status).not.toBe(200);
    const docs = await fetch(`${server.url}/api/docs`);
    expect(docs.headers.get('content-security-policy')).toMatch(/script-src 'self' 'unsafe-inline'/);
  });

  it("tells a record page how the reader's merged roles restrict the form's fields and each related entity's", async () => {
    await server.publishEntity(contactEntity);
    const form = customerFormOf(
      [
        { id: 'n_name', type: 'field', field: 'name' },
        { id: 'n_rid', type: 'field', field: 'resident_id' },
        { id: 'n_mobile', type: 'field', field: 'mobile' },
        contactsGroup([{ id: 'n_phone', type: 'field', field: 'phone' }], { id: 'g_contacts' }),
      ],
      { default: true },
    );
    expect((await server.request('PUT', '/api/artifacts/form/customer_form', form)).status).toBe(200);
    const published = await server.request('POST', '/api/artifacts/form/customer_form/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);

    const rules = { resident_id: { access: 'masked' }, income: { access: 'hidden' }, credit_score: { access: 'readonly' } };
    const roles = {
      rm: { customer: { read: 'own', update: 'own', fields: { ...rules, notes: { access: 'hidden' } } }, contact: { read: 'own', fields: { phone: { access: 'masked' } } } },
      // A second role shows notes in clear but read-only: the merge keeps the more generous view.
      notes_reader: { customer: { read: 'own', fields: { ...rules, notes: { access: 'readonly' } } } },
    };
    for (const [key, entities] of Object.entries(roles)) {
      expect((await server.request('PUT', `/api/auth/roles/${key}`, { key, label: { en: key }, entities })).status).toBe(200);
    }
    const user = await server.request('POST', '/api/auth/users', { username: 'rm_li', displayName: 'Li RM', password: 'Rm-Li-Password-1', roles: ['rm', 'notes_reader'] });
    expect(user.status).toBe(201);
    const rm = await server.signIn('rm_li', 'Rm-Li-Password-1');

    // Other replicas' publications are picked up within a second: so are this one's.
    await expect.poll(async () => (await rm<Page>('GET', '/api/runtime/entities/customer')).body.form?.key, { timeout: 3000 }).toBe('customer_form');
    const page = await rm<Page>('GET', '/api/runtime/entities/customer');
    expect(page.status).toBe(200);
    expect(page.body.fieldAccess).toEqual({ resident_id: 'masked', income: 'hidden', credit_score: 'readonly', notes: 'readonly' });
    expect(page.body.relatedFieldAccess).toEqual({ contact: { phone: 'masked' } });
    // The definition stays whole: the form still compiles against it.
    expect(page.body.entity.fields.map((f) => f.key)).toContain('income');

    const admin = await server.request<Page>('GET', '/api/runtime/entities/customer');
    expect(admin.body.fieldAccess).toEqual({});
    expect(admin.body.relatedFieldAccess).toEqual({ contact: {} });
    // Masked for them, and no unmask right: nothing to reveal.
    expect(page.body.revealable).toBeUndefined();
  });

  it('tells a reader with the unmask right which masked fields they may reveal', async () => {
    const entities = { customer: { read: 'all', unmask: true, fields: { resident_id: { access: 'masked' }, mobile: { access: 'masked' }, income: { access: 'hidden' } } } };
    expect((await server.request('PUT', '/api/auth/roles/compliance', { key: 'compliance', label: { en: 'Compliance' }, entities })).status).toBe(200);
    expect((await server.request('POST', '/api/auth/users', { username: 'cc_zhou', displayName: 'Zhou', password: 'Cc-Zhou-Password-1', roles: ['compliance'] })).status).toBe(201);
    const officer = await server.signIn('cc_zhou', 'Cc-Zhou-Password-1');
    const page = await officer<Page>('GET', '/api/runtime/entities/customer');
    expect(page.body.fieldAccess).toMatchObject({ resident_id: 'masked', mobile: 'masked', income: 'hidden' });
    expect(page.body.revealable).toEqual(['mobile', 'resident_id']);
  });
});
