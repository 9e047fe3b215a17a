import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { parseUnmaskRequest, revealSeconds } from './reveal.js';

describe('revealing a masked value', () => {
  it('lasts 60 seconds unless BANKFORGE_REVEAL_SECONDS says otherwise', () => {
    expect(revealSeconds({})).toBe(60);
    expect(revealSeconds({ BANKFORGE_REVEAL_SECONDS: '30' })).toBe(30);
    expect(() => revealSeconds({ BANKFORGE_REVEAL_SECONDS: '0' })).toThrow(/BANKFORGE_REVEAL_SECONDS/);
  });

  it('takes a reason of 4 to 500 characters, trimmed, counting characters as people do', () => {
    expect(parseUnmaskRequest({ field: 'resident_id', reason: '  核实身份  ' })).toEqual({ field: 'resident_id', reason: '核实身份' });
    expect(parseUnmaskRequest({ field: 'resident_id', reason: '😀'.repeat(500) }).reason).toHaveLength(1000);
  });

  it('answers 400 reasonRequired, on /reason, in both languages, without a usable reason', () => {
    for (const body of [{ field: 'resident_id' }, { field: 'resident_id', reason: 12345 }, { field: 'resident_id', reason: '   ab  ' }, { field: 'resident_id', reason: 'x'.repeat(501) }, null]) {
      let thrown: unknown;
      try {
        parseUnmaskRequest(body);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ProblemError);
      expect(thrown).toMatchObject({ status: 400, code: 'reasonRequired', errors: [{ path: '/reason', code: 'reasonRequired' }] });
      expect((thrown as ProblemError).errors?.[0]?.messageZh).toBe('请填写 4 到 500 个字符的查看原因');
    }
  });

  it('still checks the rest of the body', () => {
    expect(() => parseUnmaskRequest({ reason: 'A good reason' })).toThrow(ProblemError);
    expect(() => parseUnmaskRequest({ field: 'resident_id', reason: 'A good reason', extra: 1 })).toThrow(ProblemError);
  });
});
