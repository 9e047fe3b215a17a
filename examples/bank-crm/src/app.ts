import type { EntityDefinition } from '@bankforge/data-model';
import { cnMainlandCalendar } from './calendars/cn-mainland.js';
import { fraudScreeningDecision } from './decisions/fraud-screening.js';
import { productSuitabilityDecision } from './decisions/product-suitability.js';
import { bankCrmEntities } from './entities/index.js';
import { customerForm } from './forms/customer-form.js';
import { loanApprovalFlow, loanScoringDecision } from './flows/loan-approval.js';
import { bankCrmReports } from './reports.js';

/** A reference from an app to one of its artifacts. */
export interface AppArtifactRef {
  kind: 'entity' | 'form' | 'decision' | 'flow' | 'report' | 'calendar';
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
}

/**
 * The bank CRM app: its entities (referenced ones first), the customer form, the business calendar,
 * the decisions (loan scoring, product suitability, fraud screening), the loan approval flow and its reports.
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
    { kind: 'flow', key: loanApprovalFlow.key },
    ...bankCrmReports.map((report): AppArtifactRef => ({ kind: 'report', key: report.key })),
  ],
};

/** Every artifact the app lists, in the order an import publishes them. */
export const bankCrmArtifacts = [
  ...bankCrmEntities,
  customerForm,
  cnMainlandCalendar,
  loanScoringDecision,
  productSuitabilityDecision,
  fraudScreeningDecision,
  loanApprovalFlow,
  ...bankCrmReports,
] as const;
