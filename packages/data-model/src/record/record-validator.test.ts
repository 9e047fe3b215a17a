import { describe, expect, it } from 'vitest';
import type { EntityDefinition, FieldDefinition, FieldError } from '../entity/entity-definition.js';
import { EVERY_TYPE, entityOf, field, options, residentId } from '../testing/fixtures.js';
import { compileRecordValidator } from './record-validator.js';
import { RECORD_ERROR_CODES } from './error-codes.js';

/** Validates `{ [f.key]: value }` against an entity holding only `f`; returns [code, path] pairs. */
function problems(f: FieldDefinition, value: unknown, today?: string): Array<[string, string]> {
  const validate = compileRecordValidator(entityOf(f), { today });
  return validate({ [f.key]: value }).map((e) => [e.code, e.path]);
}

function expectValid(f: FieldDefinition, ...values: unknown[]): void {
  const validate = compileRecordValidator(entityOf(f));
  for (const value of values) expect(validate({ [f.key]: value }), JSON.stringify(value)).toEqual([]);
}

describe('every field type', () => {
  it.each(EVERY_TYPE.map((t) => [t.field.type, t] as const))(
    '%s: accepts its valid value, null and absence',
    (_type, t) => {
      const validate = compileRecordValidator(entityOf(t.field));
      expect(validate({ [t.field.key]: t.valid })).toEqual([]);
      expect(validate({ [t.field.key]: null })).toEqual([]);
      expect(validate({})).toEqual([]);
    },
  );

  it.each(EVERY_TYPE.filter((t) => t.field.type !== 'autoNumber').map((t) => [t.field.type, t] as const))(
    '%s: when required, rejects null and absence at /<key>',
    (_type, t) => {
      const f = { ...t.field, required: true };
      const validate = compileRecordValidator(entityOf(f));
      expect(validate({ [f.key]: t.valid })).toEqual([]);
      for (const values of [{ [f.key]: null }, {}]) {
        const errors = validate(values);
        expect(errors.map((e) => [e.code, e.path])).toEqual([['required', `/${f.key}`]]);
        expect(errors[0]?.message).toBe(`Label ${f.key} is required`);
        expect(errors[0]?.messageZh).toBe(`标签${f.key}为必填项`);
      }
    },
  );

  it('autoNumber: never requires a value, which the server assigns on insert', () => {
    const f = field('loan_no', 'autoNumber', { numbering: 'LA{yyyyMM}{seq:6}', unique: true, required: true });
    expectValid(f, null, 'LA202607000001');
    expect(compileRecordValidator(entityOf(f))({})).toEqual([]);
    expect(problems(f, 'X'.repeat(65))).toEqual([['maxLength', '/loan_no']]);
  });

  it('uses only the documented codes, and bilingual messages naming the label', () => {
    const all = compileRecordValidator(entityOf(...EVERY_TYPE.map((t) => t.field)));
    const errors = all({
      name: 1,
      notes: 2,
      age: 'x',
      rate: 'x',
      balance: 'x',
      share: 'x',
      vip: 'x',
      birthday: 'x',
      contacted_at: 'x',
      segment: 'x',
      tags: 'x',
      branch: 'x y',
      email: 'x',
      mobile: 'x',
      resident_id: 'x',
      homepage: 'x',
      extra: Number.NaN,
      bogus: 1,
    });
    expect(errors).toHaveLength(18);
    for (const error of errors) {
      expect(RECORD_ERROR_CODES).toContain(error.code);
      expect(error.message.length).toBeGreaterThan(0);
      expect(error.messageZh).toMatch(/[\u4e00-\u9fff]/);
      const key = error.path.split('/')[1];
      if (error.code !== 'unknownField') expect(error.message).toContain(`Label ${key}`);
    }
  });
});

