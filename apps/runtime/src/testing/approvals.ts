import type { ApprovalTask, CaseDetail, CaseTrailEntry, RuntimeApp, RuntimeEntityPage } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';

/** A loan application as a bank publishes it, for the approval screens' tests. */
export const loanEntity: EntityDefinition = {
  kind: 'entity',
  key: 'loan',
  title: 'Loan application',
  version: 2,
  label: { en: 'Loan application', 'zh-CN': '贷款申请' },
  pluralLabel: { en: 'Loan applications', 'zh-CN': '贷款申请' },
  fields: [
    { id: 'l1', key: 'applicant', type: 'text', label: { en: 'Applicant', 'zh-CN': '申请人' }, required: true },
    { id: 'l2', key: 'amount', type: 'money', label: { en: 'Amount', 'zh-CN': '金额' } },
    {
      id: 'l3',
      key: 'status',
      type: 'singleSelect',
      label: { en: 'Status', 'zh-CN': '状态' },
      options: [
        { value: 'draft', label: { en: 'Draft', 'zh-CN': '草稿' } },
        { value: 'approved', label: { en: 'Approved', 'zh-CN': '已批准' } },
        { value: 'rejected', label: { en: 'Rejected', 'zh-CN': '已拒绝' } },
      ],
    },
    { id: 'l4', key: 'approved_amount', type: 'money', label: { en: 'Approved amount', 'zh-CN': '批准金额' }, currencies: ['CNY'] },
    { id: 'l5', key: 'purpose', type: 'text', label: { en: 'Purpose', 'zh-CN': '用途' } },
  ],
};

export const loanFlow = { key: 'loan_approval', name: { en: 'Loan approval', 'zh-CN': '贷款审批' }, controlledFields: ['status', 'approved_amount'], canStart: true };

export const loanPage: RuntimeEntityPage = { entity: loanEntity, form: null, related: {}, validators: {}, flows: [loanFlow] };

export const loanRecord = {
  id: 'L1',
  version: 3,
  applicant: 'Wang Fang',
  amount: { amount: '1200000', currency: 'CNY' },
  status: 'draft',
  approved_amount: null,
  purpose: 'Working capital',
};

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });
export const crmApp: RuntimeApp = {
  key: 'crm',
  label: label('Bank CRM', '银行客户管理'),
  menu: [{ entity: 'loan', label: label('Loan application', '贷款申请'), pluralLabel: label('Loan applications', '贷款申请') }],
};

export const people = {
  rm: { id: 'u-rm', name: 'Li Wei' },
  officer: { id: 'u-co', name: 'Zhang Min' },
  head: { id: 'u-head', name: 'Chen Jun' },
};

export const creditReview = { en: 'Credit review', 'zh-CN': '信贷审查' };
export const loanApproval = loanFlow.name;

/** A task of the loan flow, waiting for the credit officer. */
export function loanTask(overrides: Partial<ApprovalTask> = {}): ApprovalTask {
  return {
    id: 't1',
    caseId: 'k1',
    flowKey: 'loan_approval',
    flowName: loanApproval,
    nodeId: 'review',
    nodeName: creditReview,
    entity: 'loan',
    recordId: 'L1',
    recordTitle: 'Wang Fang',
    amount: { amount: '1200000', currency: 'CNY' },
    status: 'open',
    assignees: [people.officer],
    candidateRoles: [],
    claimable: false,
    actions: ['approve', 'reject', 'return', 'comment'],
    editableFields: [],
    resubmit: false,
    startedBy: people.rm,
    createdAt: '2026-03-02T01:00:00Z',
    dueAt: '2026-03-04T09:00:00Z',
    overdue: false,
    ...overrides,
  };
}

export const submittedEntry: CaseTrailEntry = {
  seq: 1,
  at: '2026-03-02T01:00:00Z',
  action: 'start',
  actor: people.rm,
  text: { en: 'Submitted for approval', 'zh-CN': '提交审批' },
  comment: 'Urgent: the customer signs on Friday',
};

export const reviewEntry: CaseTrailEntry = {
  seq: 2,
  at: '2026-03-02T01:00:01Z',
  action: 'assign',
  nodeId: 'review',
  nodeName: creditReview,
  users: [people.officer],
  text: { en: 'Assigned to Zhang Min', 'zh-CN': '已分配给 Zhang Min' },
};

/** The loan's case, waiting at credit review. */
export function loanCase(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 'k1',
    flowKey: 'loan_approval',
    flowVersion: 1,
    flowName: loanApproval,
    entity: 'loan',
    recordId: 'L1',
    recordTitle: 'Wang Fang',
    status: 'running',
    waitingAt: [{ nodeId: 'review', name: creditReview, since: '2026-03-02T01:00:01Z', assignees: [people.officer] }],
    startedBy: people.rm,
    startedAt: '2026-03-02T01:00:00Z',
    variables: {},
    trail: [submittedEntry, reviewEntry],
    tasks: [loanTask()],
    can: { withdraw: false, urge: false, cancel: false },
    ...overrides,
  };
}
