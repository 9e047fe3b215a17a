// @vitest-environment node
import { customerEntity } from '@bankforge/example-bank-crm';
import { describe, expect, it } from 'vitest';
import { scheduleFilterFields } from './filter-fields.js';

describe('the fields a schedule filter compares', () => {
  it('offers the entity’s fields by label with their type and options, never a sensitive or JSON field', () => {
    const fields = scheduleFilterFields(customerEntity, 'en');
    const paths = fields.map((f) => f.path);
    expect(paths).toContain('kyc_status');
    expect(paths).not.toContain('resident_id');
    expect(paths).not.toContain('mobile');
    expect(paths).not.toContain('preferences');
    const kyc = fields.find((f) => f.path === 'kyc_status');
    expect(kyc?.type).toBe('text');
    expect(kyc?.options?.length).toBeGreaterThan(0);
    expect(fields.find((f) => f.path === 'aum')?.type).toBe('decimal');
    expect(fields.find((f) => f.path === 'onboarded_at')?.type).toBe('datetime');
  });

  it('names them in Chinese for a Chinese reader', () => {
    const kyc = scheduleFilterFields(customerEntity, 'zh-CN').find((f) => f.path === 'kyc_status');
    expect(kyc?.label).not.toBe(scheduleFilterFields(customerEntity, 'en').find((f) => f.path === 'kyc_status')?.label);
  });

  it('offers nothing without an entity', () => {
    expect(scheduleFilterFields(undefined, 'en')).toEqual([]);
  });
});
