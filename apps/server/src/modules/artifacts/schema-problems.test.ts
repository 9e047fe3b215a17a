import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { artifactSchemaProblems } from './schema-problems.js';

const validate = new Ajv({ allErrors: true, strict: false }).compile({
  type: 'object',
  required: ['key', 'actions'],
  additionalProperties: false,
  properties: {
    key: { type: 'string', minLength: 3, maxLength: 8 },
    label: { type: 'string' },
    every: { enum: ['day', 'week'] },
    actions: { type: 'array', minItems: 1, items: { type: 'object', properties: { message: { type: 'object', properties: { en: { type: 'string', minLength: 1 } } } } } },
  },
});

const problemsOf = (document: unknown) => {
  expect(validate(document)).toBe(false);
  return artifactSchemaProblems(validate.errors ?? []);
};

describe('an artifact’s schema problems', () => {
  it('say what is wrong in English and Chinese, without the JSON Pointer their path already carries', () => {
    expect(problemsOf({ key: 'notify_rm', actions: [{ message: { en: '' } }] })).toEqual([
      { path: '/key', code: 'maxLength', message: 'Must be at most 8 characters.', messageZh: '最多 8 个字符。' },
      { path: '/actions/0/message/en', code: 'minLength', message: 'Must not be empty.', messageZh: '不能为空。' },
    ]);
  });

  it('name the missing property, the allowed values and the limits they were checked against', () => {
    const problems = problemsOf({ key: 'ab', every: 'year', extra: 1, label: 3 });
    expect(problems).toEqual(
      expect.arrayContaining([
        { path: '/actions', code: 'required', message: 'Is required.', messageZh: '为必填项。' },
        { path: '/extra', code: 'unknownField', message: 'Is not a known property.', messageZh: '不是可识别的属性。' },
        { path: '/key', code: 'minLength', message: 'Must be at least 3 characters.', messageZh: '至少需要 3 个字符。' },
        { path: '/label', code: 'type', message: 'Has the wrong type.', messageZh: '类型不正确。' },
        { path: '/every', code: 'option', message: 'Must be one of "day", "week".', messageZh: '须为以下之一："day", "week"。' },
      ]),
    );
    expect(problemsOf({ key: 'abc', actions: [] })).toEqual([{ path: '/actions', code: 'minItems', message: 'Needs at least 1 item.', messageZh: '至少需要 1 项。' }]);
  });
});
