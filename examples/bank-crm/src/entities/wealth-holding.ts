import type { EntityDefinition } from '@bankforge/data-model';
import { RISK_LEVEL_OPTIONS } from './customer.js';
import { text } from './labels.js';

/**
 * A wealth product a customer holds to maturity (a fixed-term 理财 product, a structured deposit), as
 * the wealth platform's daily file loads it. The renewal opportunity an automation opened is kept
 * on the holding, so a maturing holding is offered to its RM once, never every day until it matures.
 */
export const wealthHoldingEntity: EntityDefinition = {
  kind: 'entity',
  key: 'wealth_holding',
  title: 'Wealth holding',
  version: 1,
  label: text('Wealth holding', '理财持仓'),
  pluralLabel: text('Wealth holdings', '理财持仓'),
  description: 'A fixed-term wealth product a customer holds, with its maturity date.',
  fields: [
    { id: 'f_wealth_holding_customer', key: 'customer', type: 'reference', label: text('Customer', '客户'), required: true, indexed: true, reference: { entity: 'customer' } },
    { id: 'f_wealth_holding_product', key: 'product_name', type: 'text', label: text('Product', '产品名称'), required: true, maxLength: 100 },
    // The product's risk rating (R1..R5): a renewal may not be offered above the customer's own level.
    { id: 'f_wealth_holding_risk', key: 'product_risk', type: 'singleSelect', label: text('Product risk rating', '产品风险等级'), options: RISK_LEVEL_OPTIONS },
    { id: 'f_wealth_holding_amount', key: 'amount', type: 'money', label: text('Amount held', '持有金额'), required: true, min: 0, precision: 18, scale: 2, currencies: ['CNY'] },
    { id: 'f_wealth_holding_maturity', key: 'maturity_date', type: 'date', label: text('Maturity date', '到期日'), required: true, indexed: true },
    {
      id: 'f_wealth_holding_renewal',
      key: 'renewal_opportunity',
      type: 'reference',
      label: text('Renewal opportunity', '续作商机'),
      description: 'The opportunity opened for the RM as the holding nears maturity.',
      reference: { entity: 'opportunity' },
    },
  ],
};