describe('text', () => {
  const name = field('name', 'text', { label: { en: 'Name', 'zh-CN': '姓名' } });

  it('rejects non-strings with type', () => {
    expect(problems(name, 42)).toEqual([['type', '/name']]);
    expect(problems(name, ['a'])).toEqual([['type', '/name']]);
  });

  it('defaults to 255 characters, counted as characters not UTF-16 units', () => {
    expectValid(name, 'a'.repeat(255), '𠮷'.repeat(255), '王'.repeat(255));
    expect(problems(name, 'a'.repeat(256))).toEqual([['maxLength', '/name']]);
    expect(problems(name, '𠮷'.repeat(256))).toEqual([['maxLength', '/name']]);
  });

  it('applies minLength and maxLength, quoting the limit', () => {
    const code = field('code', 'text', { minLength: 3, maxLength: 5 });
    expectValid(code, 'abc', 'abcde');
    expect(problems(code, 'ab')).toEqual([['minLength', '/code']]);
    expect(problems(code, 'abcdef')).toEqual([['maxLength', '/code']]);
    const [error] = compileRecordValidator(entityOf(code))({ code: 'abcdef' });
    expect(error?.message).toBe('Label code must be at most 5 characters long');
    expect(error?.messageZh).toBe('标签code长度不能超过 5 个字符');
  });

  it('requires the pattern to match the whole value', () => {
    const digits = field('digits', 'text', { pattern: '[0-9]+' });
    expectValid(digits, '0123');
    expect(problems(digits, '12a')).toEqual([['pattern', '/digits']]);
    expect(problems(digits, 'a12')).toEqual([['pattern', '/digits']]);
  });

  it('anchors alternations as a whole', () => {
    const either = field('either', 'text', { pattern: 'foo|bar' });
    expectValid(either, 'foo', 'bar');
    expect(problems(either, 'foobar')).toEqual([['pattern', '/either']]);
  });

  it("words a pattern error in the analyst's hint, in both languages, never as the expression", () => {
    const hint = { en: 'two letters then eight digits', 'zh-CN': '两个字母加八位数字' };
    const validate = compileRecordValidator(entityOf(field('card_no', 'text', { pattern: '[A-Z]{2}[0-9]{8}', patternHint: hint })));
    const [error] = validate({ card_no: 'A1234567' });
    expect(error).toMatchObject({ path: '/card_no', code: 'pattern', message: 'Label card_no must be in the format: two letters then eight digits', messageZh: '标签card_no格式应为：两个字母加八位数字' });
    const [plain] = compileRecordValidator(entityOf(field('card_no', 'text', { pattern: '[A-Z]{2}[0-9]{8}' })))({ card_no: 'A1' });
    expect(plain?.message).toBe('Label card_no is not in the required format');
    expect(plain?.message).not.toContain('[A-Z]');
  });

  it('compiles patterns with the u flag', () => {
    const han = field('han', 'text', { pattern: '\\p{Script=Han}+' });
    expectValid(han, '王小明');
    expect(problems(han, 'Wang')).toEqual([['pattern', '/han']]);
  });

  it('runs patterns in linear time: a pattern that makes a backtracking matcher take minutes answers at once', () => {
    // JavaScript's RegExp needs about 2^40 steps to refuse this value; RE2 one pass.
    const nested = field('nested', 'text', { pattern: '^(a+)+$' });
    const started = Date.now();
    expect(problems(nested, `${'a'.repeat(40)}!`)).toEqual([['pattern', '/nested']]);
    expect(Date.now() - started).toBeLessThan(2000);
    expectValid(nested, 'a'.repeat(40), 'a'.repeat(255));
  });

  it('keeps the ECMAScript meaning of \\s and . where RE2 defines them otherwise', () => {
    const spaced = field('spaced', 'text', { pattern: '\\S+\\s\\S+' });
    expectValid(spaced, '王\u3000芳', 'a\u00a0b');
    const oneLine = field('one_line', 'text', { pattern: '.+' });
    expect(problems(oneLine, 'a\rb')).toEqual([['pattern', '/one_line']]);
    expect(problems(oneLine, 'a\u2028b')).toEqual([['pattern', '/one_line']]);
  });

  it('reports an empty required text as required', () => {
    expect(problems({ ...name, required: true }, '')).toEqual([['required', '/name']]);
  });

  it('reports "" as required, not as a format error, for every required string-valued type', () => {
    for (const t of EVERY_TYPE.filter((t) => typeof t.valid === 'string')) {
      expect(problems({ ...t.field, required: true }, ''), t.field.type).toEqual([
        ['required', `/${t.field.key}`],
      ]);
    }
  });
});

