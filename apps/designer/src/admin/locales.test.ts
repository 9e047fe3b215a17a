import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { adminMessages } from './locales.js';

describe('admin messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(adminMessages)).toEqual([]);
  });
});
