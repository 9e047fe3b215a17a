import { describe, expect, it } from 'vitest';
import { Ajv } from 'ajv';
import type { EntityDefinition, FieldDefinition } from './entity-definition.js';
import { EVERY_TYPE, entityOf, field, options } from '../testing/fixtures.js';
import { entityArtifactSchema } from './entity-artifact-schema.js';
import { validateEntityDefinition } from './validate-entity-definition.js';

const codes = (doc: unknown) => validateEntityDefinition(doc).map((e) => [e.code, e.path]);
const withFields = (...fields: Array<FieldDefinition | Record<string, unknown>>) =>
  ({ ...entityOf(), fields }) as unknown as EntityDefinition;

const complete: EntityDefinition = {
  // An auto-numbered field takes no default: the server numbers every record.
  ...entityOf(...EVERY_TYPE.map((t) => (t.field.type === 'autoNumber' ? t.field : { ...t.field, default: t.valid }))),
  version: 3,
  schemaVersion: 1,
  pluralLabel: { en: 'Customers', 'zh-CN': '客户' },
  description: 'A bank customer',
};

describe('entityArtifactSchema', () => {
  it('is a draft-07 schema that compiles in strict mode', () => {
    expect(entityArtifactSchema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(entityArtifactSchema);
    expect(validate(complete)).toBe(true);
  });
});

describe('validateEntityDefinition: structure', () => {
  it('accepts a complete entity with every field type and valid defaults', () => {
    expect(validateEntityDefinition(complete)).toEqual([]);
  });

  it('rejects a document that is not an object', () => {
    expect(codes(null)).toEqual([['type', '']]);
    expect(codes([])).toEqual([['type', '']]);
  });

  it('reports missing and unknown properties at their own path', () => {
    const { title: _title, ...rest } = entityOf();
    expect(codes({ ...rest, owner: 'x' })).toEqual([
      ['required', '/title'],
      ['unknownProperty', '/owner'],
    ]);
  });

  it('checks kind, key and labels', () => {
    expect(codes({ ...entityOf(), kind: 'form', key: 'Customer', label: { en: 'Customer' } })).toEqual([
      ['invalidValue', '/kind'],
      ['pattern', '/key'],
      ['required', '/label/zh-CN'],
    ]);
  });

  it('checks field ids', () => {
    expect(codes(withFields(field('a', 'text', { id: 'has space' })))).toEqual([['pattern', '/fields/0/id']]);
    expect(codes(withFields(field('a', 'text', { id: 'x'.repeat(65) })))).toEqual([
      ['maxLength', '/fields/0/id'],
    ]);
    expect(codes(withFields(field('a', 'text', { id: '' })))).toEqual([
      ['minLength', '/fields/0/id'],
      ['pattern', '/fields/0/id'],
    ]);
    expect(validateEntityDefinition(withFields(field('a', 'text', { id: 'Field-01_x' })))).toEqual([]);
  });

  it('checks field keys, types and misspelt properties', () => {
    expect(codes(withFields({ ...field('a', 'text'), key: 'First Name' }))).toEqual([
      ['pattern', '/fields/0/key'],
    ]);
    expect(codes(withFields({ ...field('a', 'text'), type: 'string' }))).toEqual([
      ['invalidValue', '/fields/0/type'],
    ]);
    expect(codes(withFields({ ...field('a', 'text'), requried: true }))).toEqual([
      ['unknownProperty', '/fields/0/requried'],
    ]);
  });

  it('messages say what is wrong in both languages', () => {
    const [error] = validateEntityDefinition(withFields({ ...field('a', 'text'), type: 'string' }));
    expect(error?.message).toContain('"type" must be one of: text, longText');
    expect(error?.messageZh).toContain('必须是以下值之一');
  });
});

describe('validateEntityDefinition: rules beyond the schema', () => {
  it('rejects system column names as keys', () => {
    expect(codes(withFields(field('id', 'text'), field('created_at', 'datetime')))).toEqual([
      ['reservedKey', '/fields/0/key'],
      ['reservedKey', '/fields/1/key'],
    ]);
  });

  it('rejects duplicate keys and ids, at the later field', () => {
    expect(codes(withFields(field('name', 'text'), { ...field('name', 'text'), id: 'other' }))).toEqual([
      ['duplicateKey', '/fields/1/key'],
    ]);
    expect(codes(withFields(field('a', 'text', { id: 'same' }), field('b', 'text', { id: 'same' })))).toEqual(
      [['duplicateId', '/fields/1/id']],
    );
  });

  it('requires non-empty, distinct options on select fields', () => {
    expect(codes(withFields(field('s', 'singleSelect')))).toEqual([['optionsRequired', '/fields/0/options']]);
    expect(codes(withFields(field('m', 'multiSelect', { options: [] })))).toEqual([
      ['optionsRequired', '/fields/0/options'],
    ]);
    expect(codes(withFields(field('s', 'singleSelect', { options: options('a', 'b', 'a') })))).toEqual([
      ['duplicateOption', '/fields/0/options/2/value'],
    ]);
  });

  it('lets options of a tags field carry a colour from the fixed palette, and nothing a style could run', () => {
    // As an unchecked document may carry it: any string.
    const tagged = (color: string) =>
      ({
        ...field('tags', 'multiSelect'),
        display: 'tags',
        options: [
          { value: 'vip', label: { en: 'VIP', 'zh-CN': '贵宾' }, color: 'purple' },
          { value: 'risk', label: { en: 'Churn risk', 'zh-CN': '流失风险' }, color },
        ],
      }) as Record<string, unknown>;
    expect(codes(withFields(tagged('red')))).toEqual([]);
    expect(codes(withFields(tagged('red; background: url(x)')))).toEqual([['invalidValue', '/fields/0/options/1/color']]);
    expect(codes(withFields(tagged('#ff0000')))).toEqual([['invalidValue', '/fields/0/options/1/color']]);
    const [problem] = validateEntityDefinition(withFields(tagged('crimson')));
    expect(problem?.message).toContain('blue');
    expect(problem?.messageZh).toContain('blue');
  });

  it('shows only a multiSelect as tags', () => {
    expect(codes(withFields({ ...field('m', 'multiSelect', { options: options('a') }), display: 'chips' }))).toEqual([
      ['invalidValue', '/fields/0/display'],
    ]);
    expect(codes(withFields(field('s', 'singleSelect', { options: options('a'), display: 'tags' })))).toEqual([
      ['notApplicable', '/fields/0/display'],
    ]);
  });

  it('requires reference.entity on reference fields', () => {
    expect(codes(withFields(field('r', 'reference')))).toEqual([
      ['referenceRequired', '/fields/0/reference'],
    ]);
    expect(codes(withFields({ ...field('r', 'reference'), reference: {} }))).toEqual([
      ['required', '/fields/0/reference/entity'],
    ]);
  });

  it('requires patterns to compile with the u flag, alone and anchored', () => {
    expect(codes(withFields(field('t', 'text', { pattern: '(' })))).toEqual([
      ['invalidPattern', '/fields/0/pattern'],
    ]);
    expect(codes(withFields(field('t', 'text', { pattern: 'a)(b' })))).toEqual([
      ['invalidPattern', '/fields/0/pattern'],
    ]);
    expect(codes(withFields(field('t', 'text', { pattern: '\\-' })))).toEqual([
      ['invalidPattern', '/fields/0/pattern'],
    ]); // invalid escape under u
    expect(codes(withFields(field('t', 'text', { pattern: '^[A-Z]{2}\\d{6}$' })))).toEqual([]);
  });

  it('refuses patterns the linear-time matcher cannot run (lookaround, back-references), saying why', () => {
    for (const pattern of ['(?=.*\\d)\\w{8,}', '(?<!x)y', '(a)\\1', '(?<q>[\'"]).*\\k<q>']) {
      expect(codes(withFields(field('t', 'text', { pattern }))), pattern).toEqual([['invalidPattern', '/fields/0/pattern']]);
    }
    const [error] = validateEntityDefinition(withFields(field('t', 'text', { pattern: '(?=.*\\d)\\w{8,}' })));
    expect(error?.message).toMatch(/^Field "t": "\(\?=\.\*\\d\)\\w\{8,\}" cannot be used as a pattern: lookahead/);
    expect(error?.messageZh).toMatch(/^字段 "t"：.* 不能用作模式：不支持先行断言/);
  });

  it('accepts a pattern a backtracking matcher would take minutes on: records run it in linear time', () => {
    expect(codes(withFields(field('t', 'text', { pattern: '^(a+)+$', default: 'aaaa' })))).toEqual([]);
  });

  it('checks lengths', () => {
    expect(codes(withFields(field('t', 'text', { minLength: 5, maxLength: 4 })))).toEqual([
      ['lengthRange', '/fields/0/minLength'],
    ]);
    expect(codes(withFields(field('t', 'text', { minLength: 300 })))).toEqual([
      ['lengthRange', '/fields/0/minLength'],
    ]);
    expect(codes(withFields(field('t', 'text', { maxLength: 4001 })))).toEqual([
      ['maxLengthTooLarge', '/fields/0/maxLength'],
    ]);
    expect(codes(withFields(field('t', 'text', { maxLength: 4000 })))).toEqual([]);
    expect(codes(withFields(field('e', 'email', { maxLength: 300 })))).toEqual([
      ['maxLengthTooLarge', '/fields/0/maxLength'],
    ]);
    expect(codes(withFields(field('l', 'longText', { minLength: 10, maxLength: 100_000 })))).toEqual([]);
  });

  it('checks precision and scale', () => {
    expect(codes(withFields(field('d', 'decimal', { precision: 31 })))).toEqual([
      ['precision', '/fields/0/precision'],
    ]);
    expect(codes(withFields(field('d', 'decimal', { precision: 0, scale: 0 })))).toEqual([
      ['precision', '/fields/0/precision'],
    ]);
    expect(codes(withFields(field('d', 'decimal', { precision: 4, scale: 5 })))).toEqual([
      ['scale', '/fields/0/scale'],
    ]);
    expect(codes(withFields(field('d', 'decimal', { scale: -1 })))).toEqual([['scale', '/fields/0/scale']]);
    // money's default scale is 2: precision 1 cannot hold it.
    expect(codes(withFields(field('m', 'money', { precision: 1 })))).toEqual([
      ['scale', '/fields/0/precision'],
    ]);
    expect(codes(withFields(field('d', 'decimal', { precision: 30, scale: 30 })))).toEqual([]);
  });

  it('checks that bounds are values of the field and min <= max, exactly', () => {
    expect(codes(withFields(field('i', 'integer', { min: 10, max: 9 })))).toEqual([
      ['boundRange', '/fields/0/min'],
    ]);
    expect(codes(withFields(field('i', 'integer', { min: 1.5 })))).toEqual([
      ['invalidBound', '/fields/0/min'],
    ]);
    // "9" > "10" as strings; as numbers it is fine.
    expect(codes(withFields(field('d', 'decimal', { min: '9', max: '10' })))).toEqual([]);
    expect(codes(withFields(field('d', 'decimal', { min: '10.5', max: '10.25' })))).toEqual([
      ['boundRange', '/fields/0/min'],
    ]);
    expect(codes(withFields(field('d', 'decimal', { scale: 2, max: '0.005' })))).toEqual([
      ['invalidBound', '/fields/0/max'],
    ]);
    expect(codes(withFields(field('p', 'percentage', { max: '100000' })))).toEqual([
      ['invalidBound', '/fields/0/max'],
    ]);
    expect(codes(withFields(field('d', 'date', { min: '2024-02-30' })))).toEqual([
      ['invalidBound', '/fields/0/min'],
    ]);
    expect(codes(withFields(field('d', 'date', { min: '2024-12-31', max: '2024-01-01' })))).toEqual([
      ['boundRange', '/fields/0/min'],
    ]);
    // Compared in UTC: min 2024-01-01T00:00Z is after max 2023-12-31T23:00Z.
    expect(
      codes(
        withFields(
          field('t', 'datetime', { min: '2024-01-01T08:00:00+08:00', max: '2024-01-01T07:00:00+08:00' }),
        ),
      ),
    ).toEqual([['boundRange', '/fields/0/min']]);
    expect(
      codes(
        withFields(field('t', 'datetime', { min: '2024-01-01T08:00:00+08:00', max: '2024-01-01T00:00:00Z' })),
      ),
    ).toEqual([]);
  });

  it('checks allowed currencies against ISO 4217', () => {
    expect(codes(withFields(field('m', 'money', { currencies: ['CNY', 'RMB', 'usd'] })))).toEqual([
      ['pattern', '/fields/0/currencies/2'],
      ['currency', '/fields/0/currencies/1'],
    ]);
  });

  it('rejects a money field whose currency column clashes with another key', () => {
    expect(codes(withFields(field('amount', 'money'), field('amount_currency', 'text')))).toEqual([
      ['currencyColumnCollision', '/fields/0/key'],
    ]);
  });

  it('lets a field say it is derived from another field of the entity, and no other', () => {
    expect(
      codes(
        withFields(
          field('resident_id', 'residentId', { sensitive: true }),
          field('birth_date', 'date', { derivedFrom: 'resident_id' }),
          field('gender', 'text', { derivedFrom: 'passport' }),
          field('age', 'integer', { derivedFrom: 'age' }),
        ),
      ),
    ).toEqual([
      ['unknownSourceField', '/fields/2/derivedFrom'],
      ['unknownSourceField', '/fields/3/derivedFrom'],
    ]);
  });

  it('allows sensitive (encrypted) only on text types, and keeps its blind index column free', () => {
    expect(
      codes(
        withFields(
          field('mobile', 'mobile', { sensitive: true, unique: true }),
          field('notes', 'longText', { sensitive: true }),
          field('income', 'decimal', { sensitive: true }),
          field('mobile_bidx', 'text'),
        ),
      ),
    ).toEqual([
      ['blindIndexColumnCollision', '/fields/0/key'],
      ['notApplicable', '/fields/2/sensitive'],
    ]);
  });

  it('rejects unique and indexed on longText, json and multiSelect', () => {
    expect(
      codes(
        withFields(
          field('notes', 'longText', { unique: true }),
          field('data', 'json', { indexed: true }),
          field('tags', 'multiSelect', { options: options('a'), indexed: true }),
          field('email', 'email', { unique: true, indexed: true }),
        ),
      ),
    ).toEqual([
      ['notIndexable', '/fields/0/unique'],
      ['notIndexable', '/fields/1/indexed'],
      ['notIndexable', '/fields/2/indexed'],
    ]);
  });

  it('rejects properties that do not apply to the field type', () => {
    expect(
      codes(
        withFields(
          field('t', 'text', { options: options('a'), currencies: ['CNY'] }),
          field('n', 'integer', { pattern: '\\d+' }),
        ),
      ),
    ).toEqual([
      ['notApplicable', '/fields/0/currencies'],
      ['notApplicable', '/fields/0/options'],
      ['notApplicable', '/fields/1/pattern'],
    ]);
  });

  it('requires defaults to be valid values of their field, after normalisation', () => {
    expect(
      codes(
        withFields(
          field('mobile', 'mobile', { default: '12345' }),
          field('status', 'singleSelect', { options: options('new'), default: 'old' }),
          field('limit', 'money', { default: { amount: 100 } }),
          field('rate', 'decimal', { scale: 2, default: '1.234' }),
          field('name', 'text', { required: true, default: '' }),
          field('ok_money', 'money', { default: { amount: 100, currency: 'cny' } }),
          field('ok_rate', 'decimal', { default: 0 }),
        ),
      ),
    ).toEqual([
      ['invalidDefault', '/fields/0/default'],
      ['invalidDefault', '/fields/1/default'],
      ['invalidDefault', '/fields/2/default/currency'],
      ['invalidDefault', '/fields/3/default'],
      ['invalidDefault', '/fields/4/default'],
    ]);
    const [error] = validateEntityDefinition(withFields(field('mobile', 'mobile', { default: '12345' })));
    expect(error?.message).toBe(
      'Field "mobile": the default value is invalid: Label mobile must be an 11-digit mainland China mobile number',
    );
    expect(error?.messageZh).toBe('字段 "mobile"：默认值无效：标签mobile必须是 11 位中国大陆手机号码');
  });

  it('skips the default check of a field that is already wrong', () => {
    expect(codes(withFields(field('t', 'text', { pattern: '(', default: 'x' })))).toEqual([
      ['invalidPattern', '/fields/0/pattern'],
    ]);
  });

  it('reports every problem at once', () => {
    const errors = codes(
      withFields(
        field('id', 'text'),
        field('tier', 'singleSelect'),
        { ...field('tier', 'integer', { min: 5, max: 1 }), id: 'fld_x' },
        field('notes', 'longText', { unique: true }),
        { ...field('bad', 'text'), type: 'varchar' },
      ),
    );
    expect(errors).toEqual([
      ['invalidValue', '/fields/4/type'],
      ['reservedKey', '/fields/0/key'],
      ['duplicateKey', '/fields/2/key'],
      ['optionsRequired', '/fields/1/options'],
      ['boundRange', '/fields/2/min'],
      ['notIndexable', '/fields/3/unique'],
    ]);
  });
});

describe('title templates', () => {
  const base = { kind: 'entity', key: 'customer', title: 'Customer', label: { en: 'Customer', 'zh-CN': '客户' } };
  const fields = [
    { id: 'f1', key: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' } },
    { id: 'f2', key: 'tags', type: 'multiSelect', label: { en: 'Tags', 'zh-CN': '标签' }, options: [{ value: 'a', label: { en: 'A', 'zh-CN': 'A' } }] },
  ];

  it('accepts a template of text fields', () => {
    expect(validateEntityDefinition({ ...base, titleTemplate: 'Customer {name}', fields })).toEqual([]);
  });

  it('names an unknown field and a field that cannot be shown, on /titleTemplate, in both languages', () => {
    const errors = validateEntityDefinition({ ...base, titleTemplate: '{nom} {tags}', fields });
    expect(errors.map((e) => [e.path, e.code])).toEqual([
      ['/titleTemplate', 'titleField'],
      ['/titleTemplate', 'titleField'],
    ]);
    expect(errors[0]!.message).toContain('"nom"');
    expect(errors[1]!.message).toContain('multiSelect');
    expect(errors[1]!.messageZh).toContain('标题模板');
  });
});