describe('longText', () => {
  it('takes long text and honours maxLength when set', () => {
    expectValid(field('notes', 'longText'), 'x'.repeat(100_000));
    expect(problems(field('notes', 'longText', { maxLength: 10 }), 'x'.repeat(11))).toEqual([
      ['maxLength', '/notes'],
    ]);
    expect(problems(field('notes', 'longText'), { text: 'x' })).toEqual([['type', '/notes']]);
  });
});

describe('integer', () => {
  const age = field('age', 'integer', { min: 18, max: 120 });

  it('accepts safe integers within bounds', () => {
    expectValid(age, 18, 120, 42);
    expectValid(field('n', 'integer'), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 0);
  });

  it('rejects fractions and unsafe integers with integer', () => {
    expect(problems(age, 42.5)).toEqual([['integer', '/age']]);
    expect(problems(field('n', 'integer'), 2 ** 53)).toEqual([['integer', '/n']]);
    expect(problems(field('n', 'integer'), -(2 ** 60))).toEqual([['integer', '/n']]);
  });

  it('rejects numeric strings with type', () => {
    expect(problems(age, '42')).toEqual([['type', '/age']]);
  });

  it('checks min and max', () => {
    expect(problems(age, 17)).toEqual([['minimum', '/age']]);
    expect(problems(age, 121)).toEqual([['maximum', '/age']]);
    const [error] = compileRecordValidator(entityOf(age))({ age: 17 });
    expect(error?.message).toBe('Label age must be at least 18');
    expect(error?.messageZh).toBe('标签age不能小于 18');
  });
});

describe('decimal and percentage', () => {
  const rate = field('rate', 'decimal', { precision: 6, scale: 2, min: '-10', max: '100' });

  it('accepts canonical strings with exactly the scale', () => {
    expectValid(rate, '12.50', '100.00', '-10.00', '0.00');
    expectValid(field('d', 'decimal'), '99999999999999.9999', '-0.0001');
  });

  it('rejects numbers (they must be strings, see normalizeRecordValues)', () => {
    expect(problems(rate, 12.5)).toEqual([['type', '/rate']]);
  });

  it.each(['12.5', '12.500', '012.50', '+12.50', '-0.00', '1e2', '12,50', ' 12.50', 'abc', ''])(
    'rejects the non-canonical %j with decimal',
    (value) => {
      expect(problems(rate, value)).toEqual([['decimal', '/rate']]);
    },
  );

  it('does not round: too many fraction digits is decimal, not a rounded value', () => {
    expect(problems(rate, '12.505')).toEqual([['decimal', '/rate']]);
  });

  it('reports values too large for the precision', () => {
    const d = field('d', 'decimal'); // 18,4: 14 integer digits
    expect(problems(d, '100000000000000.0000')).toEqual([['decimalPrecision', '/d']]);
    const [error] = compileRecordValidator(entityOf(d))({ d: '100000000000000.0000' });
    expect(error?.message).toContain('at most 14 digits before the decimal point');
  });

  it('compares min and max exactly', () => {
    const tight = field('t', 'decimal', { precision: 30, scale: 20, min: '0.1', max: '0.3' });
    expectValid(tight, '0.10000000000000000000', '0.30000000000000000000');
    expect(problems(tight, '0.09999999999999999999')).toEqual([['minimum', '/t']]);
    expect(problems(tight, '0.30000000000000000001')).toEqual([['maximum', '/t']]);
    expect(problems(rate, '-10.01')).toEqual([['minimum', '/rate']]);
    expect(problems(rate, '100.01')).toEqual([['maximum', '/rate']]);
  });

  it('applies percentage defaults 9,4', () => {
    const share = field('share', 'percentage');
    expectValid(share, '99999.9999', '-12.5000');
    expect(problems(share, '100000.0000')).toEqual([['decimalPrecision', '/share']]);
    expect(problems(share, '12.5')).toEqual([['decimal', '/share']]);
  });

  it('handles scale 0', () => {
    const whole = field('w', 'decimal', { precision: 5, scale: 0 });
    expectValid(whole, '12345', '-1');
    expect(problems(whole, '1.0')).toEqual([['decimal', '/w']]);
    expect(problems(whole, '123456')).toEqual([['decimalPrecision', '/w']]);
  });
});

