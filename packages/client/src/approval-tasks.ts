import type { EntityDefinition, FieldDefinition, LocalizedText, SelectOption } from '@bankforge/data-model';

const text = (en: string, zh: string): LocalizedText => ({ en, 'zh-CN': zh });
const option = (value: string, en: string, zh: string): SelectOption => ({ value, label: text(en, zh) });

/** What a task is: a step of the flow, or the case back with its initiator to amend and resubmit. */
const KINDS = [
  option('approval', 'Approval step', '审批步骤'),
  option('rework', 'Returned to the initiator', '退回发起人修改'),
];

/** How a task closed (the engine's reasons); none while it is open. */
const OUTCOMES = [
  option('approved', 'Approved', '通过'),
  option('rejected', 'Rejected', '拒绝'),
  option('returned', 'Returned', '退回'),
  option('resubmitted', 'Resubmitted', '重新提交'),
  option('cancelled', 'Cancelled', '已取消'),
];

const field = (
  key: string,
  type: FieldDefinition['type'],
  label: LocalizedText,
  extra: Partial<FieldDefinition> = {},
): FieldDefinition => ({ id: `f_approval_task_${key}`, key, type, label, ...extra });

/**
 * Approval tasks as an entity (`approval_task`): one record per task of an approval flow (a step,
 * or a case returned to its initiator), which the server's flows write as the task opens, changes
 * hands and closes. The server defines and publishes it: roles grant reading, exporting and
 * reporting on it like any entity; its owner is who holds the task (who decided it, once
 * decided), so data scopes apply; nobody writes it through the API (403 `platformEntityReadOnly`),
 * and only the server changes its definition (403 `platformEntity`).
 *
 * The same rows are the stage history of the cases: the cases that reached a step are the
 * distinct `case_id`s of its tasks. The case's record is named by entity key and id in text
 * (`subject_entity`, `subject_id`): a reference field names one entity and a flow may be bound to
 * any, so a report cannot join from a task to its loan application.
 */
export const approvalTaskEntity: EntityDefinition = {
  kind: 'entity',
  key: 'approval_task',
  title: 'Approval task',
  label: text('Approval task', '审批任务'),
  pluralLabel: text('Approval tasks', '审批任务'),
  description:
    'Each task of the approval flows, from when it opened to when it was decided: written by the flows, read-only.',
  fields: [
    // The inbox's task id (`GET /api/tasks/{id}`).
    field('task_key', 'text', text('Task', '任务编号'), { required: true, unique: true, maxLength: 100 }),
    field('case_id', 'text', text('Case', '审批实例'), { required: true, indexed: true, maxLength: 64 }),
    field('flow_key', 'text', text('Flow', '流程'), { required: true, indexed: true, maxLength: 64 }),
    field('flow_version', 'integer', text('Flow version', '流程版本'), { required: true }),
    field('node_id', 'text', text('Step', '步骤'), { required: true, maxLength: 64 }),
    field('node_name', 'text', text('Step name (English)', '步骤名称（英文）'), { maxLength: 200 }),
    field('node_name_zh', 'text', text('Step name (Chinese)', '步骤名称（中文）'), { maxLength: 200 }),
    field('kind', 'singleSelect', text('Kind', '类型'), { required: true, options: KINDS }),
    field('subject_entity', 'text', text('Record type', '业务对象'), { maxLength: 64 }),
    field('subject_id', 'text', text('Record', '业务记录'), { indexed: true, maxLength: 64 }),
    field('opened_at', 'datetime', text('Opened', '创建时间'), { required: true, indexed: true }),
    field('due_at', 'datetime', text('Due', '期限')),
    field('completed_at', 'datetime', text('Closed', '办结时间')),
    field('outcome', 'singleSelect', text('Outcome', '处理结果'), { options: OUTCOMES }),
    field('business_days', 'decimal', text('Business days taken', '用时（工作日）'), {
      description:
        'Working time from opening to closing on the business calendar, in working days (none without a calendar).',
      precision: 10,
      scale: 2,
    }),
    field('on_time', 'boolean', text('On time', '按时完成'), {
      description:
        'Closed by its due time; false once overdue; empty while open and not yet due, or without a due time.',
    }),
  ],
};
