// @vitest-environment node
import { messageProblems } from '@bankforge/app-shell/testing';
import { describe, expect, it } from 'vitest';
import { flowDesignerMessages } from './locales.js';
import { NODE_TYPES } from './document/node-types.js';

describe('flow designer messages', () => {
  it('has every key in both languages, none empty', () => {
    expect(messageProblems(flowDesignerMessages)).toEqual([]);
  });

  it('describes every node type in the palette', () => {
    for (const type of NODE_TYPES) {
      expect(flowDesignerMessages.en.palette.describe[type]).toBeTruthy();
      expect(flowDesignerMessages['zh-CN'].palette.describe[type]).toBeTruthy();
    }
  });
});
