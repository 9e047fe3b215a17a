import { describe, expect, it } from 'vitest';
import { problemMessage, problemsUnder } from './problems.js';

describe('problems', () => {
  const errors = [
    { path: '/fields/3', code: 'duplicateKey', message: 'dup', messageZh: '重复' },
    { path: '/fields/3/options/0/value', code: 'minLength', message: 'short' },
    { path: '/fields/30', code: 'required', message: 'req' },
  ];

  it('picks the errors of a path and its descendants only', () => {
    expect(problemsUnder(errors, '/fields/3').map((e) => e.message)).toEqual(['dup', 'short']);
  });

  it('answers in Chinese when there is a Chinese message', () => {
    expect(problemMessage(errors[0]!, 'zh-CN')).toBe('重复');
    expect(problemMessage(errors[1]!, 'zh-CN')).toBe('short');
    expect(problemMessage(errors[0]!, 'en')).toBe('dup');
  });
});
