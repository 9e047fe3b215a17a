import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { auditMessages } from './locales.js';

describe('audit messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(auditMessages)).toEqual([]);
  });
});
