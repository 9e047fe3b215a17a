import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { listMessages } from '../entity-list/locales.js';
import { loginMessages } from '../login/locales.js';
import { recordMessages } from '../record/locales.js';
import { shellMessages } from './locales.js';

describe.each([
  ['shell', shellMessages],
  ['login', loginMessages],
  ['list', listMessages],
  ['record', recordMessages],
])('%s messages', (_name, messages) => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(messages)).toEqual([]);
  });
});
