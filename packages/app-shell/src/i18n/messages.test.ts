import { describe, expect, it } from 'vitest';
import { messageProblems } from '../testing/message-problems.js';
import { appShellMessages } from './messages.js';

describe('appShell messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(appShellMessages)).toEqual([]);
  });
});
