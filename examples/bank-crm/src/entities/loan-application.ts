import type { EntityDefinition } from '@bankforge/data-model';
import { option, text } from './labels.js';

export const LOAN_PRODUCT_OPTIONS = [
  option('mortgage', 'Mortgage', '个人住房贷款'),
  option('consumer', 'Consumer loan', '个人消费贷款'),
  option('auto', 'Auto loan', '汽车贷款'),
  option('business', 'Small-business loan', '个人经营贷款'),
  option('working_capital', 'Working capital loan', '流动资金贷款'),
  option('fixed_asset', 'Fixed-asset loan', '固定资产贷款'),
];

export const LOAN_STATUS_OPTIONS = [
  option('draft', 'Draft', '草稿'),
  option('submitted', 'Submitted', '已提交'),
  option('approved', 'Approved', '已批准'),
  option('rejected', 'Rejected', '已拒绝'),
  option('withdrawn', 'Withdrawn', '已撤回'),
];

/** A loan application, the subject of the loan approval flow. */
export const loanApplicationEntity: EntityDefinition = {
  kind: 'entity',
  key: 'loan_application',
  title: 'Loan application',
  version: 1,
  label: text('Loan application', '贷款申请'),
  pluralLabel: text('Loan applications', '贷款申请'),
  description: 'A loan application, routed through the approval flow.',
  fields: [
    {
      id: 'f_loan_application_no',
      key: 'application_no',
      type: 'text',
      label: text('Application number', '申请编号'),
      required: true,
      unique: true,
      pattern: '^LA[0-9]{12}$',
      maxLength: 14,
    },
    {
      id: 'f_loan_application_customer',
      key: 'customer',
      type: 'reference',
      label: text('Customer', '申请客户'),
      required: true,
      indexed: true,
      reference: { entity: 'customer' },
    },
    {
      id: 'f_loan_application_product',
      key: 'product',
      type: 'singleSelect',
      label: text('Product', '贷款产品'),
      required: true,
      options: LOAN_PRODUCT_OPTIONS,
    },
    {
      id: 'f_loan_application_amount',
      key: 'amount',
      type: 'money',
      label: text('Amount', '申请金额'),
      required: true,
      min: 0,
      precision: 18,
      scale: 2,
      currencies: ['CNY'],
    },
    {
      id: 'f_loan_application_term_months',
      key: 'term_months',
      type: 'integer',
      label: text('Term (months)', '期限(月)'),
      required: true,
      min: 1,
      max: 360,
    },
    {
      id: 'f_loan_application_interest_rate',
      key: 'interest_rate',
      type: 'percentage',
      label: text('Annual interest rate', '年利率'),
      min: 0,
      max: 36,
      precision: 5,
      scale: 2,
    },
    {
      id: 'f_loan_application_purpose',
      key: 'purpose',
      type: 'longText',
      label: text('Purpose', '贷款用途'),
      maxLength: 2000,
    },
    {
      id: 'f_loan_application_status',
      key: 'status',
      type: 'singleSelect',
      label: text('Status', '申请状态'),
      required: true,
      indexed: true,
      options: LOAN_STATUS_OPTIONS,
      default: 'draft',
    },
    {
      id: 'f_loan_application_submitted_at',
      key: 'submitted_at',
      type: 'datetime',
      label: text('Submitted at', '提交时间'),
    },
  ],
};
