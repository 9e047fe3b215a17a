import { describe, expect, it } from 'vitest';
import { fakeApi } from '@bankforge/app-shell/testing';
import { asRecordFilter, lookupOptions } from './lookup-options.js';

describe('lookupOptions', () => {
  it("queries the source's records whose label contains the search, within the source filter", async () => {
    const server = fakeApi({
      'POST /api/records/branch/query': { body: { items: [{ id: 'b1', version: 1, name: 'Pudong' }, { id: 'b2', version: 1 }, { id: 'b3', version: 1, name: 'Xuhui' }], nextCursor: null } },
      'POST /api/records/branch/titles': { body: { titles: { b1: 'Pudong (SH002)', b2: '' } } },
    });
    const load = lookupOptions(server.client);
    const options = await load({ entity: 'branch', labelField: 'name', filter: { field: 'active', op: 'eq', value: true } }, ' pu ');
    expect(server.requests[0]!.body).toEqual({
      filter: { and: [{ field: 'active', op: 'eq', value: true }, { field: 'name', op: 'contains', value: 'pu' }] },
      fields: ['name'],
      limit: 20,
    });
    expect(server.requests[1]!.body).toEqual({ ids: ['b1', 'b2', 'b3'] });
    // By title; the label field, then the id, where a record has none.
    expect(options).toEqual([
      { value: 'b1', label: { en: 'Pudong (SH002)', 'zh-CN': 'Pudong (SH002)' } },
      { value: 'b2', label: { en: 'b2', 'zh-CN': 'b2' } },
      { value: 'b3', label: { en: 'Xuhui', 'zh-CN': 'Xuhui' } },
    ]);
  });

  it('sends no filter for an empty search of an unfiltered source', async () => {
    const server = fakeApi({ 'POST /api/records/branch/query': { body: { items: [], nextCursor: null } } });
    await lookupOptions(server.client)({ entity: 'branch', labelField: 'name' }, '');
    expect(server.requests[0]!.body).toEqual({ fields: ['name'], limit: 20 });
    // No records, no titles to ask for.
    expect(server.requests).toHaveLength(1);
  });

  it('refuses a filter operator the query API does not know', () => {
    expect(() => asRecordFilter({ or: [{ field: 'a', op: 'like', value: 'x' }] })).toThrow(RangeError);
    expect(() => asRecordFilter({ not: { field: 'a', op: 'like', value: 'x' } })).toThrow(RangeError);
    expect(asRecordFilter({ or: [{ field: 'a', op: 'isNull', value: true }] })).toEqual({ or: [{ field: 'a', op: 'isNull', value: true }] });
    expect(asRecordFilter({ not: { field: 'a', op: 'within', value: 'thisMonth' } })).toEqual({ not: { field: 'a', op: 'within', value: 'thisMonth' } });
  });
});
