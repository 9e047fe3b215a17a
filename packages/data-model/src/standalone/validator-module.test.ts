import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityDefinition } from '../entity/entity-definition.js';
import type { RecordTypeCheck } from '../record/type-check.js';
import { compileRecordValidator } from '../record/record-validator.js';
import { EVERY_TYPE, entityOf, field, options, residentId } from '../testing/fixtures.js';
import { createRecordAjv } from '../record/record-ajv.js';
import { reachThroughRuntime, standaloneValidatorModule } from './validator-module.js';
import { loadTypeCheck, type ValidatorModule } from './validator-runtime.js';

const TODAY = '2026-11-23';

/** A customer-like entity: every field type, plus the options banks set (bounds, currencies, required). */
const customer: EntityDefinition = entityOf(
  ...EVERY_TYPE.map((t) => t.field),
  field('short_name', 'text', { maxLength: 10, required: true }),
  field('code', 'text', { pattern: '[A-Z]{3}-\\d{2}' }),
  // Backtracking takes minutes on 40 `a`s and a `!`; RE2, in Node and in the module, one pass.
  field('batch', 'text', { pattern: '^(a+)+$' }),
  field('loan', 'money', { currencies: ['CNY', 'USD'], min: 0, max: 1000000 }),
  field('ratio', 'decimal', { precision: 5, scale: 2, min: '0', max: '100' }),
  field('score', 'integer', { min: 0, max: 1000 }),
  field('opened_on', 'date', { min: '2000-01-01', max: '2030-12-31' }),
  field('channels', 'multiSelect', { options: options('web', 'app'), required: true }),
  field('nickname', 'longText', { minLength: 2, maxLength: 20 }),
);

const VALID: Record<string, unknown> = {
  ...Object.fromEntries(EVERY_TYPE.map((t) => [t.field.key, t.valid])),
  short_name: '王芳',
  code: 'ABC-12',
  batch: 'aaaa',
  loan: { amount: '500000.00', currency: 'USD' },
  ratio: '12.50',
  score: 700,
  opened_on: '2024-02-29',
  channels: ['web'],
  nickname: '😀😀',
};

/** Invalid records, each with the error codes it must produce (at least). */
const INVALID: ReadonlyArray<[string, Record<string, unknown>, string[]]> = [
  ['bad resident ID checksum', { resident_id: '110105194912310021' }, ['residentIdChecksum']],
  [
    'resident ID born in the future',
    { resident_id: residentId('11010520300101123') },
    ['residentIdBirthDate'],
  ],
  ['resident ID of the wrong shape', { resident_id: '1101051949' }, ['residentIdFormat']],
  ['bad mobile', { mobile: '12345678901' }, ['mobile']],
  ['too-long text', { short_name: 'Wang Fang Limited' }, ['maxLength']],
  ['too-long text in code points', { nickname: '😀'.repeat(21) }, ['maxLength']],
  ['too-short text in code points', { nickname: '😀' }, ['minLength']],
  ['text not matching its pattern', { code: 'abc-12' }, ['pattern']],
  ['text a backtracking matcher would take minutes on', { batch: `${'a'.repeat(40)}!` }, ['pattern']],
  ['text holding a NUL character', { code: 'ABC-12\u0000', nickname: 'ab\u0000' }, ['pattern']],
  ['bad decimal scale', { rate: '3.14159', ratio: '12.5' }, ['decimal']],
  ['decimal too large and over max', { ratio: '1000.00' }, ['decimalPrecision', 'maximum']],
  [
    'money with a disallowed currency',
    { loan: { amount: '10.00', currency: 'EUR' } },
    ['currencyNotAllowed'],
  ],
  ['money with an unknown currency', { balance: { amount: '10.00', currency: 'RMB' } }, ['currency']],
  ['money without its currency', { balance: { amount: '10.00' } }, ['required']],
  ['money over its max', { loan: { amount: '1000000.01', currency: 'CNY' } }, ['maximum']],
  ['unknown option', { segment: 'gold', tags: ['a', 'z'] }, ['option']],
  ['repeated option', { tags: ['a', 'a'] }, ['option']],
  ['required multiSelect left empty', { channels: [] }, ['required']],
  ['required text set to null', { short_name: null }, ['required']],
  ['bad email', { email: 'wang@' }, ['email']],
  ['url with javascript:', { homepage: 'javascript:alert(1)' }, ['url']],
  ['url that is not a URI', { homepage: 'https://exa mple.com' }, ['url']],
  ['integer out of range', { score: 1001, age: 2 ** 60 }, ['maximum', 'integer']],
  ['not an integer', { age: 1.5 }, ['integer']],
  ['date that does not exist', { birthday: '2023-02-29' }, ['date']],
  ['date out of range', { opened_on: '1999-12-31' }, ['minimum']],
  ['datetime not in UTC', { contacted_at: '2024-03-01T08:00:00+08:00' }, ['datetime']],
  ['wrong types', { vip: 'yes', name: 42, extra: undefined, branch: 'a b' }, ['type', 'reference']],
  ['unknown field', { nickname2: 'x' }, ['unknownField']],
  ['not an object', [] as unknown as Record<string, unknown>, ['type']],
];

