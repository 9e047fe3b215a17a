/**
 * The loan-approval example flow (issue 5) and the scoring decision it evaluates.
 *
 * start → score the applicant (decision `loan_scoring`) → auto-reject below the score threshold;
 * otherwise route on the amount:
 * - up to 500,000: one credit officer;
 * - up to 5,000,000: a credit officer, then a branch manager of the initiator's branch;
 * - above: the credit committee countersigns, 2 of 3 needed (mode `percentage`, 66.67%).
 * The officer and branch manager tasks time out after 48 hours and escalate to the assignee's
 * manager; the committee has 3 business days, then the head of risk takes over the members who
 * have not voted. Nobody approves twice in one case (`distinctApprovers`), and the engine's
 * maker-checker rule keeps the initiator off their own case.
 *
 * The flow is bound to its loan application (`record`): the amount, credit score, annual income
 * and purpose come from the record when the case starts and when the relationship manager
 * resubmits it; the status, approved amount, decision time and decider and the submission time
 * are the flow's to write (nobody else changes them). A credit officer may return the case to the
 * relationship manager (退回发起人) for documents; they amend the record and resubmit (the case is
 * scored and routed again) or withdraw it. The branch manager returns to the credit officer only.
 *
 * Pure data: both artifacts are JSON round-trippable (what the designers would publish).
 */
import type { ApprovalNode, ApprovalTimeout, FlowDefinition, FlowRecordBinding, LocalizedText } from '@bankforge/flow-engine';
import type { DecisionArtifact } from '@bankforge/rule-engine';
import { loanScoringTests } from './loan-scoring-cases.js';

/** Applicants scoring below this are rejected without a human review. */
export const LOAN_SCORE_THRESHOLD = 50;
/** The largest amount one credit officer may approve alone. */
export const LOAN_SMALL_LIMIT = 500_000;
/** The largest amount a credit officer and a branch manager may approve; above it the committee decides. */
export const LOAN_MEDIUM_LIMIT = 5_000_000;
/** The top-level decision of `loanScoringDecision` (its result is `{ score, recommendation }`). */
export const LOAN_SCORING_DECISION_NAME = 'Loan scoring';

/** The flow's display name (the artifact's `title` is the English one). */
export const loanApprovalFlowName: LocalizedText = { en: 'Loan approval', 'zh-CN': '贷款审批' };

const TIMEOUT_48H: ApprovalTimeout = { duration: 'PT48H', action: 'escalate', escalateTo: { manager: true } };
/** The committee's SLA: 3 business days (the server's business calendar), then the head of risk. */
const COMMITTEE_SLA: ApprovalTimeout = { duration: 'P3D', businessCalendar: true, action: 'escalate', escalateTo: { role: 'head_of_risk' } };

function approvalNode(
  id: string,
  name: LocalizedText,
  extra: Pick<ApprovalNode, 'assignees' | 'mode'> & Partial<ApprovalNode>,
): ApprovalNode {
  return {
    id,
    type: 'approval',
    name,
    formKey: 'loan_application',
    actions: ['approve', 'reject', 'return', 'delegate', 'comment'],
    timeout: TIMEOUT_48H,
    distinctApprovers: true,
    ...extra,
  };
}

/**
 * Scores an applicant: points for the credit bureau score plus points for the loan-to-income
 * ratio (a Collect/SUM table, 0..100), then a recommendation from the score.
 * Inputs: `CreditScore` (300..850), `AnnualIncome` and `Amount` (money, same currency).
 */
