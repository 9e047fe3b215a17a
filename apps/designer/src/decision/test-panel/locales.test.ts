// @vitest-environment node
import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { decisionTestMessages } from './locales.js';

describe('decision test panel messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(decisionTestMessages)).toEqual([]);
  });
});
