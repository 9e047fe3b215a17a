/**
 * The bank CRM's roles, as the server's role documents (`PUT /api/auth/roles/{key}`). The example
 * ships roles, never users: an administrator creates the people and their passwords.
 */
export interface ExampleRole {
  key: string;
  label: { en: string; 'zh-CN': string };
  entities?: Record<string, Record<string, unknown>>;
  artifacts?: Record<string, ('edit' | 'publish')[]>;
  /** May read the audit log and verify its chain. */
  auditLog?: boolean;
  /** Approval flows the role may start, on records it may update. */
  flows?: Record<string, 'start'[]>;
  /** Published decisions the role may evaluate through the API (and read the evaluation log of). */
  decisions?: Record<string, 'evaluate'[]>;
}

const masked = { access: 'masked' } as const;
const ownBook = { create: 'own', read: 'own', update: 'own', export: 'own' } as const;

/** A complaint desk: every ticket (the queue is the flow's), whose customer's name is all it needs to see. */
function complaintDesk(key: string, en: string, zh: string): ExampleRole[] {
  return [
    {
      key,
      label: { en, 'zh-CN': zh },
      entities: {
        complaint_ticket: { read: 'all' },
        customer: { read: 'all', fields: { resident_id: masked, mobile: masked, email: masked, aum: masked } },
      },
    },
  ];
}

