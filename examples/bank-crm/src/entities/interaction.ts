import type { EntityDefinition } from '@bankforge/data-model';
import { option, text } from './labels.js';

export const INTERACTION_CHANNEL_OPTIONS = [
  option('visit', 'Visit', '上门拜访'),
  option('phone', 'Phone call', '电话'),
  option('wechat', 'WeChat', '微信'),
  option('email', 'Email', '电子邮件'),
  option('branch', 'At the branch', '网点面谈'),
];

/** A contact between the bank and a customer, logged by the RM: the 360° page's timeline shows it. */
export const interactionEntity: EntityDefinition = {
  kind: 'entity',
  key: 'interaction',
  title: 'Interaction',
  version: 1,
  label: text('Interaction', '客户互动'),
  pluralLabel: text('Interactions', '客户互动'),
  description: 'A visit, call, message or meeting with a customer, and what follows from it.',
  titleTemplate: '{summary}',
  fields: [
    {
      id: 'f_interaction_customer',
      key: 'customer',
      type: 'reference',
      label: text('Customer', '客户'),
      required: true,
      indexed: true,
      reference: { entity: 'customer' },
    },
    {
      id: 'f_interaction_channel',
      key: 'channel',
      type: 'singleSelect',
      label: text('Channel', '渠道'),
      required: true,
      options: INTERACTION_CHANNEL_OPTIONS,
    },
    {
      id: 'f_interaction_occurred_at',
      key: 'occurred_at',
      type: 'datetime',
      label: text('When', '时间'),
      required: true,
      indexed: true,
    },
    {
      id: 'f_interaction_summary',
      key: 'summary',
      type: 'text',
      label: text('Summary', '摘要'),
      required: true,
      maxLength: 200,
    },
    {
      id: 'f_interaction_follow_up_on',
      key: 'follow_up_on',
      type: 'date',
      label: text('Follow up on', '跟进日期'),
    },
  ],
};
