import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { dataModelMessages } from '../data-model/locales.js';
import { shellMessages } from './locales.js';

describe.each([
  ['shell', shellMessages],
  ['dataModel', dataModelMessages],
])('%s messages', (_name, messages) => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(messages)).toEqual([]);
  });
});
