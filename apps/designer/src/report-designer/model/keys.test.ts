// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { loansReport } from '../testing/catalog.js';
import { columnKeys, freeKey, isReportKey, joinAliases } from './keys.js';

describe('report keys', () => {
  it('makes an identifier of a path and keeps it free', () => {
    expect(freeKey('customer.segment', [])).toBe('customer_segment');
    expect(freeKey('segment', ['segment'])).toBe('segment_2');
    expect(freeKey('segment', ['segment', 'segment_2'])).toBe('segment_3');
    expect(freeKey('2024 Total', [])).toBe('f_2024_total');
    expect(freeKey('x'.repeat(60), ['x'.repeat(48)])).toBe(`${'x'.repeat(46)}_2`);
    expect(isReportKey(freeKey('Ünïcode name', []))).toBe(true);
  });

  it('says which keys are taken: columns share one set, joins may not be called src', () => {
    const report = loansReport({ dimensions: [{ key: 'status', field: 'status' }], joins: [{ alias: 'customer', kind: 'manyToOne', field: 'customer' }] });
    expect(columnKeys(report)).toEqual(['status', 'count']);
    expect(joinAliases(report)).toEqual(['src', 'customer']);
    expect(isReportKey('Status')).toBe(false);
  });
});
