import { describe, expect, it } from 'vitest';
import { appShellMessages } from './messages.js';

/** The dotted paths of every message, so the two languages can be compared key for key. */
function paths(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? paths(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('appShell messages', () => {
  it('has every key in both languages', () => {
    expect(paths(appShellMessages['zh-CN']).sort()).toEqual(paths(appShellMessages.en).sort());
  });
});
