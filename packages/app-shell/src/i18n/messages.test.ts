import { NAMED_PERIODS } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { messageProblems } from '../testing/message-problems.js';
import { appShellMessages } from './messages.js';

describe('appShell messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(appShellMessages)).toEqual([]);
  });

  it('names every period of the filter language, for the apps that offer them', () => {
    for (const messages of Object.values(appShellMessages)) expect(Object.keys(messages.periods).sort()).toEqual([...NAMED_PERIODS].sort());
  });
});