describe('money', () => {
  const balance = field('amount', 'money', {
    label: { en: 'Amount', 'zh-CN': '金额' },
    currencies: ['CNY', 'USD'],
    min: 0,
  });

  it('accepts an amount string with the scale and an allowed currency', () => {
    expectValid(balance, { amount: '12.50', currency: 'CNY' }, { amount: '0.00', currency: 'USD' });
    expectValid(field('m', 'money'), { amount: '-5.00', currency: 'JPY' });
  });

  it('reports problems inside the value at sub-paths', () => {
    expect(problems(balance, { amount: '12.5', currency: 'CNY' })).toEqual([['decimal', '/amount/amount']]);
    expect(problems(balance, { amount: 12.5, currency: 'CNY' })).toEqual([['type', '/amount/amount']]);
    expect(problems(balance, { amount: '-1.00', currency: 'CNY' })).toEqual([['minimum', '/amount/amount']]);
    expect(problems(balance, { amount: '1.00', currency: 'XYZ' })).toEqual([
      ['currency', '/amount/currency'],
    ]);
    expect(problems(balance, { amount: '1.00', currency: 'cny' })).toEqual([
      ['currency', '/amount/currency'],
    ]);
    expect(problems(balance, { amount: '1.00', currency: 'EUR' })).toEqual([
      ['currencyNotAllowed', '/amount/currency'],
    ]);
    expect(problems(balance, { amount: '1.00' })).toEqual([['required', '/amount/currency']]);
    expect(problems(balance, { currency: 'CNY' })).toEqual([['required', '/amount/amount']]);
    expect(problems(balance, { amount: '1.00', currency: 'CNY', note: 'x' })).toEqual([
      ['unknownField', '/amount/note'],
    ]);
  });

  it('reports every problem of the value at once', () => {
    expect(problems(balance, { amount: '1e3', currency: 'EUR', rate: 1 })).toEqual([
      ['unknownField', '/amount/rate'],
      ['decimal', '/amount/amount'],
      ['currencyNotAllowed', '/amount/currency'],
    ]);
  });

  it('rejects values that are not objects', () => {
    expect(problems(balance, '12.50')).toEqual([['type', '/amount']]);
    expect(problems(balance, ['12.50', 'CNY'])).toEqual([['type', '/amount']]);
  });

  it('names the part in messages', () => {
    const validate = compileRecordValidator(entityOf(balance));
    const [missing] = validate({ amount: { amount: '1.00' } });
    expect(missing?.message).toBe('Amount needs a currency');
    expect(missing?.messageZh).toBe('金额缺少币种');
    const [notAllowed] = validate({ amount: { amount: '1.00', currency: 'EUR' } });
    expect(notAllowed?.message).toBe('Amount may not be EUR (allowed: CNY, USD)');
  });
});

describe('boolean', () => {
  it('accepts true and false only', () => {
    const vip = field('vip', 'boolean');
    expectValid(vip, true, false);
    for (const value of ['true', 1, 0, 'yes', {}]) expect(problems(vip, value)).toEqual([['type', '/vip']]);
  });
});

