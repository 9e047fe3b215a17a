// @vitest-environment node
import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { decisionVersionMessages } from './locales.js';

describe('decision versions messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(decisionVersionMessages)).toEqual([]);
  });
});
