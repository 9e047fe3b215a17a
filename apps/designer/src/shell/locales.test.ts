import { describe, expect, it } from 'vitest';
import { dataModelMessages } from '../data-model/locales.js';
import { shellMessages } from './locales.js';

/** The dotted paths of every message, so the two languages can be compared key for key. */
function paths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? paths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe.each([
  ['shell', shellMessages],
  ['dataModel', dataModelMessages],
])('%s messages', (_name, messages) => {
  it('has every key in both languages, none empty', () => {
    expect(paths(messages['zh-CN']).sort()).toEqual(paths(messages.en).sort());
    for (const language of [messages.en, messages['zh-CN']]) {
      for (const path of paths(language)) {
        const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], language);
        expect(value, path).not.toBe('');
      }
    }
  });
});
