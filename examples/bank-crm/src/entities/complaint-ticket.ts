import type { EntityDefinition } from '@bankforge/data-model';
import { option, text } from './labels.js';

/** What a complaint is about: it decides the department whose queue the ticket goes to. */
export const COMPLAINT_CATEGORY_OPTIONS = [
  option('card', 'Cards', '银行卡'),
  option('loan', 'Loans', '贷款'),
  option('deposit', 'Deposits', '存款'),
  option('wealth', 'Wealth products', '理财产品'),
  option('service', 'Branch service', '网点服务'),
];

export const COMPLAINT_STATUS_OPTIONS = [option('open', 'Open', '处理中'), option('resolved', 'Resolved', '已解决'), option('withdrawn', 'Withdrawn', '已撤回')];

/**
 * A customer's complaint as a ticket (投诉工单): logged by the RM or the branch, handled by the
 * department its category names within 2 business days (the complaint flow), then surveyed (NPS).
 */
export const complaintTicketEntity: EntityDefinition = {
  kind: 'entity',
  key: 'complaint_ticket',
  title: 'Complaint ticket',
  version: 1,
  label: text('Complaint ticket', '投诉工单'),
  pluralLabel: text('Complaint tickets', '投诉工单'),
  description: 'A complaint routed to a department with a deadline, and how satisfied the customer was afterwards.',
  fields: [
    { id: 'f_complaint_customer', key: 'customer', type: 'reference', label: text('Customer', '客户'), required: true, indexed: true, reference: { entity: 'customer' } },
    { id: 'f_complaint_category', key: 'category', type: 'singleSelect', label: text('Category', '投诉类别'), required: true, indexed: true, options: COMPLAINT_CATEGORY_OPTIONS },
    { id: 'f_complaint_summary', key: 'summary', type: 'text', label: text('Summary', '投诉摘要'), required: true, maxLength: 200 },
    { id: 'f_complaint_details', key: 'details', type: 'longText', label: text('Details', '详细情况'), maxLength: 4000 },
    // The complaint flow's to write: open when the ticket is raised, resolved when the department closes it.
    { id: 'f_complaint_status', key: 'status', type: 'singleSelect', label: text('Status', '状态'), indexed: true, options: COMPLAINT_STATUS_OPTIONS },
    { id: 'f_complaint_resolved_at', key: 'resolved_at', type: 'datetime', label: text('Resolved at', '解决时间') },
    // The satisfaction survey's answer (0 to 10): 6 or less asks the RM to follow up.
    { id: 'f_complaint_nps', key: 'nps_score', type: 'integer', label: text('NPS score', '净推荐值评分'), min: 0, max: 10 },
  ],
};
