// @vitest-environment node
import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { HIT_POLICY_CHOICES } from './page/hit-policy.js';
import { decisionDesignerMessages } from './locales.js';

describe('decision designer messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(decisionDesignerMessages)).toEqual([]);
  });

  it('names and explains every hit policy', () => {
    for (const messages of [decisionDesignerMessages.en, decisionDesignerMessages['zh-CN']]) {
      for (const choice of HIT_POLICY_CHOICES) {
        expect(messages.hitPolicy[choice]).toBeTruthy();
        expect(messages.hitPolicy.help[choice]).toBeTruthy();
      }
    }
  });
});
