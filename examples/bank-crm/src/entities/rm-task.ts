import type { EntityDefinition } from '@bankforge/data-model';
import { option, text } from './labels.js';

export const RM_TASK_KIND_OPTIONS = [
  option('retention', 'Retention', '客户挽留', 'red'),
  option('follow_up', 'Service follow-up', '服务回访', 'orange'),
  option('contact', 'Contact the customer', '联系客户', 'blue'),
];

export const RM_TASK_STATUS_OPTIONS = [option('open', 'Open', '待办'), option('done', 'Done', '已完成'), option('cancelled', 'Cancelled', '已取消')];

/** A piece of work for the customer's RM with a deadline: a retention call, a follow-up on a low survey score. */
export const rmTaskEntity: EntityDefinition = {
  kind: 'entity',
  key: 'rm_task',
  title: 'RM task',
  version: 1,
  label: text('RM task', '客户经理任务'),
  pluralLabel: text('RM tasks', '客户经理任务'),
  description: "Work on a customer for their relationship manager, with a deadline; the bank's standing rules open most of them.",
  fields: [
    { id: 'f_rm_task_customer', key: 'customer', type: 'reference', label: text('Customer', '客户'), required: true, indexed: true, reference: { entity: 'customer' } },
    { id: 'f_rm_task_kind', key: 'kind', type: 'singleSelect', label: text('Kind', '任务类型'), required: true, indexed: true, options: RM_TASK_KIND_OPTIONS },
    { id: 'f_rm_task_subject', key: 'subject', type: 'text', label: text('Subject', '事项'), required: true, maxLength: 200 },
    { id: 'f_rm_task_due', key: 'due_on', type: 'date', label: text('Due on', '截止日期'), required: true, indexed: true },
    { id: 'f_rm_task_status', key: 'status', type: 'singleSelect', label: text('Status', '状态'), required: true, indexed: true, options: RM_TASK_STATUS_OPTIONS, default: 'open' },
  ],
};