describe('date', () => {
  const birthday = field('birthday', 'date', { min: '1900-01-01', max: '2024-12-31' });

  it('accepts real calendar dates within bounds', () => {
    expectValid(birthday, '2024-02-29', '1900-01-01', '2024-12-31');
  });

  it('rejects impossible and malformed dates with date', () => {
    for (const value of ['2023-02-29', '2024-13-01', '2024-1-1', '2024-01-01T00:00:00Z']) {
      expect(problems(birthday, value), value).toEqual([['date', '/birthday']]);
    }
    expect(problems(birthday, 20240101)).toEqual([['type', '/birthday']]);
  });

  it('checks min and max as strings', () => {
    expect(problems(birthday, '1899-12-31')).toEqual([['minimum', '/birthday']]);
    expect(problems(birthday, '2025-01-01')).toEqual([['maximum', '/birthday']]);
    const [error] = compileRecordValidator(entityOf(birthday))({ birthday: '2025-01-01' });
    expect(error?.message).toBe('Label birthday must not be after 2024-12-31');
    expect(error?.messageZh).toBe('标签birthday不能晚于 2024-12-31');
  });
});

describe('datetime', () => {
  const at = field('at', 'datetime', { min: '2024-01-01T08:00:00+08:00', max: '2024-12-31T23:59:59.999Z' });

  it('accepts only the canonical UTC form', () => {
    expectValid(at, '2024-01-01T00:00:00.000Z', '2024-06-30T12:00:00.123Z');
    for (const value of [
      '2024-06-30T12:00:00Z',
      '2024-06-30T20:00:00.000+08:00',
      '2024-02-30T00:00:00.000Z',
      '2024-06-30',
    ]) {
      expect(problems(at, value), value).toEqual([['datetime', '/at']]);
    }
  });

  it('checks min and max against the bounds in UTC', () => {
    expect(problems(at, '2023-12-31T23:59:59.999Z')).toEqual([['minimum', '/at']]);
    expect(problems(at, '2025-01-01T00:00:00.000Z')).toEqual([['maximum', '/at']]);
  });
});

describe('singleSelect', () => {
  const segment = field('segment', 'singleSelect', { options: options('retail', 'private') });

  it('accepts option values only', () => {
    expectValid(segment, 'retail', 'private');
    expect(problems(segment, 'Retail')).toEqual([['option', '/segment']]);
    expect(problems(segment, 'other')).toEqual([['option', '/segment']]);
    expect(problems(segment, 1)).toEqual([['type', '/segment']]);
  });
});

describe('multiSelect', () => {
  const tags = field('tags', 'multiSelect', { options: options('a', 'b', 'c') });

  it('accepts arrays of distinct option values, empty included', () => {
    expectValid(tags, ['a'], ['c', 'a'], []);
  });

  it('reports unknown values at their index', () => {
    expect(problems(tags, ['a', 'b', 'x'])).toEqual([['option', '/tags/2']]);
    expect(problems(tags, ['x', 'b', 'y'])).toEqual([
      ['option', '/tags/0'],
      ['option', '/tags/2'],
    ]);
  });

  it('reports a repeated value at the repetition', () => {
    expect(problems(tags, ['a', 'b', 'a'])).toEqual([['option', '/tags/2']]);
    const [error] = compileRecordValidator(entityOf(tags))({ tags: ['a', 'a'] });
    expect(error?.message).toBe('Label tags lists the same option more than once');
  });

  it('rejects non-arrays and a required empty array', () => {
    expect(problems(tags, 'a')).toEqual([['type', '/tags']]);
    expect(problems({ ...tags, required: true }, [])).toEqual([['required', '/tags']]);
  });
});

describe('reference', () => {
  const branch = field('branch', 'reference', { reference: { entity: 'branch' } });

  it('accepts ids of 1 to 36 letters, digits and hyphens', () => {
    expectValid(branch, '0b9c2a4e-3f1d-4c55-9a77-1e2f3a4b5c6d', '42', 'A');
  });

  it('rejects anything else with reference', () => {
    for (const value of ['', 'a'.repeat(37), 'a b', 'a_b', '../etc']) {
      expect(problems(branch, value), value).toEqual([['reference', '/branch']]);
    }
    expect(problems(branch, 42)).toEqual([['type', '/branch']]);
  });
});