export const loanScoringDecision: DecisionArtifact = {
  kind: 'decision',
  key: 'loan_scoring',
  title: 'Loan applicant scoring',
  description: 'Scores a loan applicant from the credit score and the loan-to-income ratio (贷款申请人评分).',
  inputData: [
    { name: 'CreditScore', typeRef: 'number' },
    { name: 'AnnualIncome', typeRef: 'number' },
    { name: 'Amount', typeRef: 'number' },
  ],
  decisions: [
    {
      name: 'Score',
      typeRef: 'number',
      requirements: { inputs: ['CreditScore', 'AnnualIncome', 'Amount'] },
      logic: {
        kind: 'decisionTable',
        hitPolicy: 'C',
        aggregation: 'SUM',
        inputs: [
          { expression: 'CreditScore', label: 'Credit score', typeRef: 'number' },
          { expression: 'Amount / AnnualIncome', label: 'Loan to income', typeRef: 'number' },
        ],
        outputs: [{ name: 'points', typeRef: 'number' }],
        rules: [
          { id: 'credit-excellent', inputEntries: ['>= 750', '-'], outputEntries: ['60'], annotations: ['excellent credit'] },
          { id: 'credit-good', inputEntries: ['[650..750)', '-'], outputEntries: ['45'], annotations: ['good credit'] },
          { id: 'credit-fair', inputEntries: ['[550..650)', '-'], outputEntries: ['25'], annotations: ['fair credit'] },
          { id: 'credit-poor', inputEntries: ['< 550', '-'], outputEntries: ['0'], annotations: ['poor credit'] },
          { id: 'lti-low', inputEntries: ['-', '<= 3'], outputEntries: ['40'], annotations: ['up to 3x income'] },
          { id: 'lti-mid', inputEntries: ['-', '(3..6]'], outputEntries: ['25'], annotations: ['up to 6x income'] },
          { id: 'lti-high', inputEntries: ['-', '(6..10]'], outputEntries: ['10'], annotations: ['up to 10x income'] },
          { id: 'lti-excessive', inputEntries: ['-', '> 10'], outputEntries: ['0'], annotations: ['over 10x income'] },
        ],
        annotations: ['Reason'],
      },
    },
    {
      name: 'Recommendation',
      typeRef: 'string',
      requirements: { decisions: ['Score'] },
      logic: {
        kind: 'decisionTable',
        hitPolicy: 'U',
        inputs: [{ expression: 'Score', typeRef: 'number' }],
        outputs: [{ typeRef: 'string', outputValues: '"approve","review","decline"' }],
        rules: [
          { inputEntries: [`< ${LOAN_SCORE_THRESHOLD}`], outputEntries: ['"decline"'] },
          { inputEntries: [`[${LOAN_SCORE_THRESHOLD}..70)`], outputEntries: ['"review"'] },
          { inputEntries: ['>= 70'], outputEntries: ['"approve"'] },
        ],
      },
    },
    {
      name: LOAN_SCORING_DECISION_NAME,
      requirements: { decisions: ['Score', 'Recommendation'] },
      logic: {
        kind: 'context',
        entries: [
          { name: 'score', value: { kind: 'literalExpression', text: 'if Score = null then 0 else Score' } },
          { name: 'recommendation', value: { kind: 'literalExpression', text: 'Recommendation' } },
        ],
      },
    },
  ],
  // Every rule of both tables, at the band edges; publishing runs them.
  tests: loanScoringTests,
};

/**
 * How the loan approval reads and writes its loan application: variables from the record at start
 * and on resubmission; the fields only the flow sets, and what it sets them to at each milestone.
 */
const loanApprovalRecordBinding: FlowRecordBinding = {
  variables: { amount: 'amount', creditScore: 'credit_score', annualIncome: 'annual_income', purpose: 'purpose' },
  controlledFields: ['status', 'approved_amount', 'decided_at', 'decided_by', 'submitted_at'],
  writes: {
    started: { status: '"submitted"', submitted_at: 'at' },
    returned: { status: '"returned"' },
    resubmitted: { status: '"submitted"' },
    approved: { status: '"approved"', approved_amount: 'amount', decided_at: 'at', decided_by: 'actor' },
    // An auto-rejection is the decision's, taken in the initiator's own command: nobody decided it.
    rejected: { status: '"rejected"', decided_at: 'at', decided_by: 'if actor = initiator then null else actor' },
    withdrawn: { status: '"withdrawn"' },
  },
};

