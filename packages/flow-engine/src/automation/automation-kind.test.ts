import type { EntityDefinition } from '@bankforge/data-model';
import type { ArtifactProblem } from '@bankforge/rule-engine';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { AutomationDefinition } from './automation-definition.js';
import { automationKind, type AutomationCheckContext } from './automation-kind.js';
import { automationArtifactSchema } from './automation-schema.js';

const customer: EntityDefinition = {
  kind: 'entity',
  key: 'customer',
  title: 'Customer',
  label: { en: 'Customer', 'zh-CN': '客户' },
  fields: [
    { id: 'f1', key: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '姓名' } },
    { id: 'f2', key: 'aum', type: 'money', label: { en: 'AUM', 'zh-CN': '资产' } },
    {
      id: 'f3',
      key: 'tags',
      type: 'multiSelect',
      label: { en: 'Tags', 'zh-CN': '标签' },
      options: [{ value: 'high_potential', label: { en: 'High potential', 'zh-CN': '高潜' } }],
    },
  ],
};

function tagging(overrides: Partial<AutomationDefinition> = {}): AutomationDefinition {
  return {
    kind: 'automation',
    key: 'tag_high_potential',
    title: 'Tag high-potential customers',
    label: { en: 'Tag high-potential customers', 'zh-CN': '标记高潜客户' },
    trigger: { type: 'record', entity: 'customer', on: ['created', 'updated'], condition: 'new.aum.amount >= 1000000' },
    actions: [
      { id: 'tag', type: 'setTags', field: 'tags', add: ['high_potential'] },
      { id: 'later', type: 'wait', duration: 'P2D', calendar: 'cn_bank' },
      { id: 'still', type: 'condition', when: 'record.aum.amount >= 1000000' },
      { id: 'remind', type: 'notify', to: { owner: true }, message: { en: 'Call {name}', 'zh-CN': '请致电 {name}' } },
    ],
    ...overrides,
  };
}

function context(stage: 'save' | 'publish', entities: EntityDefinition[] = [customer], published: string[] = ['calendar/cn_bank']): AutomationCheckContext & { warnings: ArtifactProblem[] } {
  const warnings: ArtifactProblem[] = [];
  return {
    stage,
    warnings,
    warn: (p) => warnings.push(p),
    entity: (key) => Promise.resolve(entities.find((e) => e.key === key)),
    isPublished: (kind, key) => Promise.resolve(published.includes(`${kind}/${key}`)),
  };
}

const validate = new Ajv({ allErrors: true, strict: false }).compile(automationArtifactSchema);
const codes = (problems: readonly ArtifactProblem[]) => problems.map((p) => `${p.path} ${p.code}`);

describe('automation schema', () => {
  it('takes each trigger and action of the contract', () => {
    expect(validate(tagging()), JSON.stringify(validate.errors)).toBe(true);
    const schedule = tagging({
      trigger: { type: 'schedule', every: 'workingDay', at: '09:00', timeZone: 'Asia/Shanghai', calendar: 'cn_bank', entity: 'customer', filter: { field: 'aum', op: 'gt', value: 0 } },
      actions: [
        { id: 'opp', as: 'opportunity', type: 'createRecord', entity: 'opportunity', values: { customer: 'record.id' } },
        { id: 'grade', type: 'evaluateDecision', decision: 'customer_grade', inputs: { aum: 'record.aum.amount' }, write: { tier: 'tier' } },
        { id: 'flow', type: 'startFlow', flow: 'kyc-review' },
        { id: 'core', type: 'callConnector', connector: 'core_banking', method: 'POST', path: '/customers', body: '{id: record.id}' },
        { id: 'set', type: 'updateRecord', values: { name: 'record.name' } },
      ],
    });
    expect(validate(schedule), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(tagging({ trigger: { type: 'inbound', event: 'card_blocked', entity: 'customer', match: { field: 'name', value: 'payload.name' } } }))).toBe(true);
    expect(validate(tagging({ trigger: { type: 'case', flow: 'loan-approval', events: ['approved'] } }))).toBe(true);
  });

  it('refuses an action with a property of another type, and an unknown trigger', () => {
    const wrong = tagging({ actions: [{ id: 'a', type: 'wait', duration: 'P1D', field: 'tags' } as never] });
    expect(validate(wrong)).toBe(false);
    expect(validate(tagging({ trigger: { type: 'cron' } as never }))).toBe(false);
    expect(validate({ ...tagging(), title: undefined })).toBe(false);
  });
});

