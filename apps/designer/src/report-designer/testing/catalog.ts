import type { EntityDefinition, FieldDefinition, LocalizedText } from '@bankforge/data-model';
import type { ReportDefinition } from '@bankforge/report-engine';

const text = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });
const field = (key: string, type: FieldDefinition['type'], label: LocalizedText, more: Partial<FieldDefinition> = {}): FieldDefinition => ({ id: `f_${key}`, key, type, label, ...more });

/** A bank's branches, customers and their loan applications: the published entities the tests design reports on. */
export const branch: EntityDefinition = {
  kind: 'entity',
  key: 'branch',
  title: 'Branch',
  label: text('Branch', '网点'),
  fields: [field('name', 'text', text('Name', '网点名称')), field('city', 'text', text('City', '城市'))],
};

export const customer: EntityDefinition = {
  kind: 'entity',
  key: 'customer',
  title: 'Customer',
  label: text('Customer', '客户'),
  fields: [
    field('name', 'text', text('Name', '客户姓名')),
    field('segment', 'singleSelect', text('Segment', '客户分层'), {
      options: [
        { value: 'mass', label: text('Mass', '大众客户') },
        { value: 'affluent', label: text('Affluent', '富裕客户') },
      ],
    }),
    field('branch', 'reference', text('Branch', '所属网点'), { reference: { entity: 'branch' } }),
    field('tags', 'multiSelect', text('Tags', '标签'), { options: [{ value: 'vip', label: text('VIP', '贵宾') }] }),
  ],
};

export const loanApplication: EntityDefinition = {
  kind: 'entity',
  key: 'loan_application',
  title: 'Loan application',
  label: text('Loan application', '贷款申请'),
  fields: [
    field('customer', 'reference', text('Customer', '申请客户'), { reference: { entity: 'customer' } }),
    field('amount', 'money', text('Amount', '申请金额'), { currencies: ['CNY'] }),
    field('term_months', 'integer', text('Term (months)', '期限(月)')),
    field('status', 'singleSelect', text('Status', '申请状态'), {
      options: [
        { value: 'submitted', label: text('Submitted', '已提交') },
        { value: 'approved', label: text('Approved', '已批准') },
        { value: 'rejected', label: text('Rejected', '已拒绝') },
      ],
    }),
    field('submitted_at', 'datetime', text('Submitted at', '提交时间')),
    field('purpose', 'longText', text('Purpose', '贷款用途')),
  ],
};

export const ENTITIES: readonly EntityDefinition[] = [branch, customer, loanApplication];
export const CATALOG: ReadonlyMap<string, EntityDefinition> = new Map(ENTITIES.map((e) => [e.key, e]));

/** A report of loan applications counted, as a new one starts. */
export function loansReport(more: Partial<ReportDefinition> = {}): ReportDefinition {
  return { kind: 'report', key: 'loans', title: 'Loans', source: 'loan_application', measures: [{ key: 'count', label: 'Count', agg: 'count' }], ...more };
}
