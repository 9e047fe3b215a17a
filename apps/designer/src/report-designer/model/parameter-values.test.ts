// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { parameterText, parameterValue } from './parameter-values.js';

describe('parameter values as typed', () => {
  it('reads numbers, yes/no and lists; leaves what does not read as text for the check; none when empty', () => {
    expect(parameterValue({ key: 'n', type: 'integer' }, ' 12 ')).toBe(12);
    expect(parameterValue({ key: 'n', type: 'number' }, 'twelve')).toBe('twelve');
    expect(parameterValue({ key: 'b', type: 'boolean' }, 'false')).toBe(false);
    expect(parameterValue({ key: 'd', type: 'date' }, '2026-03-31')).toBe('2026-03-31');
    expect(parameterValue({ key: 'p', type: 'select', multiple: true }, 'mortgage, auto,')).toEqual(['mortgage', 'auto']);
    expect(parameterValue({ key: 'p', type: 'text' }, '  ')).toBeUndefined();
  });

  it('writes a value back into a box', () => {
    expect(parameterText(['mortgage', 'auto'])).toBe('mortgage, auto');
    expect(parameterText(undefined)).toBe('');
    expect(parameterText(3)).toBe('3');
  });
});
