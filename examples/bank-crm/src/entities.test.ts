import { FIELD_TYPES, validateEntityDefinition } from '@bankforge/data-model';
import { describe, expect, it } from 'vitest';
import { bankCrmApp, bankCrmEntities } from './index.js';

const SNAKE_CASE = /^[a-z][a-z0-9_]{0,47}$/;

describe('bank CRM entities', () => {
  it.each(bankCrmEntities.map((entity) => [entity.key, entity] as const))(
    '%s is a valid entity definition',
    (_key, entity) => {
      expect(validateEntityDefinition(entity)).toEqual([]);
    },
  );

  it('uses all 18 field types', () => {
    const used = new Set(bankCrmEntities.flatMap((entity) => entity.fields.map((field) => field.type)));
    expect(FIELD_TYPES).toHaveLength(18);
    expect([...FIELD_TYPES].filter((type) => !used.has(type))).toEqual([]);
  });

  it('has the expected entities, in dependency order', () => {
    expect(bankCrmEntities.map((entity) => entity.key)).toEqual([
      'branch',
      'customer',
      'contact',
      'account',
      'account_balance',
      'loan_application',
      'opportunity',
      'interaction',
      'relationship',
      'wealth_holding',
      'rm_task',
      'rate_coupon',
      'complaint_ticket',
      'lead',
      'campaign_contact',
    ]);
    const seen = new Set<string>();
    for (const entity of bankCrmEntities) {
      for (const field of entity.fields) {
        if (field.type !== 'reference') continue;
        expect(field.reference?.entity, `${entity.key}.${field.key}`).toBeDefined();
        expect(seen.has(field.reference?.entity ?? ''), `${entity.key}.${field.key} refers to an earlier entity`).toBe(true);
      }
      seen.add(entity.key);
    }
  });

  it('gives every field a stable, globally unique id, a snake_case key and both labels', () => {
    const ids = new Set<string>();
    for (const entity of bankCrmEntities) {
      expect(entity.kind).toBe('entity');
      expect(entity.key).toMatch(SNAKE_CASE);
      expect(entity.label.en).not.toBe('');
      expect(entity.label['zh-CN']).not.toBe('');
      const keys = new Set<string>();
      for (const field of entity.fields) {
        expect(field.id).toMatch(/^f_[a-z0-9_]+$/);
        expect(ids.has(field.id), field.id).toBe(false);
        ids.add(field.id);
        expect(field.key).toMatch(SNAKE_CASE);
        expect(keys.has(field.key)).toBe(false);
        keys.add(field.key);
        expect(field.label.en.length, field.id).toBeGreaterThan(0);
        expect(field.label['zh-CN'].length, field.id).toBeGreaterThan(0);
        for (const option of field.options ?? []) {
          expect(option.label.en.length).toBeGreaterThan(0);
          expect(option.label['zh-CN'].length).toBeGreaterThan(0);
        }
      }
    }
  });

  it('marks the business keys unique', () => {
    const uniqueKeys = bankCrmEntities.flatMap((entity) =>
      entity.fields.filter((field) => field.unique).map((field) => `${entity.key}.${field.key}`),
    );
    expect(uniqueKeys).toEqual([
      'branch.code',
      'customer.customer_no',
      'customer.resident_id',
      'account.account_no',
      'loan_application.application_no',
      'campaign_contact.reference_no',
    ]);
  });
});

describe('bank CRM app', () => {
  it('lists every entity, in order, then the customer form, the business calendar, the decisions, the flow, the reports, the dashboards and the automations', () => {
    expect(bankCrmApp).toMatchObject({ kind: 'app', key: 'bank_crm', title: 'Bank CRM' });
    expect(bankCrmApp.label.en).toBe('Bank CRM');
    expect(bankCrmApp.label['zh-CN']).not.toBe('');
    expect(bankCrmApp.artifacts).toEqual([
      ...bankCrmEntities.map((entity) => ({ kind: 'entity', key: entity.key })),
      { kind: 'form', key: 'customer_form' },
      { kind: 'calendar', key: 'cn_mainland' },
      { kind: 'decision', key: 'loan_scoring' },
      { kind: 'decision', key: 'product_suitability' },
      { kind: 'decision', key: 'fraud_screening' },
      { kind: 'decision', key: 'lead_routing' },
      { kind: 'flow', key: 'loan_approval' },
      { kind: 'flow', key: 'complaint_handling' },
      { kind: 'report', key: 'loan_pipeline' },
      { kind: 'report', key: 'loan_funnel' },
      { kind: 'report', key: 'aum_by_segment' },
      { kind: 'report', key: 'aum_trend' },
      { kind: 'report', key: 'loans_by_branch' },
      { kind: 'report', key: 'rm_performance' },
      { kind: 'report', key: 'cross_sell_ratio' },
      { kind: 'report', key: 'churn_risk' },
      { kind: 'report', key: 'churn_watch' },
      { kind: 'report', key: 'campaign_funnel' },
      { kind: 'report', key: 'approval_sla' },
      { kind: 'dashboard', key: 'branch_performance' },
      { kind: 'dashboard', key: 'my_book' },
      { kind: 'dashboard', key: 'approvals' },
      { kind: 'automation', key: 'deposit_growth_high_potential' },
      { kind: 'automation', key: 'wealth_maturity_renewal' },
      { kind: 'automation', key: 'churn_no_transactions' },
      { kind: 'automation', key: 'churn_low_service_score' },
      { kind: 'automation', key: 'contact_logged' },
      { kind: 'automation', key: 'large_deposit_interest' },
      { kind: 'automation', key: 'nps_follow_up' },
      { kind: 'automation', key: 'lead_routing' },
      { kind: 'automation', key: 'wealth_campaign_sms' },
      { kind: 'automation', key: 'campaign_sms_reply' },
      { kind: 'automation', key: 'campaign_conversion' },
    ]);
  });
});
