/**
 * The complaint flow (投诉处理): a complaint ticket starts it by itself when logged; its category
 * routes it to a department's queue (every holder of the department's role), which has 2 business
 * days on the bank's calendar to resolve it; past that the task escalates to the service
 * supervisors. The flow owns the ticket's status and resolution time.
 */
import type { ApprovalNode, ApprovalTimeout, FlowDefinition, LocalizedText } from '@bankforge/flow-engine';

/** The complaint SLA: 2 business days, then the service supervisors. */
export const COMPLAINT_SLA: ApprovalTimeout = { duration: 'P2D', businessCalendar: true, action: 'escalate', escalateTo: { role: 'service_supervisor' } };

/** Category → the department role whose queue takes it; anything else goes to customer service. */
export const COMPLAINT_DEPARTMENTS = { card: 'card_center', loan: 'retail_credit' } as const;
export const DEFAULT_COMPLAINT_DEPARTMENT = 'customer_service';

function queue(id: string, role: string, name: LocalizedText): ApprovalNode {
  return { id, type: 'approval', name, assignees: [{ kind: 'role', role }], mode: 'single', actions: ['approve', 'delegate', 'comment'], timeout: COMPLAINT_SLA };
}

export const complaintHandlingFlow: FlowDefinition = {
  kind: 'flow',
  key: 'complaint_handling',
  title: 'Complaint handling',
  label: { en: 'Complaint handling', 'zh-CN': '投诉处理' },
  schemaVersion: 1,
  entity: 'complaint_ticket',
  description: 'Routes a complaint by category to its department, 2 business days to resolve, then escalates to the service supervisor. 投诉按类别派至部门，2 个工作日内处理，超时升级至服务主管。',
  record: {
    variables: { category: 'category' },
    controlledFields: ['status', 'resolved_at'],
    writes: { started: { status: '"open"' }, approved: { status: '"resolved"', resolved_at: 'at' }, withdrawn: { status: '"withdrawn"' } },
    startOn: { created: true },
  },
  variables: [{ name: 'category', type: 'string', required: true, label: { en: 'Category', 'zh-CN': '投诉类别' } }],
  nodes: [
    { id: 'start', type: 'start', name: { en: 'Complaint logged', 'zh-CN': '登记投诉' } },
    { id: 'route', type: 'branch', name: { en: 'Route by category', 'zh-CN': '按类别分派' } },
    queue('cardCenter', COMPLAINT_DEPARTMENTS.card, { en: 'Card center', 'zh-CN': '信用卡中心' }),
    queue('retailCredit', COMPLAINT_DEPARTMENTS.loan, { en: 'Retail credit', 'zh-CN': '个人信贷部' }),
    queue('customerService', DEFAULT_COMPLAINT_DEPARTMENT, { en: 'Customer service', 'zh-CN': '客户服务中心' }),
    { id: 'resolved', type: 'end', outcome: 'approved', name: { en: 'Resolved', 'zh-CN': '已解决' } },
  ],
  edges: [
    { id: 'toRoute', source: 'start', target: 'route' },
    { id: 'cards', source: 'route', target: 'cardCenter', condition: 'category = "card"', name: { en: 'Cards', 'zh-CN': '银行卡' } },
    { id: 'loans', source: 'route', target: 'retailCredit', condition: 'category = "loan"', name: { en: 'Loans', 'zh-CN': '贷款' } },
    { id: 'others', source: 'route', target: 'customerService', default: true, name: { en: 'Anything else', 'zh-CN': '其他' } },
    { id: 'cardResolved', source: 'cardCenter', target: 'resolved' },
    { id: 'creditResolved', source: 'retailCredit', target: 'resolved' },
    { id: 'serviceResolved', source: 'customerService', target: 'resolved' },
  ],
};
