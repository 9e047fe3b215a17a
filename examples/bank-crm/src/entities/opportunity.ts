import type { EntityDefinition } from '@bankforge/data-model';
import { option, text } from './labels.js';

export const OPPORTUNITY_PRODUCT_OPTIONS = [
  option('wealth_management', 'Wealth management product', '理财产品'),
  option('mutual_fund', 'Mutual fund', '基金'),
  option('insurance', 'Insurance', '保险'),
  option('large_deposit', 'Large-denomination CD', '大额存单'),
  option('credit_card', 'Credit card', '信用卡'),
  option('mortgage', 'Mortgage', '住房贷款'),
  option('payroll_service', 'Payroll service', '代发工资'),
  option('cash_management', 'Cash management', '现金管理'),
  option('trade_finance', 'Trade finance', '贸易融资'),
];

export const OPPORTUNITY_STAGE_OPTIONS = [
  option('lead', 'Lead', '线索'),
  option('qualified', 'Qualified', '已确认'),
  option('proposal', 'Proposal', '方案报价'),
  option('negotiation', 'Negotiation', '商务谈判'),
  option('won', 'Won', '赢单'),
  option('lost', 'Lost', '输单'),
];

/** A sales opportunity on a customer, tracked through the conversion funnel. */
export const opportunityEntity: EntityDefinition = {
  kind: 'entity',
  key: 'opportunity',
  title: 'Opportunity',
  version: 1,
  label: text('Opportunity', '商机'),
  pluralLabel: text('Opportunities', '商机'),
  description: 'A cross-sell or new-business opportunity on a customer.',
  fields: [
    {
      id: 'f_opportunity_customer',
      key: 'customer',
      type: 'reference',
      label: text('Customer', '客户'),
      required: true,
      indexed: true,
      reference: { entity: 'customer' },
    },
    {
      id: 'f_opportunity_product',
      key: 'product',
      type: 'singleSelect',
      label: text('Product', '产品'),
      required: true,
      options: OPPORTUNITY_PRODUCT_OPTIONS,
    },
    {
      id: 'f_opportunity_stage',
      key: 'stage',
      type: 'singleSelect',
      label: text('Stage', '阶段'),
      required: true,
      indexed: true,
      options: OPPORTUNITY_STAGE_OPTIONS,
      default: 'lead',
    },
    {
      id: 'f_opportunity_expected_amount',
      key: 'expected_amount',
      type: 'money',
      label: text('Expected amount', '预计金额'),
      min: 0,
      precision: 18,
      scale: 2,
      currencies: ['CNY'],
    },
    {
      id: 'f_opportunity_probability',
      key: 'probability',
      type: 'percentage',
      label: text('Probability', '赢单概率'),
      min: 0,
      max: 100,
      precision: 5,
      scale: 2,
    },
    {
      id: 'f_opportunity_close_date',
      key: 'close_date',
      type: 'date',
      label: text('Expected close date', '预计成交日期'),
    },
    {
      id: 'f_opportunity_campaign',
      key: 'campaign',
      type: 'text',
      label: text('Campaign', '营销活动'),
      description: 'The campaign code it came from (WM2026Q4): winning it converts the customer’s contacts of that campaign.',
      maxLength: 40,
    },
  ],
};
