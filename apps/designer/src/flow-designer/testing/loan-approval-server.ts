import type { FlowDefinition } from '@bankforge/flow-engine';
import { fakeApi, type FakeHandler, type FakeResponse } from '@bankforge/app-shell/testing';
import { bankCrmRoles, loanApprovalFlow } from '@bankforge/example-bank-crm';

const summary = (kind: string, key: string, title: string, latestVersion: number | null = 1) => ({
  kind,
  key,
  title,
  revision: 1,
  latestVersion,
  state: latestVersion === null ? 'draft' : 'published',
  updatedAt: '',
});

/**
 * A fake server holding the example's loan approval as a draft (never published), the published
 * decisions, entities, forms and flows a flow may refer to, and saving whatever it is sent.
 */
export function loanApprovalServer(routes: Record<string, FakeHandler | FakeResponse> = {}, flow: FlowDefinition = loanApprovalFlow) {
  let revision = 3;
  return fakeApi({
    'GET /api/artifacts/flow/loan_approval': { body: { document: structuredClone(flow), revision, latestVersion: null } },
    'PUT /api/artifacts/flow/loan_approval': (r) => ({ body: { document: r.body, revision: ++revision, latestVersion: null } }),
    'GET /api/artifacts/decision': { body: [summary('decision', 'loan_scoring', 'Loan applicant scoring'), summary('decision', 'fraud_screening', 'Fraud screening'), summary('decision', 'draft_only', 'Draft only', null)] },
    'GET /api/artifacts/decision/loan_scoring?version=1': { body: { document: { kind: 'decision', key: 'loan_scoring', title: 'Loan applicant scoring', inputData: [{ name: 'CreditScore' }, { name: 'AnnualIncome' }, { name: 'Amount' }, { name: 'Collateral' }] }, revision: 1, latestVersion: 1 } },
    'GET /api/artifacts/entity': { body: [summary('entity', 'loan_application', 'Loan application')] },
    'GET /api/artifacts/entity/loan_application?version=1': {
      body: {
        document: { kind: 'entity', key: 'loan_application', title: 'Loan application', fields: ['amount', 'credit_score', 'annual_income', 'purpose', 'status', 'approved_amount', 'decided_at', 'decided_by', 'submitted_at'].map((key) => ({ id: `f_${key}`, key, type: 'text' })) },
        revision: 1,
        latestVersion: 1,
      },
    },
    'GET /api/artifacts/form': { body: [summary('form', 'loan_application', 'Loan application form')] },
    'GET /api/artifacts/flow': { body: [summary('flow', 'loan_approval', 'Loan approval', null), summary('flow', 'kyc_check', 'KYC check')] },
    // Never published: no case runs, so Publish publishes without asking about running cases.
    'POST /api/flows/loan_approval/migration-preview': { body: { flowKey: 'loan_approval', toVersion: 1, draft: true, running: 0, movable: 0, byVersion: [], unmovable: [] } },
    // What a designer is told of the roles: keys and names.
    'GET /api/auth/roles': { body: bankCrmRoles.map(({ key, label }) => ({ key, label })) },
    // What a designer is told of the connectors: keys and names.
    'GET /api/connectors/pick-list': { body: [{ key: 'credit_bureau', name: { en: 'Credit bureau', 'zh-CN': '征信中心' } }, { key: 'core_banking', name: { en: 'Core banking', 'zh-CN': '核心系统' } }] },
    ...routes,
  });
}
