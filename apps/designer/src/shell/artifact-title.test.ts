import { describe, expect, it } from 'vitest';
import { artifactTitle } from './artifact-title.js';

describe('artifactTitle', () => {
  it('answers the label in the reader’s language, else the title', () => {
    const flow = { title: 'Loan approval flow', label: { en: 'Loan approval', 'zh-CN': '贷款审批' } };
    expect(artifactTitle(flow, 'zh-CN')).toBe('贷款审批');
    expect(artifactTitle(flow, 'en')).toBe('Loan approval');
    expect(artifactTitle({ title: 'Loan scoring' }, 'zh-CN')).toBe('Loan scoring');
    expect(artifactTitle({ title: 'Memo', label: { en: 'Memo' } }, 'zh-CN')).toBe('Memo');
    expect(artifactTitle({ title: 'Memo', label: { en: '', 'zh-CN': '' } }, 'en')).toBe('Memo');
  });
});
