import { describe, expect, it } from 'vitest';
import { isMainlandMobile } from './mobile.js';

describe('isMainlandMobile', () => {
  it.each(['13800138000', '19912345678', '15000000000', '17612345678'])('accepts %s', (s) => {
    expect(isMainlandMobile(s)).toBe(true);
  });

  it.each([
    ['10800138000', 'second digit 0'],
    ['12800138000', 'second digit 2'],
    ['23800138000', 'does not start with 1'],
    ['1380013800', '10 digits'],
    ['138001380000', '12 digits'],
    ['1380013800a', 'a letter'],
    ['+8613800138000', 'country code'],
    ['138 0013 8000', 'spaces'],
    [' 13800138000', 'leading space'],
    ['', 'empty'],
  ])('rejects %s (%s)', (s) => {
    expect(isMainlandMobile(s)).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isMainlandMobile(13800138000 as unknown as string)).toBe(false);
  });
});
