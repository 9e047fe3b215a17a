import { describe, expect, it } from 'vitest';
import { caseText, peopleText } from './case-text.js';
import { relativeTime } from './relative-time.js';

const now = Date.parse('2026-03-02T02:00:00Z');

describe('relativeTime', () => {
  it('counts days beyond a day, in English and Chinese', () => {
    expect(relativeTime('2026-03-04T02:00:00Z', now, 'en')).toBe('in 2 days');
    expect(relativeTime('2026-03-04T02:00:00Z', now, 'zh-CN')).toBe('后天');
    expect(relativeTime('2026-03-06T02:00:00Z', now, 'zh-CN')).toBe('4天后');
    expect(relativeTime('2026-02-27T02:00:00Z', now, 'en')).toBe('3 days ago');
  });

  it('counts hours under a day and minutes under an hour', () => {
    expect(relativeTime('2026-03-02T05:00:00Z', now, 'en')).toBe('in 3 hours');
    expect(relativeTime('2026-03-02T01:40:00Z', now, 'en')).toBe('20 minutes ago');
    expect(relativeTime('2026-03-02T05:00:00Z', now, 'zh-CN')).toBe('3小时后');
  });

  it('leaves a text that is no instant as it is', () => {
    expect(relativeTime('soon', now, 'en')).toBe('soon');
  });
});

describe('caseText and peopleText', () => {
  it("picks the reader's language, English when the Chinese text is missing", () => {
    expect(caseText({ en: 'Credit review', 'zh-CN': '信贷审查' }, 'zh-CN')).toBe('信贷审查');
    expect(caseText({ en: 'Credit review', 'zh-CN': '' }, 'zh-CN')).toBe('Credit review');
    expect(caseText({ en: 'Credit review', 'zh-CN': '信贷审查' }, 'en')).toBe('Credit review');
    expect(caseText(undefined, 'en')).toBe('');
  });

  it('joins names as each language does', () => {
    const people = [{ id: 'u1', name: 'Zhang Wei' }, { id: 'u2', name: 'Li Na' }];
    expect(peopleText(people, 'en')).toBe('Zhang Wei, Li Na');
    expect(peopleText(people, 'zh-CN')).toBe('Zhang Wei、Li Na');
  });
});