describe('standaloneValidatorModule', () => {
  let dir: string;
  let source: string;
  let standalone: RecordTypeCheck;
  const compiled = compileRecordValidator(customer, { partial: true, today: TODAY });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bankforge-validator-'));
    source = standaloneValidatorModule(customer, { today: TODAY });
    const file = join(dir, 'customer.mjs');
    writeFileSync(file, source);
    standalone = loadTypeCheck((await import(pathToFileURL(file).href)) as ValidatorModule);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a self-contained module: no require, import, new Function or eval', () => {
    expect(source).toMatch(/^export default function recordTypeCheck\(runtime\) \{$/m);
    expect(source).not.toContain('require(');
    expect(source).not.toContain('import ');
    expect(source).not.toContain('new Function');
    expect(source).not.toContain('eval(');
  });

  it('compiles its patterns with the runtime\'s linear-time engine, never new RegExp', () => {
    expect(source).toMatch(/^const (func\d+) = runtime\.regExp;$/m);
    expect(source).toContain('("^(?:^(a+)+$)$", "u")');
    expect(source).not.toContain('new RegExp');
  });

  it('accepts a valid record, an empty one (a partial update) and nulls of optional fields', () => {
    expect(compiled(VALID)).toEqual([]);
    expect(standalone(VALID)).toEqual([]);
    expect(standalone({})).toEqual([]);
    expect(standalone({ name: null, balance: null, tags: null })).toEqual([]);
  });

  it.each(INVALID)('reports %s exactly as compileRecordValidator does', (_name, patch, codes) => {
    const values = Array.isArray(patch) ? patch : { ...VALID, ...patch };
    const expected = compiled(values);
    expect(expected.map((e) => e.code)).toEqual(expect.arrayContaining(codes));
    expect(standalone(values)).toEqual(expected);
  });

  it('words its messages in English and Chinese, naming the field', () => {
    const [error] = standalone({ resident_id: '110105194912310021' });
    expect(error).toEqual({
      path: '/resident_id',
      code: 'residentIdChecksum',
      message: 'Label resident_id has a wrong check character (the last character)',
      messageZh: '标签resident_id的校验码（最后一位）不正确',
    });
  });

  it('checks birth dates against the day it was generated for, or not at all without one', async () => {
    const bornTomorrow = { resident_id: residentId('11010520261124123') };
    expect(standalone(bornTomorrow).map((e) => e.code)).toEqual(['residentIdBirthDate']);
    const file = join(dir, 'undated.mjs');
    writeFileSync(file, standaloneValidatorModule(customer));
    const undated = loadTypeCheck((await import(pathToFileURL(file).href)) as ValidatorModule);
    expect(undated(bornTomorrow)).toEqual([]);
  });

  it('keeps label text that looks like code inert data', async () => {
    const tricky = entityOf(
      field('x', 'text', { label: { en: '*/ require("fs") \u2028 //', 'zh-CN': '`${x}`' } }),
    );
    const text = standaloneValidatorModule(tricky);
    const file = join(dir, 'tricky.mjs');
    writeFileSync(file, text);
    const check = loadTypeCheck((await import(pathToFileURL(file).href)) as ValidatorModule);
    expect(check({ x: 1 })).toEqual(compileRecordValidator(tricky, { partial: true })({ x: 1 }));
    expect(check({ x: 1 })[0]?.message).toBe('*/ require("fs") \u2028 // must be text');
  });

  it('refuses to generate code that would need a helper the runtime does not offer', () => {
    // An enum of objects compares with Ajv's deep-equal helper, which record schemas never need.
    const validate = createRecordAjv({ source: true }).compile({ enum: [{ amount: '1.00' }] });
    expect(() => reachThroughRuntime(validate)).toThrow(/func value .*ajv\/dist\/runtime\/equal/);
  });
});
