import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { appDesignerMessages } from '../app-designer/locales.js';
import { dataModelMessages } from '../data-model/locales.js';
import { shellMessages } from './locales.js';

describe.each([
  ['shell', shellMessages],
  ['dataModel', dataModelMessages],
  ['appDesigner', appDesignerMessages],
])('%s messages', (_name, messages) => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(messages)).toEqual([]);
  });
});
