/**
 * The example's automations: each passes the automation kind's schema and publish check against
 * the example's entities, is listed by the app after what it names, and its FEEL does what its
 * comment says on sample scopes (the server test drives them end to end).
 */
import { automationKind, type AutomationCheckContext } from '@bankforge/flow-engine';
import { compileExpression, fromFeelValue, toFeelValue, type FeelValue } from '@bankforge/rule-engine';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { bankCrmApp, bankCrmArtifacts } from './app.js';
import { bankCrmAutomations, campaignReplyAutomation, churnServiceScoreAutomation, depositGrowthAutomation, rateInterestAutomation } from './automations/index.js';
import { bankCrmEntities } from './entities/index.js';
import { bankCrmRoles } from './roles.js';
import { bankCrmSegments } from './segments.js';

const entities = new Map(bankCrmEntities.map((e) => [e.key, e]));
const published = new Set(bankCrmArtifacts.map((a) => `${a.kind}:${a.key}`));
const segments = new Map(bankCrmSegments.map((s) => [s.id, { entity: s.entity, shared: true }]));
const roles = new Set(bankCrmRoles.map((r) => r.key));

function feel(source: string, scope: Record<string, unknown>): unknown {
  const variables: Record<string, FeelValue> = {};
  for (const [name, value] of Object.entries(scope)) variables[name] = toFeelValue(value);
  return fromFeelValue(compileExpression(source).evaluate(variables).value);
}

describe('the example automations', () => {
  it('pass the automation kind’s schema and publish check, labelled in English and Chinese', async () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(automationKind.schema);
    for (const automation of bankCrmAutomations) {
      expect(validate(automation), `${automation.key}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const warnings: unknown[] = [];
      const context: AutomationCheckContext = {
        stage: 'publish',
        warn: (problem) => warnings.push(problem),
        entity: async (key) => entities.get(key),
        isPublished: async (kind, key) => published.has(`${kind}:${key}`),
        segment: async (id) => segments.get(id),
        // The example ships its roles; connectors are the bank's IT's to configure.
        configured: async (kind, key) => kind === 'role' && roles.has(key),
      };
      expect(await automationKind.check(automation, context), automation.key).toEqual([]);
      // The SMS campaign is shipped paused until the gateway connector is configured: said as a warning.
      expect(warnings, automation.key).toEqual(automation.key === 'wealth_campaign_sms' ? [expect.objectContaining({ path: '/actions/2/connector', code: 'connectorNotFound' })] : []);
      expect(automation.label.en && automation.label['zh-CN'], automation.key).toBeTruthy();
      for (const action of automation.actions) if (action.type === 'notify') expect(action.message['zh-CN'], `${automation.key} ${action.id}`).toBeTruthy();
    }
  });

  it('are listed by the app and published after every other artifact', () => {
    const listed = bankCrmApp.artifacts.filter((a) => a.kind === 'automation').map((a) => a.key);
    expect(listed).toEqual(bankCrmAutomations.map((a) => a.key));
    const kinds = bankCrmArtifacts.map((a) => a.kind);
    expect(kinds.slice(-bankCrmAutomations.length).every((k) => k === 'automation')).toBe(true);
  });

  it('count strong deposit months, and offer on the third only', () => {
    const [count, gate] = depositGrowthAutomation.actions;
    const source = count?.type === 'updateRecord' ? count.values.deposit_growth_streak! : '';
    const growth = (amount: string) => ({ new: { monthly_deposit_growth: { amount, currency: 'CNY' } } });
    expect(feel(source, { ...growth('25000.00'), record: { deposit_growth_streak: null } })).toBe(1);
    expect(feel(source, { ...growth('20000.01'), record: { deposit_growth_streak: 2 } })).toBe(3);
    expect(feel(source, { ...growth('20000.00'), record: { deposit_growth_streak: 2 } })).toBe(0);
    expect(feel(source, { new: { monthly_deposit_growth: null }, record: { deposit_growth_streak: 2 } })).toBe(0);
    const when = gate?.type === 'condition' ? gate.when : '';
    expect([2, 3, 4].map((n) => feel(when, { record: { deposit_growth_streak: n } }))).toEqual([false, true, false]);
  });

  it('warn of churn on a score below 4 once, and coupon a customer nobody called for 48 hours', () => {
    const condition = churnServiceScoreAutomation.trigger.type === 'record' ? churnServiceScoreAutomation.trigger.condition! : '';
    expect(feel(condition, { changed: ['service_score'], new: { service_score: 3, tags: null } })).toBe(true);
    expect(feel(condition, { changed: ['service_score'], new: { service_score: 4, tags: [] } })).toBe(false);
    expect(feel(condition, { changed: ['service_score'], new: { service_score: 2, tags: ['churn_risk'] } })).toBe(false);
    const gate = rateInterestAutomation.actions.find((a) => a.type === 'condition');
    const when = gate?.type === 'condition' ? gate.when : '';
    const now = '2026-12-09T10:00:00.000Z';
    expect(feel(when, { now, record: { last_contacted_at: null } })).toBe(true);
    expect(feel(when, { now, record: { last_contacted_at: '2026-12-07T09:00:00.000Z' } })).toBe(true);
    expect(feel(when, { now, record: { last_contacted_at: '2026-12-08T15:30:00.000Z' } })).toBe(false);
    const coupon = rateInterestAutomation.actions.find((a) => a.id === 'issue_coupon');
    const validUntil = coupon?.type === 'createRecord' ? coupon.values.valid_until! : '';
    expect(String(feel(validUntil, { now }))).toBe('2027-01-08');
  });

  it('read a campaign reply of Y or yes as a response, anything else as declined', () => {
    const action = campaignReplyAutomation.actions[0];
    const status = action?.type === 'updateRecord' ? action.values.status! : '';
    expect(['Y', 'y ', 'Yes', 'N', 'no', ''].map((reply) => feel(status, { payload: { reply } }))).toEqual(['responded', 'responded', 'responded', 'declined', 'declined', 'declined']);
  });
});
