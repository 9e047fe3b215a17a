import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { ucs2length } from './ucs2length.js';

// Ajv's helper is CommonJS with only `exports.default`: required, it reads the same in every loader.
const ajvUcs2length = (
  createRequire(import.meta.url)('ajv/dist/runtime/ucs2length.js') as { default: (text: string) => number }
).default;

describe('ucs2length', () => {
  it.each([
    ['', 0],
    ['abc', 3],
    ['王芳', 2],
    ['😀', 1],
    ['a😀b', 3],
    ['\ud83d', 1],
    ['\ude00', 1],
    ['\ud83d\ud83d', 2],
    ['\ude00\ud83d', 2],
    ['𠮷野家', 3],
  ])('counts %j as %i code points, as Ajv does', (text, length) => {
    expect(ucs2length(text)).toBe(length);
    expect(ajvUcs2length(text)).toBe(length);
  });
});
