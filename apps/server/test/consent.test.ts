import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConsentService } from '../src/modules/consent/consent.service.js';
import { dialects, startTestServer, type TestServer } from './harness.js';
import { PASSWORD, clientEntity } from './security-fixtures.js';

type Rec = Record<string, unknown> & { id: string };

describe.each(dialects())('consent on %s', (dialect) => {
  let server: TestServer;
  const ids: string[] = [];
  const exportIds = async (body: unknown): Promise<string[]> => {
    const csv = await server.request<string>('POST', '/api/records/client/export', body);
    expect(csv.status, String(csv.body)).toBe(200);
    const [header, ...rows] = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    const column = header!.split(',').indexOf('id');
    return rows.map((r) => r.split(',')[column]!).sort();
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    await server.publishEntity({ ...clientEntity, consentPurposes: ['marketing', 'profiling'] });
    for (const name of ['甲', '乙', '丙']) ids.push((await server.request<Rec>('POST', '/api/records/client', { name })).body.id);
  });
  afterAll(async () => server?.close());

  it('records grants and withdrawals per purpose, with evidence, in the audit log', async () => {
    const grant = (id: string, granted: boolean): Promise<{ status: number; body: Record<string, unknown> }> =>
      server.request('POST', `/api/records/client/${id}/consents`, { purpose: 'marketing', granted, evidence: 'signed form F-2026-001' });
    expect((await grant(ids[0]!, true)).body).toMatchObject({ purpose: 'marketing', granted: true, withdrawnAt: null });
    await grant(ids[1]!, true);
    const withdrawn = await grant(ids[1]!, false);
    expect(withdrawn.body).toMatchObject({ granted: false, grantedAt: expect.any(String), withdrawnAt: expect.any(String) });
    const listed = await server.request<{ purpose: string; granted: boolean }[]>('GET', `/api/records/client/${ids[1]}/consents`);
    expect(listed.body).toEqual([expect.objectContaining({ purpose: 'marketing', granted: false })]);
    const audit = await server.request<{ action: string; detail: Record<string, unknown> }[]>('GET', `/api/audit?entity=client&recordId=${ids[1]}`);
    expect(audit.body.filter((e) => e.action === 'consent').map((e) => e.detail)).toEqual([
      { purpose: 'marketing', granted: true, evidence: 'signed form F-2026-001' },
      { purpose: 'marketing', granted: false, evidence: 'signed form F-2026-001' },
    ]);
  });

  it('exports for a purpose only the customers who consent to it, and refuses undeclared purposes', async () => {
    expect(await exportIds({})).toEqual([...ids].sort());
    expect(await exportIds({ purpose: 'marketing' })).toEqual([ids[0]]);
    expect(await exportIds({ purpose: 'profiling' })).toEqual([]);
    const unknown = await server.request<{ errors: { path: string; code: string }[] }>('POST', '/api/records/client/export', { purpose: 'sales' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0]).toMatchObject({ path: '/purpose', code: 'unknownPurpose' });
    const audit = await server.request<{ action: string; detail: { purpose: string | null } }[]>('GET', '/api/audit?entity=client');
    expect(audit.body.filter((e) => e.action === 'export').map((e) => e.detail.purpose)).toEqual([null, 'marketing', 'profiling']);
  });

  it('lets rule actions ask which customers they may process', async () => {
    const consent = server.app.get(ConsentService);
    expect(await consent.consenting('client', ids, 'marketing')).toEqual([ids[0]]);
    expect(await consent.consenting('client', [], 'marketing')).toEqual([]);
    await expect(consent.consenting('client', ids, 'sales')).rejects.toThrow(/declares no consent purpose/);
  });

  it('needs update rights in scope to record consent', async () => {
    await server.request('PUT', '/api/auth/roles/reader', { key: 'reader', label: { en: 'Reader' }, entities: { client: { read: 'own' } } });
    await server.request('POST', '/api/auth/users', { username: 'reader1', displayName: 'r', roles: ['reader'], password: PASSWORD });
    const reader = await server.signIn('reader1', PASSWORD);
    expect((await reader('POST', `/api/records/client/${ids[2]}/consents`, { purpose: 'marketing', granted: true, evidence: 'phone' })).status).toBe(403);
    expect((await reader('GET', `/api/records/client/${ids[2]}/consents`)).status).toBe(404);
    expect((await server.request<unknown[]>('GET', `/api/records/client/${ids[2]}/consents`)).body).toEqual([]);
  });
});
