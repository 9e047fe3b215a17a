import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FieldError } from '@bankforge/form-engine';
import { validatorRuntime, type ValidatorRuntime } from '@bankforge/form-engine/browser';
import { branchEntity, customerEntity } from './fixtures.js';
import { startTestServer, type TestServer } from './harness.js';

type Page = { entity: { key: string }; form: { key: string } | null; related: Record<string, unknown>; validators: Record<string, string> };

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
});
