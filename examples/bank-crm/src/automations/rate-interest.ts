import type { AutomationDefinition } from '@bankforge/flow-engine';
import { text } from '../entities/labels.js';
import { daysFromToday } from './feel.js';

/** Views of the large-deposit rates that show an interest. */
export const RATE_VIEWS_THRESHOLD = 3;

/**
 * The mobile app reports (`POST /api/automations/events/large_deposit_rate_views`, `{customer_no,
 * views}`) a customer looking at large-deposit rates again and again: the RM is told and a proposal
 * opened; if nobody has reached the customer 48 hours later, a rate-bonus coupon goes out.
 *
 * "Contact logged" is the customer's `last_contacted_at`, which a logged interaction stamps (the
 * `contact_logged` rule): an automation's condition reads the run's record, not the interactions.
 */
export const rateInterestAutomation: AutomationDefinition = {
  kind: 'automation',
  key: 'large_deposit_interest',
  title: 'Large-deposit rate interest',
  label: text('Large-deposit rate interest', '大额存单利率关注'),
  description: text(
    'A customer who viewed large-deposit rates more than 3 times: tell the RM and open a proposal; without contact in 48 hours, issue a rate-bonus coupon.',
    '客户查看大额存单利率超过 3 次：提醒客户经理并创建方案商机；48 小时内未联系则发放加息券。',
  ),
  trigger: {
    type: 'inbound',
    event: 'large_deposit_rate_views',
    entity: 'customer',
    match: { field: 'customer_no', value: 'payload.customer_no' },
    condition: `payload.views > ${RATE_VIEWS_THRESHOLD}`,
  },
  actions: [
    {
      id: 'tell_rm',
      type: 'notify',
      to: { owner: true },
      message: text('{name} keeps looking at large-deposit rates in the app: a proposal is open, please call within 48 hours.', '{name} 在手机银行多次查看大额存单利率，已创建方案商机，请在 48 小时内联系。'),
    },
    { id: 'open_proposal', type: 'createRecord', as: 'proposal', entity: 'opportunity', values: { customer: 'record.id', product: '"large_deposit"', stage: '"proposal"' } },
    { id: 'give_rm_48_hours', type: 'wait', duration: 'PT48H' },
    {
      id: 'not_contacted',
      type: 'condition',
      when: 'record.last_contacted_at = null or date and time(record.last_contacted_at) < date and time(now) - duration("PT48H")',
    },
    { id: 'issue_coupon', type: 'createRecord', as: 'coupon', entity: 'rate_coupon', values: { customer: 'record.id', bonus_rate: '0.2', valid_until: daysFromToday(30), status: '"issued"' } },
  ],
};
