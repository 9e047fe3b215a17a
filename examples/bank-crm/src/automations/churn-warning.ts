import type { AutomationAction, AutomationDefinition } from '@bankforge/flow-engine';
import { text } from '../entities/labels.js';
import { daysFromToday } from './feel.js';

/** Days without a transaction that count as three quiet months. */
export const QUIET_DAYS = 90;
/** A service score (1 to 5) below this is a churn warning. */
export const LOW_SERVICE_SCORE = 4;
/** Days the RM has for a retention call. */
export const RETENTION_DAYS = 5;

/** Tag, task, word to the RM: what either warning does. */
const retention = (reason: { en: string; zh: string }): AutomationAction[] => [
  { id: 'tag_churn_risk', type: 'setTags', field: 'tags', add: ['churn_risk'] },
  {
    id: 'open_retention_task',
    type: 'createRecord',
    as: 'task',
    entity: 'rm_task',
    values: { customer: 'record.id', kind: '"retention"', subject: JSON.stringify(`${reason.en} / ${reason.zh}`), due_on: daysFromToday(RETENTION_DAYS), status: '"open"' },
  },
  {
    id: 'tell_rm',
    type: 'notify',
    to: { owner: true },
    message: text(`{name} is at risk of leaving (${reason.en}): a retention task is due in ${RETENTION_DAYS} days.`, `{name} 存在流失风险（${reason.zh}），挽留任务 ${RETENTION_DAYS} 天内到期。`),
  },
];

/**
 * No transaction for three months: every morning, customers whose last transaction is more than 90
 * days old and who are not already marked. The tag is what keeps a customer from a second task.
 */
export const churnQuietAutomation: AutomationDefinition = {
  kind: 'automation',
  key: 'churn_no_transactions',
  title: 'Churn risk after three months without a transaction',
  label: text('Churn risk after three months without a transaction', '三个月无交易：流失预警'),
  description: text('Every morning: a customer with no transaction for 90 days is tagged churn risk and their RM gets a retention task.', '每天早上：90 天无交易的客户标记流失风险，并为客户经理创建挽留任务。'),
  trigger: {
    type: 'schedule',
    every: 'day',
    at: '07:00',
    timeZone: 'Asia/Shanghai',
    entity: 'customer',
    filter: {
      and: [
        // A customer the core has never reported a transaction for is not known to be quiet.
        { field: 'last_transaction_on', op: 'isNull', value: false },
        { not: { field: 'last_transaction_on', op: 'within', value: { last: QUIET_DAYS, unit: 'day' } } },
        { not: { field: 'tags', op: 'contains', value: 'churn_risk' } },
      ],
    },
  },
  actions: retention({ en: 'no transaction for three months', zh: '连续三个月无交易' }),
};

/** A service score below 4, as the survey system writes it back: the same retention, at once. */
export const churnServiceScoreAutomation: AutomationDefinition = {
  kind: 'automation',
  key: 'churn_low_service_score',
  title: 'Churn risk on a low service score',
  label: text('Churn risk on a low service score', '服务评分过低：流失预警'),
  description: text('A service score below 4 tags the customer churn risk and gives their RM a retention task.', '服务评分低于 4 分时标记流失风险，并为客户经理创建挽留任务。'),
  trigger: {
    type: 'record',
    entity: 'customer',
    on: ['updated'],
    condition: `list contains(changed, "service_score") and new.service_score < ${LOW_SERVICE_SCORE} and not(list contains(if new.tags = null then [] else new.tags, "churn_risk"))`,
  },
  actions: retention({ en: 'a low service score', zh: '服务评分过低' }),
};
