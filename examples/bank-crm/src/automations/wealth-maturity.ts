import type { AutomationDefinition } from '@bankforge/flow-engine';
import { text } from '../entities/labels.js';

/** How far ahead of maturity the RM is given the renewal (days). */
export const MATURITY_NOTICE_DAYS = 15;

/**
 * "A wealth product maturing within 15 days": every morning, each holding maturing today or in the
 * next 15 days that has no renewal opportunity yet gets one for its RM. The opportunity is written
 * back on the holding, which the filter then leaves out: never twice for the same holding.
 */
export const wealthMaturityAutomation: AutomationDefinition = {
  kind: 'automation',
  key: 'wealth_maturity_renewal',
  title: 'Renewal opportunity for a maturing wealth product',
  label: text('Renewal opportunity for a maturing wealth product', '理财产品到期前续作商机'),
  description: text(
    'Every morning: a wealth product maturing within 15 days gets a renewal opportunity for its RM, once.',
    '每天早上：15 天内到期的理财持仓为其客户经理创建一次续作商机。',
  ),
  trigger: {
    type: 'schedule',
    every: 'day',
    at: '08:00',
    timeZone: 'Asia/Shanghai',
    entity: 'wealth_holding',
    filter: {
      and: [
        { or: [{ field: 'maturity_date', op: 'within', value: 'today' }, { field: 'maturity_date', op: 'within', value: { next: MATURITY_NOTICE_DAYS, unit: 'day' } }] },
        { field: 'renewal_opportunity', op: 'isNull', value: true },
      ],
    },
  },
  actions: [
    {
      id: 'open_renewal',
      type: 'createRecord',
      as: 'renewal',
      entity: 'opportunity',
      values: { customer: 'record.customer', product: '"wealth_management"', stage: '"qualified"', expected_amount: 'record.amount', close_date: 'record.maturity_date' },
    },
    { id: 'mark_holding', type: 'updateRecord', values: { renewal_opportunity: 'renewal.id' } },
    {
      id: 'tell_rm',
      type: 'notify',
      to: { owner: true },
      message: text('{product_name} matures on {maturity_date}: a renewal opportunity is open.', '{product_name} 将于 {maturity_date} 到期，已创建续作商机。'),
    },
  ],
};
