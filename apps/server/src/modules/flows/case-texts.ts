import type { CaseNotificationKind, CaseText } from '@bankforge/client';
import type { FlowDefinition, LocalizedText } from '@bankforge/flow-engine';

/** A node's or flow's name in both languages (the id stands in when a definition names none). */
export function textOf(text: LocalizedText | string | undefined, fallback: string): CaseText {
  if (text === undefined) return { en: fallback, 'zh-CN': fallback };
  if (typeof text === 'string') return { en: text, 'zh-CN': text };
  return { en: text.en ?? fallback, 'zh-CN': text['zh-CN'] ?? text.en ?? fallback };
}

export function flowName(flow: FlowDefinition): CaseText {
  return textOf(flow.label, flow.title);
}

export function nodeName(flow: FlowDefinition, nodeId: string): CaseText {
  const node = flow.nodes.find((n) => n.id === nodeId);
  return textOf(node?.name, nodeId);
}

const SUBJECT = (title: string | undefined): { en: string; zh: string } => (title ? { en: ` (${title})`, zh: `（${title}）` } : { en: '', zh: '' });

/** The one-line text of an in-app notification, in both languages. */
export function notificationText(kind: CaseNotificationKind, flow: CaseText, step: CaseText | undefined, recordTitle: string | undefined, detail?: string): CaseText {
  const s = SUBJECT(recordTitle);
  const stepEn = step?.en ?? '';
  const stepZh = step?.['zh-CN'] ?? stepEn;
  const flowZh = flow['zh-CN'] ?? flow.en;
  switch (kind) {
    case 'assigned':
      return { en: `${flow.en}: ${stepEn} is waiting for you${s.en}`, 'zh-CN': `${flowZh}：${stepZh}待您处理${s.zh}` };
    case 'remind':
      return { en: `Reminder: ${flow.en} – ${stepEn} is due${s.en}`, 'zh-CN': `提醒：${flowZh}·${stepZh}即将到期${s.zh}` };
    case 'urge':
      return { en: `The applicant asks you to act on ${flow.en} – ${stepEn}${s.en}`, 'zh-CN': `申请人催办：${flowZh}·${stepZh}${s.zh}` };
    case 'escalate':
      return { en: `Escalated to you: ${flow.en} – ${stepEn}${s.en}`, 'zh-CN': `已升级至您：${flowZh}·${stepZh}${s.zh}` };
    case 'returned':
      return { en: `${flow.en} was returned to you for changes${s.en}`, 'zh-CN': `${flowZh}已退回给您修改${s.zh}` };
    case 'outcome':
      return { en: `${flow.en} ended: ${outcomeEn(detail)}${s.en}`, 'zh-CN': `${flowZh}已结束：${outcomeZh(detail)}${s.zh}` };
    case 'cc':
      return { en: `For your information: ${flow.en} – ${stepEn}${s.en}`, 'zh-CN': `抄送：${flowZh}·${stepZh}${s.zh}` };
  }
}

const OUTCOMES: Record<string, [string, string]> = {
  approved: ['approved', '审批通过'],
  rejected: ['rejected', '已拒绝'],
  withdrawn: ['withdrawn', '已撤回'],
  cancelled: ['cancelled', '已取消'],
  failed: ['failed', '失败'],
  terminated: ['terminated', '已终止'],
};

function outcomeEn(outcome: string | undefined): string {
  return outcome ? (OUTCOMES[outcome]?.[0] ?? outcome) : 'ended';
}

function outcomeZh(outcome: string | undefined): string {
  return outcome ? (OUTCOMES[outcome]?.[1] ?? outcome) : '已结束';
}