/** The loan-approval flow (key `loan_approval`, on the `loan_application` entity). */
export const loanApprovalFlow: FlowDefinition = {
  kind: 'flow',
  key: 'loan_approval',
  title: loanApprovalFlowName.en,
  label: loanApprovalFlowName,
  schemaVersion: 1,
  entity: 'loan_application',
  record: loanApprovalRecordBinding,
  description:
    'Scores the applicant, auto-rejects a low score, then routes on the amount: one credit officer up to 500,000; ' +
    'a credit officer and the branch manager up to 5,000,000; the credit committee (2 of 3) above. ' +
    '贷款审批：评分，低分自动拒绝；50万以内信贷员审批，500万以内信贷员加支行行长审批，以上由贷审会三人会签、两人通过。' +
    ' A credit officer may return the case to the relationship manager, who amends and resubmits it. 信贷员可退回发起人补充材料后重新提交。',
  variables: [
    { name: 'amount', type: 'money', required: true, label: { en: 'Amount', 'zh-CN': '贷款金额' } },
    { name: 'creditScore', type: 'number', required: true, label: { en: 'Credit score', 'zh-CN': '信用评分' } },
    { name: 'annualIncome', type: 'money', required: true, label: { en: 'Annual income', 'zh-CN': '年收入' } },
    { name: 'purpose', type: 'string', label: { en: 'Purpose', 'zh-CN': '贷款用途' } },
    { name: 'score', type: 'number', default: 0, label: { en: 'Applicant score', 'zh-CN': '申请人评分' } },
    { name: 'recommendation', type: 'string', label: { en: 'Recommendation', 'zh-CN': '评分建议' } },
  ],
  nodes: [
    { id: 'start', type: 'start', name: { en: 'Application submitted', 'zh-CN': '提交申请' } },
    {
      id: 'scoring',
      type: 'decision',
      name: { en: 'Score applicant', 'zh-CN': '申请人评分' },
      decisionKey: loanScoringDecision.key,
      inputs: { CreditScore: 'creditScore', AnnualIncome: 'annualIncome', Amount: 'amount' },
      outputs: { score: 'score', recommendation: 'recommendation' },
    },
    { id: 'scoreCheck', type: 'branch', name: { en: 'Score check', 'zh-CN': '评分判断' } },
    { id: 'autoRejected', type: 'end', outcome: 'rejected', name: { en: 'Auto-rejected', 'zh-CN': '自动拒绝' } },
    { id: 'amountCheck', type: 'branch', name: { en: 'Amount routing', 'zh-CN': '金额分流' } },
    approvalNode('officerApproval', { en: 'Credit officer approval', 'zh-CN': '信贷员审批' }, {
      assignees: [{ kind: 'role', role: 'credit_officer' }],
      mode: 'single',
      editableFields: ['purpose'],
      returnTo: 'initiator',
    }),
    approvalNode('officerReview', { en: 'Credit officer review', 'zh-CN': '信贷员审核' }, {
      assignees: [{ kind: 'role', role: 'credit_officer' }],
      mode: 'single',
      editableFields: ['purpose'],
      returnTo: 'initiator',
    }),
    approvalNode('branchManagerApproval', { en: 'Branch manager approval', 'zh-CN': '支行行长审批' }, {
      assignees: [{ kind: 'branchRole', role: 'branch_manager' }],
      mode: 'single',
      returnTo: 'previous',
      // The branch manager may ask another approver (the head of risk, say) to approve first (加签).
      actions: ['approve', 'reject', 'return', 'delegate', 'addApprover', 'comment'],
    }),
    approvalNode('committeeApproval', { en: 'Credit committee countersign', 'zh-CN': '贷审会会签' }, {
      assignees: [{ kind: 'role', role: 'credit_committee' }],
      mode: 'percentage',
      percentage: 66.67,
      actions: ['approve', 'reject', 'comment'],
      timeout: COMMITTEE_SLA,
    }),
    { id: 'approved', type: 'end', outcome: 'approved', name: { en: 'Approved', 'zh-CN': '审批通过' } },
  ],
  edges: [
    { id: 'toScoring', source: 'start', target: 'scoring' },
    { id: 'toScoreCheck', source: 'scoring', target: 'scoreCheck' },
    {
      id: 'scoreTooLow',
      source: 'scoreCheck',
      target: 'autoRejected',
      condition: `score < ${LOAN_SCORE_THRESHOLD}`,
      name: { en: 'Score below threshold', 'zh-CN': '评分低于阈值' },
    },
    { id: 'scoreOk', source: 'scoreCheck', target: 'amountCheck', default: true },
    {
      id: 'smallLoan',
      source: 'amountCheck',
      target: 'officerApproval',
      condition: `amount <= ${LOAN_SMALL_LIMIT}`,
      name: { en: 'Up to 500,000', 'zh-CN': '50万以内' },
    },
    {
      id: 'mediumLoan',
      source: 'amountCheck',
      target: 'officerReview',
      condition: `amount <= ${LOAN_MEDIUM_LIMIT}`,
      name: { en: 'Up to 5,000,000', 'zh-CN': '500万以内' },
    },
    {
      id: 'largeLoan',
      source: 'amountCheck',
      target: 'committeeApproval',
      default: true,
      name: { en: 'Above 5,000,000', 'zh-CN': '500万以上' },
    },
    { id: 'officerApproved', source: 'officerApproval', target: 'approved' },
    { id: 'toBranchManager', source: 'officerReview', target: 'branchManagerApproval' },
    { id: 'branchManagerApproved', source: 'branchManagerApproval', target: 'approved' },
    { id: 'committeeApproved', source: 'committeeApproval', target: 'approved' },
  ],
};
