import { describe, expect, it } from 'vitest';
import { linkFilters } from './link-filters.js';

const fields = [
  { key: 'customer', type: 'reference' as const },
  { key: 'segment', type: 'singleSelect' as const, options: [{ value: 'vip', label: { en: 'VIP', 'zh-CN': '贵宾' } }] },
  { key: 'name', type: 'text' as const },
];

describe('linkFilters', () => {
  it("reads a reference's id, an option's value and the owner's id", () => {
    expect(linkFilters(fields, new URLSearchParams('customer=c-1&segment=vip&owner_id=u7'))).toEqual({ columns: { customer: 'c-1', segment: 'vip' }, owner: 'u7' });
  });

  it('ignores other fields, values a field cannot hold and ids that are none', () => {
    expect(linkFilters(fields, new URLSearchParams('name=Wang&segment=gold&customer=a%20b&owner_id=%27or%201'))).toEqual({ columns: {} });
  });
});
