import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '@bankforge/data-model';
import { defaultMaskOf, keepFirstLast, maskValue } from './masking.js';

describe('masking strategies', () => {
  it('keeps a Chinese surname, compound surnames included', () => {
    expect(maskValue('王小明', { strategy: 'chineseName' })).toBe('王**');
    expect(maskValue('李娜', { strategy: 'chineseName' })).toBe('李*');
    expect(maskValue('欧阳修文', { strategy: 'chineseName' })).toBe('欧阳**');
    expect(maskValue('欧阳', { strategy: 'chineseName' })).toBe('欧*');
    expect(maskValue('王', { strategy: 'chineseName' })).toBe('*');
  });

  it('masks mobiles, resident IDs, accounts and emails as banks print them', () => {
    expect(maskValue('13812341234', { strategy: 'mobile' })).toBe('138****1234');
    expect(maskValue('11010519491231002X', { strategy: 'residentId' })).toBe('1101************2X');
    expect(maskValue('6222021234567890123', { strategy: 'accountNumber' })).toBe('***************0123');
    expect(maskValue('zhang.san@bank.cn', { strategy: 'email' })).toBe('z***@bank.cn');
  });

  it('keep-first/keep-last never reveals a whole short value', () => {
    expect(keepFirstLast('abcdef', 2, 2)).toBe('ab**ef');
    expect(keepFirstLast('abc', 2, 2)).toBe('ab*');
    expect(keepFirstLast('a', 1, 1)).toBe('*');
    expect(maskValue('secret', { strategy: 'keep', keepFirst: 0, keepLast: 1 })).toBe('*****t');
  });

  it('masks numbers, money amounts and structures, and leaves null alone', () => {
    expect(maskValue(12345, { strategy: 'keep', keepFirst: 1 })).toBe('1****');
    expect(maskValue({ amount: '1000.00', currency: 'CNY' }, { strategy: 'keep' })).toEqual({ amount: '***', currency: 'CNY' });
    expect(maskValue(['a'], { strategy: 'keep' })).toBe('***');
    expect(maskValue(null, { strategy: 'mobile' })).toBeNull();
  });

  it('picks a strategy from the field type', () => {
    const field = (type: FieldDefinition['type'], key = 'x'): FieldDefinition => ({ id: 'f', key, type, label: { en: key, 'zh-CN': key } });
    expect(defaultMaskOf(field('mobile')).strategy).toBe('mobile');
    expect(defaultMaskOf(field('residentId')).strategy).toBe('residentId');
    expect(defaultMaskOf(field('email')).strategy).toBe('email');
    expect(defaultMaskOf(field('text', 'account_no')).strategy).toBe('accountNumber');
    expect(defaultMaskOf(field('text', 'nickname')).strategy).toBe('keep');
  });
});
