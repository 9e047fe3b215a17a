import { describe, expect, it } from 'vitest';
import { ApiClient } from './client.js';
import { ApiProblem } from './problem.js';

describe('ApiClient.exportRecords', () => {
  it('posts the search and answers the CSV as it came', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const fetchImpl = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('\ufeffname,segment\r\n王芳,mass\r\n', { status: 200, headers: { 'content-type': 'text/csv; charset=utf-8' } });
    }) as unknown as typeof fetch;
    const blob = await new ApiClient({ fetch: fetchImpl }).exportRecords('customer', { fields: ['name', 'segment'], sort: [{ field: 'name', direction: 'asc' }] });
    // Byte for byte: the byte-order mark spreadsheet programs read the Chinese text by is kept.
    expect([...new Uint8Array(await blob.arrayBuffer())].slice(0, 3)).toEqual([0xef, 0xbb, 0xbf]);
    expect(await blob.text()).toBe('name,segment\r\n王芳,mass\r\n');
    expect(calls[0]!.url).toBe('/api/records/customer/export');
    expect(calls[0]!.init.method).toBe('POST');
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ fields: ['name', 'segment'], sort: [{ field: 'name', direction: 'asc' }] });
  });

  it("throws the server's refusal as a problem", async () => {
    const fetchImpl = (async () =>
      new Response(JSON.stringify({ status: 403, code: 'forbidden', title: 'Forbidden', detail: 'Your roles do not allow you to export customer records.' }), {
        status: 403,
        headers: { 'content-type': 'application/problem+json' },
      })) as unknown as typeof fetch;
    const refused = await new ApiClient({ fetch: fetchImpl }).exportRecords('customer').catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiProblem);
    expect((refused as ApiProblem).code).toBe('forbidden');
  });
});
