// @vitest-environment node
import { customerEntity } from '@bankforge/example-bank-crm';
import { describe, expect, it } from 'vitest';
import type { AutomationDocument } from './automation-document.js';
import { liveProblems, mergeProblems } from './live-checks.js';

const automation = (over: Partial<AutomationDocument> = {}): AutomationDocument => ({
  kind: 'automation',
  key: 'tag_high_potential',
  title: 'Tag high-potential customers',
  label: { en: 'Tag high-potential customers', 'zh-CN': '标记高潜力客户' },
  trigger: { type: 'record', entity: 'customer', on: ['updated'], condition: 'list contains(changed, "aum")' },
  actions: [{ id: 'setTags_1', type: 'setTags', field: 'tags', add: ['high_potential'] }],
  ...over,
});
const entities = new Map([['customer', customerEntity]]);
const codes = (problems: { path: string; code: string }[]) => problems.map((p) => `${p.path} ${p.code}`);

describe('the automation check in the browser', () => {
  it('passes the story’s automation', () => {
    expect(liveProblems(automation(), entities, true)).toEqual([]);
  });

  it('finds FEEL that does not compile, a bad duration, a taken id, with Chinese messages', () => {
    const problems = liveProblems(
      automation({
        trigger: { type: 'record', entity: 'customer', on: ['updated'], condition: 'new.aum >' },
        actions: [
          { id: 'wait_1', type: 'wait', duration: 'two days' },
          { id: 'wait_1', type: 'wait', duration: 'P2D' },
        ],
      }),
      entities,
      true,
    );
    expect(codes(problems)).toEqual(expect.arrayContaining(['/trigger/condition invalidFeel', '/actions/0/duration invalidDuration', '/actions/1/id duplicateActionId']));
    expect(problems.every((p) => p.messageZh)).toBe(true);
  });

  it('finds an unknown tag option once the entities are loaded, and not before', () => {
    const wrong = automation({ actions: [{ id: 'setTags_1', type: 'setTags', field: 'tags', add: ['vip2'] }] });
    expect(liveProblems(wrong, entities, false)).toEqual([]);
    expect(codes(liveProblems(wrong, entities, true))).toEqual(['/actions/0/add/0 unknownOption']);
  });

  it('says each problem once when the server says it too', () => {
    const local = [{ path: '/trigger/condition', code: 'invalidFeel', message: 'a' }];
    const server = [
      { path: '/trigger/condition', code: 'invalidFeel', message: 'b' },
      { path: '/actions/0/message/en', code: 'minLength', message: 'c' },
    ];
    expect(mergeProblems(local, server).map((p) => p.message)).toEqual(['a', 'c']);
  });
});
