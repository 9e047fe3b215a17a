import type { DocumentChange } from '@bankforge/client';
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../testing/i18n.js';
import { changeKind, displayValue, elementText, groupChanges, moveText, propertyText, valueText } from './describe-change.js';

const income = { type: 'field', id: 'f_income', label: { en: 'Monthly income', 'zh-CN': '月收入' } };

describe('describe-change', () => {
  beforeAll(() => initTestI18n('en'));

  it('names an element by its type and label in the reader’s language, falling back to English, then its id', async () => {
    expect(elementText(income, 'en', i18next.getFixedT('en', 'shell'))).toBe("Field 'Monthly income'");
    expect(elementText(income, 'zh-CN', i18next.getFixedT('zh-CN', 'shell'))).toBe('字段“月收入”');
    expect(elementText({ type: 'step', id: 'review', label: { en: 'Review' } }, 'zh-CN', i18next.getFixedT('zh-CN', 'shell'))).toBe('步骤“Review”');
    expect(elementText({ type: 'gadget', id: 'g1' }, 'en', i18next.getFixedT('en', 'shell'))).toBe("gadget 'g1'");
    await i18next.changeLanguage('en');
  });

  it('names properties in the bank’s words, with the language of a bilingual one', () => {
    const en = i18next.getFixedT('en', 'shell');
    expect(propertyText('required', en)).toBe('required');
    expect(propertyText('label.zh-CN', en)).toBe('name (Chinese)');
    expect(propertyText('timeout.duration', en)).toBe('timeout › duration');
    expect(propertyText('somethingNew', en)).toBe('somethingNew');
    expect(propertyText('label.en', i18next.getFixedT('zh-CN', 'shell'))).toBe('名称（英文）');
  });

  it('shows values as an analyst reads them: yes/no, names in the reader’s language, lists, (none); JSON for the rest', () => {
    const en = i18next.getFixedT('en', 'shell');
    const zh = i18next.getFixedT('zh-CN', 'shell');
    expect(valueText(true, 'en', en).short).toBe('true');
    expect(valueText(false, 'zh-CN', zh).short).toBe('否');
    expect(valueText(undefined, 'en', en).short).toBe('(none)');
    expect(valueText('', 'en', en).short).toBe('(empty)');
    expect(valueText({ en: 'Amount', 'zh-CN': '金额' }, 'zh-CN', zh).short).toBe('金额');
    expect(valueText(['approve', 'reject'], 'en', en).short).toBe('approve, reject');
    expect(valueText({ duration: 'PT48H', action: 'escalate' }, 'en', en).short).toBe('{ "duration": "PT48H", "action": "escalate" }');
    expect(valueText('x'.repeat(500), 'en', en).short).toHaveLength(160);
    expect(displayValue({ en: 'A' }).short).toBe('{ "en": "A" }');
  });

  it('says where a moved element went: a new position, or another container', () => {
    const en = i18next.getFixedT('en', 'shell');
    const section = { type: 'section', id: 's_kyc', label: { en: 'KYC and risk' } };
    const column = { type: 'column', id: 'c1', label: { en: '1' } };
    expect(moveText({ op: 'move', path: '/layout/0', element: income, from: { within: column, position: 4 }, value: { within: column, position: 1 } }, 'en', en)).toBe('from position 4 to 1');
    expect(moveText({ op: 'move', path: '/layout/1', element: income, from: { within: column, position: 5 }, value: { within: section, position: 3 } }, 'en', en)).toBe(
      "from Column '1', position 5 to Section 'KYC and risk', position 3",
    );
    expect(moveText({ op: 'move', path: '/fields/0', element: income, from: { position: 3 }, value: { position: 1 } }, 'en', en)).toBe('from position 3 to 1');
  });

  it('groups an element’s changes under it; whole elements added or removed stand alone', () => {
    const changes: DocumentChange[] = [
      { op: 'replace', path: '/title', property: 'title', from: 'A', value: 'B' },
      { op: 'replace', path: '/fields/0/required', element: income, property: 'required', from: false, value: true },
      { op: 'add', path: '/fields/0/help', element: income, property: 'help', value: { en: 'Before tax' } },
      { op: 'move', path: '/fields/0', element: income, from: { position: 3 }, value: { position: 1 } },
      { op: 'add', path: '/fields/1', element: { type: 'field', id: 'f_2' }, value: {} },
      { op: 'remove', path: '/fields/2', element: { type: 'field', id: 'f_3' }, from: {} },
    ];
    expect(groupChanges(changes).map((g) => [g.kind, g.element?.id, g.changes.length])).toEqual([
      ['changed', undefined, 1],
      ['changed', 'f_income', 3],
      ['added', 'f_2', 1],
      ['removed', 'f_3', 1],
    ]);
    expect(changes.map(changeKind)).toEqual(['changed', 'changed', 'changed', 'moved', 'added', 'removed']);
  });
});