export const bankCrmRoles: ExampleRole[] = [
  {
    key: 'relationship_manager',
    label: { en: 'Relationship manager', 'zh-CN': '客户经理' },
    // Their own book of customers; ID numbers masked, as the guidelines ask outside a need to know.
    entities: {
      customer: { ...ownBook, fields: { resident_id: masked } },
      contact: ownBook,
      account: { read: 'own', fields: { account_no: { access: 'masked', mask: { strategy: 'accountNumber' } } } },
      account_balance: { read: 'own' },
      loan_application: { create: 'own', read: 'own', update: 'own' },
      opportunity: { ...ownBook, delete: 'own' },
      // What they log of their customers (visits, calls) and whom they know to be related.
      interaction: { create: 'own', read: 'own', update: 'own' },
      relationship: { create: 'own', read: 'own', update: 'own', delete: 'own' },
      branch: { read: 'all' },
      // The applications returned to them for changes, and how long they took to resubmit.
      approval_task: { read: 'own' },
      // What the bank's standing rules open for them: retention calls and follow-ups, maturing holdings, coupons issued.
      rm_task: { read: 'own', update: 'own', export: 'own' },
      wealth_holding: { read: 'own' },
      rate_coupon: { read: 'own' },
      // Complaints they log start the complaint flow; the survey's NPS they record on the ticket.
      complaint_ticket: { create: 'own', read: 'own', update: 'own' },
      // What campaigns offered their customers; they mark a contact converted when the sale is made.
      campaign_contact: { read: 'own', update: 'own' },
      // Leads the routing rules handed them in turn: they contact and qualify them.
      lead: { read: 'own', update: 'own' },
    },
    // Submits their customers' loan applications for approval; the flow, not the RM, sets the outcome.
    flows: { loan_approval: ['start'] },
    // Checks a wealth product against the customer's risk tolerance before recommending it (适当性).
    decisions: { product_suitability: ['evaluate'] },
  },
  {
    key: 'branch_manager',
    label: { en: 'Branch manager', 'zh-CN': '支行行长' },
    entities: {
      // Hands a book over within the branch (an RM leaves, books are rebalanced): the customer's contacts, accounts, loans and opportunities go along.
      customer: { read: 'branch', update: 'branch', export: 'branch', transfer: 'branch', unmask: true, fields: { resident_id: masked } },
      contact: { read: 'branch', transfer: 'branch' },
      account: { read: 'branch', transfer: 'branch', fields: { account_no: masked } },
      account_balance: { read: 'branch', transfer: 'branch' },
      loan_application: { read: 'branch', export: 'branch', transfer: 'branch' },
      opportunity: { read: 'branch', update: 'branch', export: 'branch', transfer: 'branch' },
      interaction: { read: 'branch', transfer: 'branch' },
      relationship: { read: 'branch', transfer: 'branch' },
      branch: { read: 'all' },
      // Their own approvals and their RMs' resubmissions.
      approval_task: { read: 'branch', export: 'branch' },
      rm_task: { read: 'branch', update: 'branch', export: 'branch', transfer: 'branch' },
      wealth_holding: { read: 'branch', transfer: 'branch' },
      rate_coupon: { read: 'branch', transfer: 'branch' },
      complaint_ticket: { read: 'branch', export: 'branch', transfer: 'branch' },
      // Leads their branch captures, and the team the routing rules gave each.
      lead: { create: 'branch', read: 'branch', update: 'branch', transfer: 'branch' },
      campaign_contact: { read: 'branch', export: 'branch', transfer: 'branch' },
    },
    artifacts: { report: ['edit'] },
  },
  {
    key: 'credit_officer',
    label: { en: 'Credit officer', 'zh-CN': '信贷审批员' },
    entities: {
      loan_application: { read: 'all', update: 'all' },
      customer: { read: 'all', unmask: true, fields: { resident_id: masked, mobile: masked, email: masked } },
      account: { read: 'all', fields: { account_no: masked } },
      account_balance: { read: 'all' },
      // Guarantors and family ties weigh in a credit decision.
      relationship: { read: 'all' },
      branch: { read: 'all' },
      // The tasks they hold and decided: their own SLA.
      approval_task: { read: 'own' },
    },
    // Scores an applicant on demand (what-if before a case is submitted).
    decisions: { loan_scoring: ['evaluate'] },
  },
  {
    key: 'credit_committee',
    label: { en: 'Credit committee member', 'zh-CN': '贷审会委员' },
    entities: {
      loan_application: { read: 'all' },
      customer: { read: 'all', fields: { resident_id: masked, mobile: masked, email: masked } },
      branch: { read: 'all' },
      approval_task: { read: 'own' },
    },
  },
  {
    key: 'head_of_risk',
    label: { en: 'Head of risk', 'zh-CN': '风险总监' },
    entities: {
      loan_application: { read: 'all', export: 'all' },
      customer: { read: 'all', fields: { resident_id: masked, mobile: masked, email: masked } },
      branch: { read: 'all' },
      // Answers for the approval SLAs across the bank.
      approval_task: { read: 'all', export: 'all' },
    },
    // Owns the scoring and fraud policies: evaluates them and reads their evaluation logs.
    decisions: { loan_scoring: ['evaluate'], fraud_screening: ['evaluate'] },
  },
  {
    key: 'compliance_officer',
    label: { en: 'Compliance officer', 'zh-CN': '合规专员' },
    // Sees everything, changes nothing, and personal data stays masked unless unmasked (audited); reads the audit log.
    auditLog: true,
    entities: Object.fromEntries(
      ['customer', 'contact', 'account', 'account_balance', 'loan_application', 'opportunity', 'interaction', 'relationship', 'branch', 'approval_task', 'rm_task', 'wealth_holding', 'rate_coupon', 'complaint_ticket', 'lead', 'campaign_contact'].map((key) => [
        key,
        { read: 'all', export: 'all', unmask: true, fields: { resident_id: masked, mobile: masked, email: masked, account_no: masked } },
      ]),
    ),
    // Checks sales against the suitability rules and transactions against the fraud screening (and reads both logs).
    decisions: { product_suitability: ['evaluate'], fraud_screening: ['evaluate'] },
  },
  // The complaint queues (a category's department) and the supervisors their overdue tickets escalate to.
  ...complaintDesk('card_center', 'Card center', '信用卡中心'),
  ...complaintDesk('retail_credit', 'Retail credit', '个人信贷部'),
  ...complaintDesk('customer_service', 'Customer service', '客户服务中心'),
  ...complaintDesk('service_supervisor', 'Service supervisor', '服务主管'),
  {
    key: 'business_analyst',
    label: { en: 'Business analyst', 'zh-CN': '业务分析师' },
    // Tries decisions on real customers (the decision designer's "Fill from a record"): every customer's
    // profile, but who they are and what they hold stay masked (a masked value is never used as an input).
    // Designs reports and dashboards; what their previews show is what the bank grants the role to read.
    entities: {
      customer: {
        read: 'all',
        fields: { name: { access: 'masked', mask: { strategy: 'chineseName' } }, resident_id: masked, mobile: masked, email: masked, aum: masked },
      },
    },
    // Writes the bank's standing rules as automations (tag a high-potential customer, remind the RM), and publishes them.
    artifacts: { entity: ['edit'], form: ['edit', 'publish'], flow: ['edit'], decision: ['edit', 'publish'], report: ['edit', 'publish'], dashboard: ['edit', 'publish'], automation: ['edit', 'publish'], app: ['edit'] },
    // Tries the published decisions as callers do (backtests of drafts come with the edit right).
    decisions: { loan_scoring: ['evaluate'], product_suitability: ['evaluate'], fraud_screening: ['evaluate'] },
  },
];
