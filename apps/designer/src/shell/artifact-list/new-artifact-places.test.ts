// @vitest-environment node
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlaceLanguage } from '../problem-places/problem-places.js';
import { initTestI18n } from '../testing/i18n.js';
import type { NewArtifactKind } from './NewArtifactDialog.js';
import { newArtifactPlace } from './new-artifact-places.js';

beforeAll(() => initTestI18n('en'));

/** The place in the language asked for, from the shell's real messages. */
function place(kind: NewArtifactKind, document: unknown, pointer: string, language: PlaceLanguage = 'en'): string | undefined {
  const t = i18next.getFixedT(language);
  return newArtifactPlace(pointer, kind, document, (key, options) => t(key, options), language);
}

const flow = { kind: 'flow', key: 'small_loan', title: 'Small business loan', label: { en: 'Small business loan', 'zh-CN': '' }, nodes: [], edges: [] };
const report = { kind: 'report', key: 'loans', title: 'Loans', source: 'loan', measures: [{ key: 'count', label: { en: 'Count', 'zh-CN': '计数' }, agg: 'count' }] };

describe('a refused create’s problem places', () => {
  it('says the fields the analyst filled in by the dialog’s labels, in English and Chinese', () => {
    expect(place('flow', flow, '/key')).toBe('Key');
    expect(place('flow', flow, '/title')).toBe('Title');
    expect(place('flow', flow, '/label/en')).toBe('Title');
    expect(place('flow', flow, '/label/zh-CN')).toBe('Name in Chinese');
    expect(place('flow', flow, '/key', 'zh-CN')).toBe('键');
    expect(place('flow', flow, '/label/zh-CN', 'zh-CN')).toBe('中文名称');
  });

  it('says the entity by the question the kind asks it with', () => {
    expect(place('report', report, '/source')).toBe('Base entity');
    expect(place('report', report, '/source', 'zh-CN')).toBe('基础实体');
    expect(place('form', { entity: 'customer' }, '/entity')).toBe('Entity');
    expect(place('automation', { trigger: { entity: 'customer' } }, '/trigger/entity', 'zh-CN')).toBe('监听的实体');
    // A kind that asks no entity has no such field to point at.
    expect(place('flow', flow, '/entity')).toBeUndefined();
  });

  it('says a Chinese name the dialog did not ask for (a copy of the title) as the title', () => {
    expect(place('report', { ...report, label: { en: 'Loans', 'zh-CN': 'Loans' } }, '/label/zh-CN')).toBe('Title');
    expect(place('report', { ...report, label: { en: 'Loans', 'zh-CN': 'Loans' } }, '/label/zh-CN', 'zh-CN')).toBe('标题');
  });

  it('reads the rest of the first draft with the words all documents share, and leaves a pointer it cannot read', () => {
    expect(place('report', report, '/description')).toBe('Description');
    expect(place('report', report, '/label', 'zh-CN')).toBe('名称');
    expect(place('report', report, '/measures/0/agg')).toBeUndefined();
    expect(place('report', report, '')).toBeUndefined();
  });
});
