import type { AppLanding, RecordPageDesign } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { bankCrmAutomations } from './automations/index.js';
import { cnMainlandCalendar } from './calendars/cn-mainland.js';
import { fraudScreeningDecision } from './decisions/fraud-screening.js';
import { leadRoutingDecision } from './decisions/lead-routing.js';
import { productSuitabilityDecision } from './decisions/product-suitability.js';
import { bankCrmEntities } from './entities/index.js';
import { complaintHandlingFlow } from './flows/complaint-handling.js';
import { customerForm } from './forms/customer-form.js';
import { loanApprovalFlow, loanScoringDecision } from './flows/loan-approval.js';
import { bankCrmDashboards } from './dashboards.js';
import { bankCrmReports } from './reports.js';

/** A reference from an app to one of its artifacts. */
export interface AppArtifactRef {
  kind: 'entity' | 'form' | 'decision' | 'flow' | 'report' | 'dashboard' | 'calendar' | 'automation';
  key: string;
}

/** The `app` artifact: a named bundle of artifacts an analyst publishes together. */
export interface AppDefinition {
  kind: 'app';
  key: string;
  title: string;
  label: EntityDefinition['label'];
  description?: string;
  artifacts: AppArtifactRef[];
  /** What each entity's 360° record page shows. */
  recordPages?: RecordPageDesign[];
  /** Where the app opens for each role, and the pages it uses first in the menu. */
  landing?: AppLanding[];
}

/**
 * Each role opens on its work: relationship and branch managers on their customers, approvers on
 * their inbox, compliance on the audit log; the menu puts the pages the role uses first.
 */
const landing: AppLanding[] = [
  { role: 'relationship_manager', entity: 'customer', menu: ['customer', 'opportunity', 'rm_task', 'complaint_ticket', 'loan_application', 'wealth_holding', 'contact', 'account', 'rate_coupon'] },
  { role: 'branch_manager', entity: 'customer', menu: ['customer', 'opportunity', 'lead', 'rm_task', 'loan_application', 'account', 'contact'] },
  { role: 'credit_officer', page: 'inbox', menu: ['loan_application', 'customer', 'account'] },
  { role: 'credit_committee', page: 'inbox', menu: ['loan_application', 'customer'] },
  { role: 'head_of_risk', page: 'inbox', menu: ['loan_application', 'customer'] },
  { role: 'compliance_officer', page: 'audit', menu: ['customer', 'account', 'loan_application', 'opportunity', 'contact'] },
  { role: 'business_analyst', entity: 'customer' },
  // The complaint queues and their supervisors work from the inbox.
  ...['card_center', 'retail_credit', 'customer_service', 'service_supervisor'].map((role): AppLanding => ({ role, page: 'inbox', menu: ['complaint_ticket'] })),
];

const text = (en: string, zh: string): EntityDefinition['label'] => ({ en, 'zh-CN': zh });

/**
 * The customer's 360° page: AUM, approved loans, deposits and risk tolerance in the header with the
 * tags; accounts, loans, contacts, opportunities and interactions listed; interactions on the
 * timeline; related parties as a graph.
 */
const customerPage: RecordPageDesign = {
  entity: 'customer',
  figures: [
    { key: 'aum', field: 'aum' },
    { key: 'deposits', label: text('Deposits', '存款余额'), sum: { entity: 'account', via: 'customer', field: 'balance' } },
    { key: 'approved_loans', label: text('Approved loans', '已批贷款'), sum: { entity: 'loan_application', via: 'customer', field: 'approved_amount' } },
    { key: 'risk_level', field: 'risk_level' },
  ],
  tags: 'tags',
  related: [
    { entity: 'account', via: 'customer', columns: ['product', 'balance', 'status'] },
    { entity: 'loan_application', via: 'customer', columns: ['product', 'amount', 'status'] },
    { entity: 'contact', via: 'customer', columns: ['relation', 'mobile'] },
    { entity: 'opportunity', via: 'customer', columns: ['product', 'stage', 'expected_amount'] },
    { entity: 'interaction', via: 'customer', columns: ['channel', 'occurred_at'] },
    { entity: 'rm_task', via: 'customer', columns: ['kind', 'due_on', 'status'] },
    { entity: 'complaint_ticket', via: 'customer', columns: ['category', 'summary', 'status'] },
    { entity: 'campaign_contact', via: 'customer', columns: ['campaign', 'channel', 'status'] },
    { entity: 'wealth_holding', via: 'customer', columns: ['product_name', 'amount', 'maturity_date'] },
  ],
  activities: [{ entity: 'interaction', via: 'customer', at: 'occurred_at', summary: 'summary', kind: 'channel', fields: ['follow_up_on'] }],
  graph: { entity: 'relationship', from: 'from_customer', to: 'to_customer', kind: 'kind', note: 'note' },
};

/**
 * The bank CRM app: its entities (referenced ones first), the customer form, the business calendar,
 * the decisions (loan scoring, product suitability, fraud screening), the loan approval flow, its reports and
 * the bank's standing rules (automations).
 */
export const bankCrmApp: AppDefinition = {
  kind: 'app',
  key: 'bank_crm',
  title: 'Bank CRM',
  label: { en: 'Bank CRM', 'zh-CN': '银行客户关系管理' },
  description: 'Retail and corporate customers, their accounts, loan applications and sales opportunities.',
  artifacts: [
    ...bankCrmEntities.map((entity): AppArtifactRef => ({ kind: 'entity', key: entity.key })),
    { kind: 'form', key: customerForm.key },
    { kind: 'calendar', key: cnMainlandCalendar.key },
    { kind: 'decision', key: loanScoringDecision.key },
    { kind: 'decision', key: productSuitabilityDecision.key },
    { kind: 'decision', key: fraudScreeningDecision.key },
    { kind: 'decision', key: leadRoutingDecision.key },
    { kind: 'flow', key: loanApprovalFlow.key },
    { kind: 'flow', key: complaintHandlingFlow.key },
    ...bankCrmReports.map((report): AppArtifactRef => ({ kind: 'report', key: report.key })),
    ...bankCrmDashboards.map((dashboard): AppArtifactRef => ({ kind: 'dashboard', key: dashboard.key })),
    ...bankCrmAutomations.map((automation): AppArtifactRef => ({ kind: 'automation', key: automation.key })),
  ],
  recordPages: [customerPage],
  landing,
};

/** Every artifact the app lists, in the order an import publishes them. */
export const bankCrmArtifacts = [
  ...bankCrmEntities,
  customerForm,
  cnMainlandCalendar,
  loanScoringDecision,
  productSuitabilityDecision,
  fraudScreeningDecision,
  leadRoutingDecision,
  loanApprovalFlow,
  complaintHandlingFlow,
  ...bankCrmReports,
  // After the reports their widgets show.
  ...bankCrmDashboards,
  // Last: publishing an automation checks the entities, flows and calendar it names are published.
  ...bankCrmAutomations,
] as const;