describe('automation kind check', () => {
  it('passes a sound automation on save and publish', async () => {
    expect(await automationKind.check(tagging(), context('save'))).toEqual([]);
    expect(await automationKind.check(tagging(), context('publish'))).toEqual([]);
  });

  it('refuses duplicate action ids and result names, even in a draft, at their paths in both languages', async () => {
    const doc = tagging({
      actions: [
        { id: 'a', as: 'result', type: 'condition', when: 'true' },
        { id: 'a', as: 'result', type: 'condition', when: 'true' },
        { id: 'b', as: 'record', type: 'condition', when: 'true' },
      ],
    });
    const problems = await automationKind.check(doc, context('save'));
    expect(codes(problems)).toEqual(['/actions/1/id duplicateActionId', '/actions/1/as duplicateResultName', '/actions/2/as reservedResultName']);
    expect(problems[0]!.messageZh).toContain('已有');
  });

  it('saves a half-written expression and refuses it on publish', async () => {
    const doc = tagging({ actions: [{ id: 'c', type: 'condition', when: 'record.aum >' }] });
    expect(await automationKind.check(doc, context('save'))).toEqual([]);
    const problems = await automationKind.check(doc, context('publish'));
    expect(codes(problems)).toEqual(['/actions/0/when invalidFeel']);
    expect(problems[0]!.message).toMatch(/line 1, column/);
  });

  it('checks the trigger condition, durations, the schedule time, zone and what its period needs', async () => {
    const bad = tagging({
      trigger: { type: 'schedule', every: 'week', at: '9:75', timeZone: 'Mars/Olympus' },
      actions: [
        { id: 'w', type: 'wait', duration: 'two days' },
        { id: 'w2', type: 'wait', duration: 'P1W', calendar: 'cn_bank' },
        { id: 'w3', type: 'wait', duration: 'PT0S' },
      ],
    });
    expect(codes(await automationKind.check(bad, context('publish')))).toEqual([
      '/trigger/at invalidTime',
      '/trigger/timeZone invalidTimeZone',
      '/trigger/weekday required',
      '/actions/0/duration invalidDuration',
      '/actions/1/duration invalidDuration',
      '/actions/2/duration invalidDuration',
    ]);
    const condition = tagging({ trigger: { type: 'record', entity: 'customer', on: ['updated'], condition: 'new.aum >>' } });
    expect(codes(await automationKind.check(condition, context('publish')))).toEqual(['/trigger/condition invalidFeel']);
  });

  it('refuses record actions when the trigger has no record', async () => {
    const doc = tagging({ trigger: { type: 'inbound', event: 'ping' }, actions: [{ id: 't', type: 'setTags', field: 'tags', add: ['x'] }] });
    expect(codes(await automationKind.check(doc, context('publish')))).toEqual(['/actions/0/type noRecord']);
    // A lead handed out in turn needs a lead; its team's branch is FEEL.
    const assign = tagging({ trigger: { type: 'inbound', event: 'ping' }, actions: [{ id: 'a', type: 'assignOwner', role: 'relationship_manager', branch: 'record.branch +' }] });
    expect(validate(assign), JSON.stringify(validate.errors)).toBe(true);
    expect(codes(await automationKind.check(assign, context('publish')))).toEqual(['/actions/0/branch invalidFeel', '/actions/0/type noRecord']);
    expect(validate(tagging({ actions: [{ id: 'a', type: 'assignOwner', role: '' }] }))).toBe(false);
    // An update of another record needs no record of the run's, only a FEEL id for it.
    const other = tagging({ trigger: { type: 'inbound', event: 'ping' }, actions: [{ id: 'u', type: 'updateRecord', target: { entity: 'customer', id: 'payload.customer +' }, values: { name: '"x"' } }] });
    expect(validate(other), JSON.stringify(validate.errors)).toBe(true);
    expect(codes(await automationKind.check(other, context('publish')))).toEqual(['/actions/0/target/id invalidFeel']);
  });

  it('on publish, checks the entities and their fields; tags go on a multiSelect and name its options', async () => {
    const doc = tagging({
      actions: [
        { id: 'a', type: 'setTags', field: 'name', add: ['x'] },
        { id: 'b', type: 'setTags', field: 'tags', add: ['high_potential', 'vip'] },
        { id: 'c', type: 'updateRecord', values: { nickname: '"x"' } },
        { id: 'd', type: 'setTags', field: 'labels', add: [] },
        { id: 'e', type: 'createRecord', entity: 'opportunity', values: {} },
      ],
    });
    const problems = await automationKind.check(doc, context('publish'));
    expect(codes(problems)).toEqual([
      '/actions/0/field notMultiSelect',
      '/actions/1/add/1 unknownOption',
      '/actions/2/values/nickname unknownEntityField',
      '/actions/3/field unknownEntityField',
      '/actions/4/entity entityNotPublished',
    ]);
    expect(problems.every((p) => p.messageZh)).toBe(true);
    expect(codes(await automationKind.check(tagging(), context('publish', [])))).toEqual(['/trigger/entity entityNotPublished']);
  });

  it('on publish, refuses flows, decisions and calendars that are not published', async () => {
    const doc = tagging({
      trigger: { type: 'case', flow: 'kyc-review', events: ['approved'] },
      actions: [
        { id: 'f', type: 'startFlow', flow: 'loan-approval' },
        { id: 'd', type: 'evaluateDecision', decision: 'customer_grade', inputs: {} },
        { id: 'w', type: 'wait', duration: 'P1D', calendar: 'hk_bank' },
      ],
    });
    const problems = await automationKind.check(doc, context('publish', [customer], ['flow/kyc-review', 'decision/customer_grade']));
    expect(codes(problems)).toEqual(['/actions/0/flow flowNotPublished', '/actions/2/calendar calendarNotPublished']);
    expect(problems[1]!.messageZh).toBe('工作日历 hk_bank 尚未发布');
  });

  it('names its trigger and actions for comparing versions', () => {
    expect(automationKind.elements!(tagging()).map((e) => e.id)).toEqual(['trigger', 'tag', 'later', 'still', 'remind']);
  });
});
