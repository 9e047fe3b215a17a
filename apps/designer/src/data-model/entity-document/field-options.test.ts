import { describe, expect, it } from 'vitest';
import type { FieldDefinition } from '@bankforge/data-model';
import { retype, withPatternHint } from './field-options.js';

const text: FieldDefinition = { id: 'f_no', key: 'loan_no', type: 'text', label: { en: 'No.', 'zh-CN': '编号' }, pattern: '^LA[0-9]{12}$', maxLength: 14 };

describe('field options', () => {
  it('makes an auto number unique with a pattern to start from, dropping what text had', () => {
    expect(retype(text, 'autoNumber')).toEqual({ id: 'f_no', key: 'loan_no', type: 'autoNumber', label: text.label, unique: true, numbering: 'NO{yyyyMM}{seq:6}' });
    expect(retype({ ...text, type: 'autoNumber', numbering: 'LA{yyyyMM}{seq:6}' }, 'autoNumber').numbering).toBe('LA{yyyyMM}{seq:6}');
    expect(retype({ ...text, type: 'autoNumber', numbering: 'X{seq:2}' }, 'text')).not.toHaveProperty('numbering');
  });

  it('keeps a pattern hint while either language has text, and drops it when both are empty', () => {
    const hinted = withPatternHint(text, 'en', 'LA then 12 digits');
    expect(hinted.patternHint).toEqual({ en: 'LA then 12 digits', 'zh-CN': '' });
    expect(withPatternHint(hinted, 'zh-CN', 'LA 加 12 位数字').patternHint).toEqual({ en: 'LA then 12 digits', 'zh-CN': 'LA 加 12 位数字' });
    expect(withPatternHint(hinted, 'en', '')).not.toHaveProperty('patternHint');
  });
});