describe('email', () => {
  const email = field('email', 'email');

  it('accepts addresses and rejects the rest', () => {
    expectValid(email, 'wang.fang@example.com', 'a+b@sub.example.cn');
    for (const value of ['wang.fang', 'wang@', '@example.com', 'a b@example.com']) {
      expect(problems(email, value), value).toEqual([['email', '/email']]);
    }
  });

  it('caps length at 254', () => {
    expect(problems(email, `${'a'.repeat(64)}@${'b'.repeat(186)}.com`)).toEqual([['maxLength', '/email']]);
  });
});

describe('mobile', () => {
  const mobile = field('mobile', 'mobile', {
    label: { en: 'Mobile phone', 'zh-CN': '手机号码' },
    required: true,
  });

  it('accepts mainland mobile numbers', () => {
    expectValid(mobile, '13800138000', '19912345678');
  });

  it('rejects others with mobile', () => {
    for (const value of ['12800138000', '1380013800', '+8613800138000', '138-0013-8000']) {
      expect(problems(mobile, value), value).toEqual([['mobile', '/mobile']]);
    }
  });

  it('says so in both languages', () => {
    const validate = compileRecordValidator(entityOf(mobile));
    expect(validate({})).toEqual([
      {
        path: '/mobile',
        code: 'required',
        message: 'Mobile phone is required',
        messageZh: '手机号码为必填项',
      },
    ]);
    expect(validate({ mobile: '123' })[0]?.messageZh).toBe('手机号码必须是 11 位中国大陆手机号码');
  });
});

describe('residentId', () => {
  const id = field('resident_id', 'residentId');

  it('accepts valid ids', () => {
    expectValid(id, '11010519491231002X', residentId('44030419850613123'));
  });

  it('says which check failed', () => {
    expect(problems(id, '11010519491231002x')).toEqual([['residentIdFormat', '/resident_id']]);
    expect(problems(id, '1101051949123100')).toEqual([['residentIdFormat', '/resident_id']]);
    expect(problems(id, '110105194912310021')).toEqual([['residentIdChecksum', '/resident_id']]);
    expect(problems(id, residentId('11010519490230123'))).toEqual([['residentIdBirthDate', '/resident_id']]);
    expect(problems(id, 110105194912310020)).toEqual([['type', '/resident_id']]);
  });

  it('rejects birth dates after the today option', () => {
    const future = residentId('11010520300101123');
    expect(problems(id, future)).toEqual([]);
    expect(problems(id, future, '2026-01-01')).toEqual([['residentIdBirthDate', '/resident_id']]);
  });
});

describe('url', () => {
  const homepage = field('homepage', 'url');

  it('accepts absolute http and https addresses', () => {
    expectValid(
      homepage,
      'https://www.example.com',
      'http://example.com:8080/a/b?c=d#e',
      'HTTPS://EXAMPLE.COM',
    );
  });

  it('rejects other schemes and non-URLs with url', () => {
    for (const value of [
      'javascript:alert(1)',
      'ftp://example.com/file',
      'mailto:a@b.c',
      'www.example.com',
      'https://',
      'not a url',
    ]) {
      expect(problems(homepage, value), value).toEqual([['url', '/homepage']]);
    }
  });

  it('caps length at 2048', () => {
    expect(problems(homepage, `https://example.com/${'a'.repeat(2048)}`)).toEqual([
      ['maxLength', '/homepage'],
    ]);
  });
});

describe('json', () => {
  const extra = field('extra', 'json');

  it('accepts any JSON value', () => {
    expectValid(extra, { a: [1, { b: null }] }, [1, 2], 'text', '', 0, false);
  });

  it('rejects values JSON cannot carry with json', () => {
    for (const value of [Number.NaN, new Date(0), { a: undefined }, () => 1]) {
      expect(problems(extra, value)).toEqual([['json', '/extra']]);
    }
  });
});

