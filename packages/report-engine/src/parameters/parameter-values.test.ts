import { describe, expect, it } from 'vitest';
import type { ReportParameter } from '../artifact/report-definition.js';
import { resolveParameters } from './parameter-values.js';

const PARAMS: ReportParameter[] = [
  { key: 'region', type: 'select', options: ['north', 'south'], required: true },
  { key: 'min_amount', type: 'number', min: 0 },
  { key: 'since', type: 'date', default: '2024-01-01' },
  { key: 'at', type: 'datetime' },
  { key: 'top', type: 'integer', max: 50 },
  { key: 'vip', type: 'boolean' },
  { key: 'products', type: 'text', multiple: true },
];

describe('report parameters', () => {
  it('accepts typed values, fills defaults and normalises instants to UTC', () => {
    const { values, issues } = resolveParameters(PARAMS, {
      region: 'north',
      min_amount: 10.5,
      at: '2024-03-01T08:00:00+08:00',
      top: 5,
      vip: false,
      products: ['a', 'b'],
    });
    expect(issues).toEqual([]);
    expect(Object.fromEntries(values)).toEqual({
      region: 'north',
      min_amount: 10.5,
      since: '2024-01-01',
      at: '2024-03-01T00:00:00.000Z',
      top: 5,
      vip: false,
      products: ['a', 'b'],
    });
  });

  it('reports every problem with a JSON Pointer and a stable code', () => {
    const { issues } = resolveParameters(PARAMS, {
      min_amount: -1,
      since: '2024-02-30',
      top: 1.5,
      vip: 'yes',
      products: ['a', 3],
      extra: 1,
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['/parameters/extra', 'unknownParameter'],
      ['/parameters/region', 'required'],
      ['/parameters/min_amount', 'minimum'],
      ['/parameters/since', 'type'],
      ['/parameters/top', 'type'],
      ['/parameters/vip', 'type'],
      ['/parameters/products/1', 'type'],
    ]);
  });

  it('refuses a value outside the options and a bound too high', () => {
    const { issues } = resolveParameters(PARAMS, { region: 'east', top: 51 });
    expect(issues.map((i) => i.code)).toEqual(['option', 'maximum']);
  });

  it('leaves optional parameters without a value out', () => {
    const { values, issues } = resolveParameters(PARAMS, { region: 'south' });
    expect(issues).toEqual([]);
    expect([...values.keys()]).toEqual(['region', 'since']);
  });
});
