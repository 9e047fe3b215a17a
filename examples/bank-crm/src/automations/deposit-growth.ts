import type { AutomationDefinition } from '@bankforge/flow-engine';
import { text } from '../entities/labels.js';
import { daysFromToday } from './feel.js';

/** Deposit growth a month must beat to count (CNY). */
export const STRONG_DEPOSIT_GROWTH = 20_000;
/** Consecutive strong months that make a customer high-potential. */
export const STRONG_GROWTH_MONTHS = 3;

/**
 * "Deposits grow by more than 20,000 in each of 3 consecutive months": tag high-potential, tell the
 * RM, offer a wealth product.
 *
 * A rule's FEEL sees one record, not a query over month-end snapshots, and the snapshots are per
 * account while the rule is per customer. So the month-end close, which already loads the
 * snapshots, also writes the customer's month's deposit growth (`monthly_deposit_growth`, the sum of
 * the snapshots' changes), and this automation keeps the running count of strong months on the
 * customer. The offer goes out on the third strong month exactly: a fourth does not offer again,
 * and a weak month starts the count over.
 */
export const depositGrowthAutomation: AutomationDefinition = {
  kind: 'automation',
  key: 'deposit_growth_high_potential',
  title: 'High potential on three months of deposit growth',
  label: text('High potential on three months of deposit growth', '存款连续三个月增长：高潜力客户'),
  description: text(
    'When the month-end close records deposit growth above 20,000 for the third month running: tag the customer high-potential, tell the RM and open a wealth-product opportunity.',
    '月末结算连续第三个月记录存款增量超过 2 万元时：标记高潜力客户、提醒客户经理并创建理财产品商机。',
  ),
  trigger: { type: 'record', entity: 'customer', on: ['updated'], condition: 'list contains(changed, "monthly_deposit_growth")' },
  actions: [
    {
      id: 'count_strong_months',
      type: 'updateRecord',
      values: {
        deposit_growth_streak: `if new.monthly_deposit_growth != null and number(new.monthly_deposit_growth.amount) > ${STRONG_DEPOSIT_GROWTH} then (if record.deposit_growth_streak = null then 0 else record.deposit_growth_streak) + 1 else 0`,
      },
    },
    { id: 'third_strong_month', type: 'condition', when: `record.deposit_growth_streak = ${STRONG_GROWTH_MONTHS}` },
    { id: 'tag_high_potential', type: 'setTags', field: 'tags', add: ['high_potential'] },
    {
      id: 'tell_rm',
      type: 'notify',
      to: { owner: true },
      message: text('{name}: deposits grew by more than 20,000 three months running. A wealth-product opportunity is open.', '{name}：存款连续三个月增长超过 2 万元，已创建理财产品商机。'),
    },
    {
      id: 'offer_wealth_product',
      type: 'createRecord',
      as: 'offer',
      entity: 'opportunity',
      values: { customer: 'record.id', product: '"wealth_management"', stage: '"lead"', close_date: daysFromToday(30) },
    },
  ],
};