describe('compileRecordValidator', () => {
  const entity = entityOf(
    field('name', 'text', { required: true, maxLength: 10 }),
    field('mobile', 'mobile', { required: true }),
    field('age', 'integer', { min: 0 }),
    field('balance', 'money'),
    field('tags', 'multiSelect', { options: options('a', 'b') }),
    field('email', 'email'),
  );

  it('reports every problem at once, in field order, unknown fields last', () => {
    const validate = compileRecordValidator(entity);
    const errors = validate({
      surname: 'x',
      tags: ['a', 'z', 'a'],
      age: -1,
      name: 'far too long a name',
      balance: { amount: 'abc', currency: 'RMB' },
      email: 'nope',
    });
    expect(errors.map((e) => [e.code, e.path])).toEqual([
      ['maxLength', '/name'],
      ['required', '/mobile'],
      ['minimum', '/age'],
      ['decimal', '/balance/amount'],
      ['currency', '/balance/currency'],
      ['option', '/tags/1'],
      ['option', '/tags/2'],
      ['email', '/email'],
      ['unknownField', '/surname'],
    ]);
  });

  it('returns [] for a valid record and keeps no state between calls', () => {
    const validate = compileRecordValidator(entity);
    const bad = { name: 'x' };
    const good = { name: 'Wang', mobile: '13800138000' };
    expect(validate(bad)).toHaveLength(1);
    expect(validate(good)).toEqual([]);
    expect(validate(bad)).toHaveLength(1);
  });

  it('in partial mode, lets required fields be absent but not null', () => {
    const patch = compileRecordValidator(entity, { partial: true });
    expect(patch({})).toEqual([]);
    expect(patch({ age: 3 })).toEqual([]);
    expect(patch({ mobile: null }).map((e) => [e.code, e.path])).toEqual([['required', '/mobile']]);
    expect(patch({ name: '' }).map((e) => [e.code, e.path])).toEqual([['required', '/name']]);
    expect(patch({ age: 'x' }).map((e) => [e.code, e.path])).toEqual([['type', '/age']]);
    expect(patch({ nope: 1 }).map((e) => [e.code, e.path])).toEqual([['unknownField', '/nope']]);
  });

  it('escapes unknown property names in paths', () => {
    const [error] = compileRecordValidator(entity, { partial: true })({ 'a/b~c': 1 });
    expect(error?.path).toBe('/a~1b~0c');
    expect(error?.message).toBe('"a/b~c" is not a field of this entity');
  });

  it('treats only own properties as values (a field may be called constructor)', () => {
    const validate = compileRecordValidator(entityOf(field('constructor', 'text', { required: true })));
    expect(validate({}).map((e) => [e.code, e.path])).toEqual([['required', '/constructor']]);
    expect(validate({ constructor: 'x' })).toEqual([]);
  });

  it('rejects a record that is not an object', () => {
    const validate = compileRecordValidator(entity);
    for (const values of [null, [], 'x']) {
      const errors: FieldError[] = validate(values as unknown as Record<string, unknown>);
      expect(errors.map((e) => [e.code, e.path])).toEqual([['type', '']]);
    }
  });

  it('treats undefined like absence', () => {
    const validate = compileRecordValidator(entity);
    expect(validate({ name: 'Wang', mobile: '13800138000', age: undefined })).toEqual([]);
  });
});

describe('NUL characters in text', () => {
  const entity: EntityDefinition = {
    kind: 'entity',
    key: 'memo',
    title: 'Memo',
    label: { en: 'Memo', 'zh-CN': '备忘' },
    fields: [
      { id: 'a', key: 'subject', type: 'text', label: { en: 'Subject', 'zh-CN': '主题' }, pattern: '[a-z ]+' },
      { id: 'b', key: 'body', type: 'longText', label: { en: 'Body', 'zh-CN': '正文' } },
    ],
  };
  const validate = compileRecordValidator(entity);

  it('refuses them in text and long text, with and without a field pattern', () => {
    expect(validate({ subject: 'ab\u0000c', body: 'x\u0000y' }).map((e) => [e.path, e.code])).toEqual([
      ['/subject', 'pattern'],
      ['/body', 'pattern'],
    ]);
    expect(validate({ subject: 'plain text', body: '多行\n正文\t' })).toEqual([]);
    expect(validate({ subject: 'Upper' }).map((e) => e.code)).toEqual(['pattern']);
  });
});
