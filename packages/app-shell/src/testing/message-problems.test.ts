import { describe, expect, it } from 'vitest';
import { messageProblems } from './message-problems.js';

describe('messageProblems', () => {
  it('finds keys one language lacks and empty messages', () => {
    expect(messageProblems({ en: { a: 'A', b: { c: 'C' } }, 'zh-CN': { a: '甲', b: { c: '丙' } } })).toEqual([]);
    expect(messageProblems({ en: { a: 'A', b: { c: '' } }, 'zh-CN': { b: { c: '丙', d: '丁' } } })).toEqual([
      'missing in zh-CN: a',
      'missing in en: b.d',
      'empty in en: b.c',
    ]);
  });
});
