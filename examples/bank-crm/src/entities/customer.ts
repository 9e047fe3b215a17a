import type { EntityDefinition } from '@bankforge/data-model';
import { option, text } from './labels.js';

export const CUSTOMER_TYPE_OPTIONS = [
  option('individual', 'Individual', '个人客户'),
  option('corporate', 'Corporate', '对公客户'),
];

export const SEGMENT_OPTIONS = [
  option('mass', 'Mass', '大众客户'),
  option('affluent', 'Affluent', '财富客户'),
  option('private', 'Private banking', '私人银行客户'),
  option('corporate', 'Corporate', '公司客户'),
];

export const RISK_LEVEL_OPTIONS = [
  option('R1', 'R1 Conservative', 'R1 谨慎型'),
  option('R2', 'R2 Cautious', 'R2 稳健型'),
  option('R3', 'R3 Balanced', 'R3 平衡型'),
  option('R4', 'R4 Growth', 'R4 进取型'),
  option('R5', 'R5 Aggressive', 'R5 激进型'),
];

export const KYC_STATUS_OPTIONS = [
  option('pending', 'Pending', '待核验'),
  option('verified', 'Verified', '已核验'),
  option('expired', 'Expired', '已过期'),
  option('rejected', 'Rejected', '未通过'),
];

export const CUSTOMER_TAG_OPTIONS = [
  // Colours say what the tag asks of the RM: green an opportunity, red a warning, purple the top tier.
  option('high_potential', 'High potential', '高潜力', 'green'),
  option('churn_risk', 'Churn risk', '流失风险', 'red'),
  option('prefers_online', 'Prefers online channel', '偏好线上渠道', 'teal'),
  option('payroll', 'Payroll customer', '代发工资客户', 'blue'),
  option('wealth_interest', 'Interested in wealth products', '理财意向', 'orange'),
  option('mortgage_holder', 'Mortgage holder', '房贷客户', 'indigo'),
  option('cross_border', 'Cross-border needs', '跨境需求', 'yellow'),
  option('new_customer', 'New customer', '新客户', 'pink'),
  option('vip', 'VIP', '贵宾客户', 'purple'),
];

