/** The example's decision grants: each names a decision the app ships, and each decision has its evaluators. */
import { describe, expect, it } from 'vitest';
import { bankCrmApp } from './app.js';
import { bankCrmRoles } from './roles.js';

const evaluators = (decision: string): string[] =>
  bankCrmRoles.filter((role) => role.decisions?.[decision]?.includes('evaluate') === true).map((role) => role.key);

describe('bank CRM roles: decisions', () => {
  it('grant only decisions of the app', () => {
    const shipped = bankCrmApp.artifacts.filter((a) => a.kind === 'decision').map((a) => a.key);
    for (const role of bankCrmRoles) for (const key of Object.keys(role.decisions ?? {})) expect(shipped, `${role.key}: ${key}`).toContain(key);
  });

  it('let relationship managers check suitability, and compliance and risk screen for fraud', () => {
    expect(evaluators('loan_scoring')).toEqual(['credit_officer', 'head_of_risk', 'business_analyst']);
    expect(evaluators('product_suitability')).toEqual(['relationship_manager', 'compliance_officer', 'business_analyst']);
    expect(evaluators('fraud_screening')).toEqual(['head_of_risk', 'compliance_officer', 'business_analyst']);
  });
});

describe('bank CRM roles: the business analyst', () => {
  it('reads every customer to try decisions on, with who they are and what they hold masked, and writes none', () => {
    const analyst = bankCrmRoles.find((role) => role.key === 'business_analyst')!;
    const customer = analyst.entities!.customer as { read: string; fields: Record<string, { access: string }> };
    expect(Object.keys(customer).sort()).toEqual(['fields', 'read']);
    expect(customer.read).toBe('all');
    expect(Object.entries(customer.fields).filter(([, rule]) => rule.access === 'masked').map(([key]) => key)).toEqual(['name', 'resident_id', 'mobile', 'email', 'aum']);
    expect(Object.keys(analyst.entities ?? {})).toEqual(['customer']);
    expect(analyst.artifacts?.dashboard).toEqual(['edit', 'publish']);
  });
});

describe('bank CRM roles: month-end balances', () => {
  it("reach the same customers' records as accounts do, for every role", () => {
    const scopes = (grant: Record<string, unknown> | undefined) => Object.fromEntries(Object.entries(grant ?? {}).filter(([key]) => key !== 'fields'));
    for (const role of bankCrmRoles) expect(scopes(role.entities?.account_balance), role.key).toEqual(scopes(role.entities?.account));
    expect(bankCrmRoles.filter((role) => role.entities?.account_balance !== undefined).map((role) => role.key)).toEqual(['relationship_manager', 'branch_manager', 'credit_officer', 'compliance_officer']);
  });
});
