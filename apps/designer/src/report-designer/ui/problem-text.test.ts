// @vitest-environment node
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { problemText } from './problem-text.js';

beforeAll(() => initTestI18n('en'));

const say = (problem: Parameters<typeof problemText>[0], language: 'en' | 'zh-CN') =>
  problemText(problem, language, i18next.getFixedT(language, 'reportDesigner'), (key) => i18next.exists(key));

const pushedDown = {
  path: '/calculated/0/expression',
  code: 'notPushedDown',
  message: 'big: a function call cannot be computed by the database: "count(amount)" (column 1). Reports support arithmetic, comparisons, and/or, if-then-else and string concatenation.',
};

describe('a problem in the reader’s language', () => {
  it('is the engine’s English as written for English readers', () => {
    expect(say(pushedDown, 'en')).toBe(pushedDown.message);
  });

  it('is the server’s Chinese, else the designer’s sentence for the code, keeping the construct the database cannot compute', () => {
    expect(say(pushedDown, 'zh-CN')).toBe('数据库无法计算 "count(amount)"（第 1 列）。报表只能计算算术、比较、与/或、if-then-else 和文本拼接。');
    expect(say({ path: '/dimensions/0/field', code: 'unknownField', message: 'colour is not a field' }, 'zh-CN')).toBe('不是基础实体、关联或计算字段中的字段。');
    expect(say({ path: '/limit', code: 'maximum', message: 'too big', messageZh: '超过上限' }, 'zh-CN')).toBe('超过上限');
    expect(say({ path: '/x', code: 'somethingNew', message: 'a new problem' }, 'zh-CN')).toBe('a new problem');
  });
});
