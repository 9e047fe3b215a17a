// @vitest-environment node
import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { flowSimulationMessages } from './locales.js';

describe('flow simulation messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(flowSimulationMessages)).toEqual([]);
  });
});
