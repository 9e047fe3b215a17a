import { describe, expect, it } from 'vitest';
import { fakeApi } from '@bankforge/app-shell/testing';
import { asRecordFilter, lookupOptions } from './lookup-options.js';

describe('lookupOptions', () => {
  it("queries the source's records whose label contains the search, within the source filter", async () => {
    const server = fakeApi({
      'POST /api/records/branch/query': { body: { items: [{ id: 'b1', version: 1, name: 'Pudong' }, { id: 'b2', version: 1 }], nextCursor: null } },
    });
    const load = lookupOptions(server.client);
    const options = await load({ entity: 'branch', labelField: 'name', filter: { field: 'active', op: 'eq', value: true } }, ' pu ');
    expect(server.requests[0]!.body).toEqual({
      filter: { and: [{ field: 'active', op: 'eq', value: true }, { field: 'name', op: 'contains', value: 'pu' }] },
      fields: ['name'],
      limit: 20,
    });
    expect(options).toEqual([
      { value: 'b1', label: { en: 'Pudong', 'zh-CN': 'Pudong' } },
      { value: 'b2', label: { en: 'b2', 'zh-CN': 'b2' } },
    ]);
  });

  it('sends no filter for an empty search of an unfiltered source', async () => {
    const server = fakeApi({ 'POST /api/records/branch/query': { body: { items: [], nextCursor: null } } });
    await lookupOptions(server.client)({ entity: 'branch', labelField: 'name' }, '');
    expect(server.requests[0]!.body).toEqual({ fields: ['name'], limit: 20 });
  });

  it('refuses a filter operator the query API does not know', () => {
    expect(() => asRecordFilter({ or: [{ field: 'a', op: 'like', value: 'x' }] })).toThrow(RangeError);
    expect(() => asRecordFilter({ not: { field: 'a', op: 'like', value: 'x' } })).toThrow(RangeError);
    expect(asRecordFilter({ or: [{ field: 'a', op: 'isNull', value: true }] })).toEqual({ or: [{ field: 'a', op: 'isNull', value: true }] });
    expect(asRecordFilter({ not: { field: 'a', op: 'within', value: 'thisMonth' } })).toEqual({ not: { field: 'a', op: 'within', value: 'thisMonth' } });
  });
});