/** A customer of the bank, a person or a company: the centre of the 360° view. */
export const customerEntity: EntityDefinition = {
  kind: 'entity',
  key: 'customer',
  title: 'Customer',
  version: 1,
  label: text('Customer', '客户'),
  pluralLabel: text('Customers', '客户'),
  // PIPL: marketing campaigns and exports reach only customers who agreed to them.
  consentPurposes: ['marketing'],
  description: 'A retail or corporate customer; one record per person or company.',
  titleTemplate: '{name} · {customer_no}',
  fields: [
    {
      id: 'f_customer_no',
      key: 'customer_no',
      type: 'text',
      label: text('Customer number', '客户号'),
      required: true,
      unique: true,
      indexed: true,
      pattern: '^C[0-9]{10}$',
      patternHint: text('C followed by 10 digits, e.g. C0000012345', 'C 加 10 位数字，例如 C0000012345'),
      maxLength: 11,
    },
    {
      id: 'f_customer_name',
      key: 'name',
      type: 'text',
      label: text('Name', '客户名称'),
      required: true,
      indexed: true,
      maxLength: 100,
    },
    {
      id: 'f_customer_type',
      key: 'customer_type',
      type: 'singleSelect',
      label: text('Customer type', '客户类型'),
      required: true,
      options: CUSTOMER_TYPE_OPTIONS,
      default: 'individual',
    },
    {
      id: 'f_customer_segment',
      key: 'segment',
      type: 'singleSelect',
      label: text('Segment', '客户分层'),
      required: true,
      indexed: true,
      options: SEGMENT_OPTIONS,
    },
    {
      id: 'f_customer_resident_id',
      key: 'resident_id',
      type: 'residentId',
      sensitive: true,
      label: text('Resident ID number', '居民身份证号'),
      description: 'Individuals only; deduplication key for persons.',
      unique: true,
    },
    {
      id: 'f_customer_mobile',
      key: 'mobile',
      type: 'mobile',
      sensitive: true,
      label: text('Mobile', '手机号'),
      indexed: true,
    },
    {
      id: 'f_customer_email',
      key: 'email',
      type: 'email',
      sensitive: true,
      label: text('Email', '电子邮箱'),
      maxLength: 254,
    },
    {
      id: 'f_customer_birth_date',
      key: 'birth_date',
      type: 'date',
      label: text('Date of birth', '出生日期'),
      // The resident ID embeds it: whoever sees the ID masked sees this masked too.
      derivedFrom: 'resident_id',
      min: '1900-01-01',
    },
    {
      id: 'f_customer_risk_level',
      key: 'risk_level',
      type: 'singleSelect',
      label: text('Risk tolerance', '风险承受等级'),
      options: RISK_LEVEL_OPTIONS,
    },
    {
      id: 'f_customer_kyc_status',
      key: 'kyc_status',
      type: 'singleSelect',
      label: text('KYC status', '身份核验状态'),
      required: true,
      options: KYC_STATUS_OPTIONS,
      default: 'pending',
    },
    {
      id: 'f_customer_aum',
      key: 'aum',
      type: 'money',
      label: text('Assets under management', '管理资产(AUM)'),
      min: 0,
      precision: 18,
      scale: 2,
      currencies: ['CNY'],
    },
    {
      id: 'f_customer_annual_income',
      key: 'annual_income',
      type: 'money',
      label: text('Annual income', '年收入'),
      min: 0,
      precision: 18,
      scale: 2,
      currencies: ['CNY'],
    },
    {
      id: 'f_customer_credit_score',
      key: 'credit_score',
      type: 'integer',
      label: text('Credit score', '信用评分'),
      min: 300,
      max: 850,
    },
    {
      id: 'f_customer_tags',
      key: 'tags',
      type: 'multiSelect',
      label: text('Tags', '客户标签'),
      display: 'tags',
      options: CUSTOMER_TAG_OPTIONS,
    },
    {
      id: 'f_customer_branch',
      key: 'branch',
      type: 'reference',
      label: text('Branch', '归属网点'),
      required: true,
      indexed: true,
      reference: { entity: 'branch' },
    },
    {
      id: 'f_customer_rm_name',
      key: 'rm_name',
      type: 'text',
      label: text('Relationship manager', '客户经理'),
      indexed: true,
      maxLength: 50,
    },
    {
      id: 'f_customer_onboarded_at',
      key: 'onboarded_at',
      type: 'datetime',
      label: text('Onboarded at', '开户时间'),
      required: true,
    },
    {
      id: 'f_customer_notes',
      key: 'notes',
      type: 'longText',
      label: text('Notes', '备注'),
      maxLength: 4000,
    },
    {
      id: 'f_customer_preferences',
      key: 'preferences',
      type: 'json',
      label: text('Preferences', '服务偏好'),
      description: 'Preferred channel, contact time and marketing consent.',
    },
    {
      id: 'f_customer_website',
      key: 'website',
      type: 'url',
      label: text('Website', '网站'),
      maxLength: 2048,
    },
    {
      id: 'f_customer_churn_risk',
      key: 'churn_risk',
      type: 'percentage',
      label: text('Churn risk', '流失风险'),
      min: 0,
      max: 100,
      precision: 5,
      scale: 2,
    },
    {
      // Written by the month-end close with the snapshots: the month's change in the customer's deposits
      // across all their accounts. Kept on the customer because a rule (FEEL) sees one record, not a query.
      id: 'f_customer_monthly_deposit_growth',
      key: 'monthly_deposit_growth',
      type: 'money',
      label: text('Deposit growth last month', '上月存款增量'),
      precision: 18,
      scale: 2,
      currencies: ['CNY'],
    },
    {
      // Kept by the deposit-growth automation: consecutive month-ends whose growth passed 20,000.
      id: 'f_customer_deposit_growth_streak',
      key: 'deposit_growth_streak',
      type: 'integer',
      label: text('Months of strong deposit growth', '存款连续大幅增长月数'),
      min: 0,
    },
    {
      // Stamped by the core system's daily feed: the churn warning looks for three quiet months.
      id: 'f_customer_last_transaction_on',
      key: 'last_transaction_on',
      type: 'date',
      label: text('Last transaction on', '最近交易日期'),
      indexed: true,
    },
    {
      // The latest satisfaction survey's service score (1 to 5), as the survey system writes it back.
      id: 'f_customer_service_score',
      key: 'service_score',
      type: 'integer',
      label: text('Service score', '服务评分'),
      min: 1,
      max: 5,
    },
    {
      // When the RM (or the contact centre) last reached the customer: rules wait for it to move.
      id: 'f_customer_last_contacted_at',
      key: 'last_contacted_at',
      type: 'datetime',
      label: text('Last contacted at', '最近联系时间'),
    },
    {
      // Stamped by campaigns: a customer is left alone for a while after a marketing message (频次控制).
      id: 'f_customer_last_marketed_at',
      key: 'last_marketed_at',
      type: 'datetime',
      label: text('Last marketing message at', '最近营销触达时间'),
    },
  ],
};
