// @vitest-environment node
import { customerEntity } from '@bankforge/example-bank-crm';
import type { RecordData } from '@bankforge/client';
import { describe, expect, it } from 'vitest';
import type { InputField } from '../input-fields.js';
import { fieldFor, filledInputs, fillFromRecord, matchCount, searchFields, titleField } from './record-fill.js';

const customer: RecordData = {
  id: 'c1',
  version: 3,
  customer_no: 'C0000000042',
  name: '王**',
  segment: 'affluent',
  risk_level: 'R3',
  aum: { amount: '***', currency: 'CNY' },
  annual_income: { amount: '360000.00', currency: 'CNY' },
  credit_score: 712,
  onboarded_at: '2021-03-04T05:06:07.000Z',
  kyc_status: null,
};

const fields: InputField[] = [
  { name: 'CustomerSegment', kind: 'string' },
  { name: 'CustomerRiskTolerance', kind: 'string' },
  { name: 'ProductRiskLevel', kind: 'string' },
  { name: 'AUM', kind: 'number' },
  { name: 'AnnualIncome', kind: 'number' },
  { name: 'Credit Score', kind: 'number' },
  { name: '开户时间', kind: 'dateTime' },
  { name: 'KYC status', kind: 'string' },
];

describe('filling the test inputs from a record', () => {
  it('finds the field an input names: key, label in either language, or either after the entity’s name', () => {
    expect(fieldFor('CreditScore', customerEntity)?.key).toBe('credit_score');
    expect(fieldFor('AUM', customerEntity)?.key).toBe('aum');
    expect(fieldFor('CustomerSegment', customerEntity)?.key).toBe('segment');
    expect(fieldFor('CustomerRiskTolerance', customerEntity)?.key).toBe('risk_level');
    expect(fieldFor('客户风险承受等级', customerEntity)?.key).toBe('risk_level');
    expect(fieldFor('customer.credit_score', customerEntity)?.key).toBe('credit_score');
    expect(fieldFor('ProductRiskLevel', customerEntity)).toBeUndefined();
  });

  it('fills what the record has in clear, and says what it did not fill and why; a masked value is never used', () => {
    const outcomes = fillFromRecord(fields, customerEntity, customer, { aum: 'masked' });
    expect(outcomes.map((o) => `${o.input}: ${o.status}`)).toEqual([
      'CustomerSegment: filled',
      'CustomerRiskTolerance: filled',
      'ProductRiskLevel: noField',
      'AUM: masked',
      'AnnualIncome: filled',
      'Credit Score: filled',
      '开户时间: filled',
      'KYC status: empty',
    ]);
    expect(filledInputs(outcomes)).toEqual({
      CustomerSegment: 'affluent',
      CustomerRiskTolerance: 'R3',
      AnnualIncome: '360000.00',
      'Credit Score': 712,
      开户时间: '2021-03-04T05:06:07',
    });
  });

  it('takes a value the server starred as masked even when the reader’s rules did not say so; a hidden field is not there', () => {
    const outcomes = fillFromRecord([{ name: 'Name', kind: 'string' }, { name: 'Mobile', kind: 'string' }], customerEntity, { ...customer, mobile: '138****5678' }, { name: 'hidden' });
    expect(outcomes.map((o) => o.status)).toEqual(['noField', 'masked']);
  });

  it('ranks entities by the inputs they fill, names records by a unique text field, searches plain text in clear', () => {
    expect(matchCount(fields, customerEntity)).toBe(7);
    expect(titleField(customerEntity)?.key).toBe('customer_no');
    expect(searchFields(customerEntity, { name: 'masked' }).map((f) => f.key)).toEqual(['customer_no', 'rm_name']);
  });
});
