import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { RECORD_FORMATS } from './record-formats.js';

const EMAILS = [
  'wang.fang@example.com',
  'a+b@sub.example.cn',
  'wang@',
  '@example.com',
  'a b@example.com',
  'x@-example.com',
  'X@EXAMPLE.COM',
];
const URIS = [
  'https://www.example.com/path?q=1#top',
  'http://[::1]:8080/',
  'javascript:alert(1)',
  'mailto:wang@example.com',
  'https://exa mple.com',
  'example.com',
  'https://例子.中国',
  'urn:isbn:0451450523',
  '//example.com',
];

describe('the copies of ajv-formats email and uri', () => {
  it.each(EMAILS)('email: %s as ajv-formats decides', (text) => {
    expect(RECORD_FORMATS.email.test(text)).toBe((fullFormats.email as RegExp).test(text));
  });

  it.each(URIS)('uri: %s as ajv-formats decides', (text) => {
    expect(RECORD_FORMATS.uri(text)).toBe((fullFormats.uri as (s: string) => boolean)(text));
  });

  it('decide both ways on the corpus', () => {
    expect(new Set(EMAILS.map((t) => RECORD_FORMATS.email.test(t)))).toEqual(new Set([true, false]));
    expect(new Set(URIS.map((t) => RECORD_FORMATS.uri(t)))).toEqual(new Set([true, false]));
  });
});
