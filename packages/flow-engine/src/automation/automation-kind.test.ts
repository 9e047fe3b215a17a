import type { EntityDefinition } from '@bankforge/data-model';
import type { ArtifactProblem } from '@bankforge/rule-engine';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { AutomationDefinition } from './automation-definition.js';
import { automationKind, type AutomationCheckContext, type AutomationSegment } from './automation-kind.js';
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

const SHARED_SEGMENT = '0190a0b0-0000-7000-8000-000000000001';
const PRIVATE_SEGMENT = '0190a0b0-0000-7000-8000-000000000002';
const LEAD_SEGMENT = '0190a0b0-0000-7000-8000-000000000003';
const SEGMENTS: Record<string, AutomationSegment> = {
  [SHARED_SEGMENT]: { entity: 'customer', shared: true },
  [PRIVATE_SEGMENT]: { entity: 'customer', shared: false },
  [LEAD_SEGMENT]: { entity: 'lead', shared: true },
};
/** What the server has configured besides artifacts: `connector/…`, `user/…`, `role/…`. */
const CONFIGURED = ['connector/core_banking', 'user/wang_fang', 'role/relationship_manager'];

function context(stage: 'save' | 'publish', entities: EntityDefinition[] = [customer], published: string[] = ['calendar/cn_bank']): AutomationCheckContext & { warnings: ArtifactProblem[] } {
  const warnings: ArtifactProblem[] = [];
  return {
    stage,
    warnings,
    warn: (p) => warnings.push(p),
    entity: (key) => Promise.resolve(entities.find((e) => e.key === key)),
    isPublished: (kind, key) => Promise.resolve(published.includes(`${kind}/${key}`)),
    segment: (id) => Promise.resolve(SEGMENTS[id]),
    configured: (kind, key) => Promise.resolve(CONFIGURED.includes(`${kind}/${key}`)),
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

  it("on publish, takes a shared segment of the schedule's entity as its audience, and refuses a missing, private or other entity's one", async () => {
    const audience = (segment: string, entity?: string) =>
      tagging({ trigger: { type: 'schedule', every: 'day', at: '09:00', timeZone: 'Asia/Shanghai', ...(entity ? { entity } : {}), segment }, actions: [{ id: 'c', type: 'condition', when: 'true' }] });
    expect(validate(audience(SHARED_SEGMENT, 'customer')), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(audience('wealth', 'customer'))).toBe(false);
    expect(await automationKind.check(audience(SHARED_SEGMENT, 'customer'), context('publish'))).toEqual([]);
    const problems = await automationKind.check(audience(PRIVATE_SEGMENT, 'customer'), context('publish'));
    expect(codes(problems)).toEqual(['/trigger/segment segmentNotShared']);
    expect(problems[0]!.messageZh).toContain('私有');
    expect(codes(await automationKind.check(audience(LEAD_SEGMENT, 'customer'), context('publish')))).toEqual(['/trigger/segment segmentOfOtherEntity']);
    expect(codes(await automationKind.check(audience('0190a0b0-0000-7000-8000-00000000ffff', 'customer'), context('publish')))).toEqual(['/trigger/segment segmentNotFound']);
    expect(codes(await automationKind.check(audience(SHARED_SEGMENT), context('publish')))).toEqual(['/trigger/entity required']);
  });

  it('on publish, refuses connectors, users and roles the server does not have, at their paths in both languages', async () => {
    const doc = tagging({
      actions: [
        { id: 'sms', type: 'callConnector', connector: 'sms_gateway', method: 'POST', path: '/messages' },
        { id: 'core', type: 'callConnector', connector: 'core_banking', method: 'GET', path: '/ping' },
        { id: 'tell', type: 'notify', to: { users: ['wang_fang', 'nobody'] }, message: { en: 'x', 'zh-CN': 'x' } },
        { id: 'desk', type: 'notify', to: { role: 'wealth_desk' }, message: { en: 'x', 'zh-CN': 'x' } },
        { id: 'turn', type: 'assignOwner', role: 'relationship_manager' },
      ],
    });
    const problems = await automationKind.check(doc, context('publish'));
    expect(codes(problems)).toEqual(['/actions/0/connector connectorNotFound', '/actions/2/to/users/1 userNotFound', '/actions/3/to/role roleNotFound']);
    expect(problems.map((p) => p.messageZh)).toEqual(['连接器 sms_gateway 不存在', '用户 nobody 不存在', '角色 wealth_desk 不存在']);
    // Shipped paused, it publishes with warnings: enabling it is when the connector must exist.
    const paused = context('publish');
    expect(await automationKind.check({ ...doc, enabled: false }, paused)).toEqual([]);
    expect(codes(paused.warnings)).toEqual(codes(problems));
  });

  it('finds the records an update writes by conditions on their fields, each value FEEL', async () => {
    const opportunity: EntityDefinition = { ...customer, key: 'campaign_contact', fields: [{ id: 'c1', key: 'status', type: 'text', label: { en: 'Status', 'zh-CN': '状态' } }] };
    const lookup = (where: unknown) =>
      tagging({ actions: [{ id: 'u', type: 'updateRecord', target: { entity: 'campaign_contact', where } as never, values: { status: '"converted"' } }] });
    const sound = lookup([
      { field: 'owner_id', op: 'eq', value: 'record.owner_id' },
      { field: 'status', op: 'ne', value: '"converted"' },
    ]);
    expect(validate(sound), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(lookup([]))).toBe(false);
    expect(validate(lookup([{ field: 'status', op: 'gt', value: '1' }]))).toBe(false);
    expect(await automationKind.check(sound, context('publish', [customer, opportunity]))).toEqual([]);
    const bad = lookup([
      { field: 'stage', op: 'eq', value: '"won"' },
      { field: 'status', op: 'ne', value: '"converted' },
    ]);
    expect(codes(await automationKind.check(bad, context('publish', [customer, opportunity])))).toEqual(['/actions/0/target/where/1/value invalidFeel']);
    const fixed = lookup([{ field: 'stage', op: 'eq', value: '"won"' }]);
    expect(codes(await automationKind.check(fixed, context('publish', [customer, opportunity])))).toEqual(['/actions/0/target/where/0/field unknownEntityField']);
  });

  it('names its trigger and actions for comparing versions', () => {
    expect(automationKind.elements!(tagging()).map((e) => e.id)).toEqual(['trigger', 'tag', 'later', 'still', 'remind']);
  });
});
