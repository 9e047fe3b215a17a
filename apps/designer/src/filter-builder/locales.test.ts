// @vitest-environment node
import { messageProblems } from '@bankforge/app-shell/testing';
import { FILTER_OPERATORS, NAMED_PERIODS } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { filterBuilderMessages } from './locales.js';

describe('filter builder messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(filterBuilderMessages)).toEqual([]);
  });

  it('names every comparison, and leaves the named periods to app-shell', () => {
    for (const messages of [filterBuilderMessages.en, filterBuilderMessages['zh-CN']]) {
      for (const op of FILTER_OPERATORS) expect(messages.ops[op]).toBeTruthy();
      // One list of period names (app-shell's `appShell:periods`): a copy here would drift from the dashboards' chips.
      for (const period of NAMED_PERIODS) expect(Object.keys(messages.periods)).not.toContain(period);
    }
  });
});
