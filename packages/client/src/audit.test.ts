import { describe, expect, it } from 'vitest';
import { ApiClient } from './client.js';

function recording(body: unknown) {
  const urls: string[] = [];
  const fetchImpl = (async (url: string) => {
    urls.push(url);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  }) as unknown as typeof fetch;
  return { urls, client: new ApiClient({ baseUrl: 'http://h', fetch: fetchImpl }) };
}

describe('the audit log calls', () => {
  it('send a search as query parameters, leaving out what is not given', async () => {
    const { urls, client } = recording([]);
    await client.auditEntries({ entity: 'customer', recordId: 'r 1', actor: undefined, action: 'update', order: 'desc', beforeSeq: 40, limit: 25 });
    expect(urls[0]).toBe('http://h/api/audit?entity=customer&recordId=r+1&action=update&order=desc&beforeSeq=40&limit=25');
    expect(client.auditExportUrl({ actor: 'admin', from: '2026-03-01T00:00:00.000Z' })).toBe('http://h/api/audit/export?actor=admin&from=2026-03-01T00%3A00%3A00.000Z');
  });

  it('verify the whole chain, or a stretch of it', async () => {
    const { urls, client } = recording({ ok: true, entries: 3, headHash: 'h', total: 3 });
    await client.verifyAuditChain();
    await client.verifyAuditChain({ fromSeq: 5001, limit: 5000 });
    expect(urls).toEqual(['http://h/api/audit/verify', 'http://h/api/audit/verify?fromSeq=5001&limit=5000']);
  });
});
