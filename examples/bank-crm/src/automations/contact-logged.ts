import type { AutomationDefinition } from '@bankforge/flow-engine';
import { text } from '../entities/labels.js';

/**
 * A visit, call or message logged on a customer stamps the customer's `last_contacted_at`: the
 * rules that wait for contact (the large-deposit rate interest) read it. Only contact of the last
 * 7 days counts, so a backlog of old visits typed in later does not look like fresh contact.
 */
export const contactLoggedAutomation: AutomationDefinition = {
  kind: 'automation',
  key: 'contact_logged',
  title: 'Stamp the customer’s last contact',
  label: text('Stamp the customer’s last contact', '更新客户最近联系时间'),
  description: text('A logged interaction of the last 7 days sets its customer’s last contacted time.', '记录近 7 天内的互动时，更新对应客户的最近联系时间。'),
  trigger: { type: 'record', entity: 'interaction', on: ['created'] },
  actions: [
    // The clock is the actions' to read (`now`), not the trigger's.
    { id: 'recent', type: 'condition', when: 'date and time(record.occurred_at) >= date and time(now) - duration("P7D")' },
    { id: 'stamp_customer', type: 'updateRecord', target: { entity: 'customer', id: 'record.customer' }, values: { last_contacted_at: 'record.occurred_at' } },
  ],
};
