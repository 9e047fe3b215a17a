// @vitest-environment node
import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { flowVersionMessages } from './locales.js';

describe('flow versions messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(flowVersionMessages)).toEqual([]);
  });
});
