// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fakeApi } from '@bankforge/app-shell/testing';
import { lookupOptions } from './lookup-options.js';

describe('lookupOptions', () => {
  it('queries the records matching the filter and the search, labelled by the label field', async () => {
    const { client, requests } = fakeApi({
      'POST /api/records/branch/query': { body: { items: [{ id: 'b1', version: 1, name: 'Pudong' }], nextCursor: null } },
    });
    const options = await lookupOptions(client)({ entity: 'branch', labelField: 'name', filter: { field: 'active', op: 'eq', value: true } }, ' Pu ');
    expect(options).toEqual([{ value: 'b1', label: { en: 'Pudong', 'zh-CN': 'Pudong' } }]);
    expect(requests[0]!.body).toEqual({
      filter: { and: [{ field: 'active', op: 'eq', value: true }, { field: 'name', op: 'contains', value: 'Pu' }] },
      fields: ['id', 'name'],
      sort: [{ field: 'name' }],
      limit: 20,
    });
  });

  it('asks for everything when there is neither filter nor search', async () => {
    const { client, requests } = fakeApi({ 'POST /api/records/branch/query': { body: { items: [], nextCursor: null } } });
    await lookupOptions(client)({ entity: 'branch', labelField: 'name' }, '');
    expect(requests[0]!.body).not.toHaveProperty('filter');
  });
});
