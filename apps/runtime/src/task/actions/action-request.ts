import type { ApprovalAction, CaseText, CaseTrailEntry, TaskActionRequest } from '@bankforge/client';

/** What the action dialog holds as typed. */
export interface ActionInput {
  comment: string;
  /** `return`: the step to send the case back to; `''` for the one before. */
  returnTo: string;
  /** `delegate`, `addApprover`: who. */
  userId: string;
  position: 'before' | 'after';
}

export const EMPTY_INPUT: ActionInput = { comment: '', returnTo: '', userId: '', position: 'after' };

/** What the dialog asks for a comment: optional, a reason (reject, return), or the comment itself. */
export function commentKind(action: ApprovalAction): 'optional' | 'reason' | 'comment' {
  if (action === 'reject' || action === 'return') return 'reason';
  return action === 'comment' ? 'comment' : 'optional';
}

/** Whether the action names a person. */
export function needsUser(action: ApprovalAction): boolean {
  return action === 'delegate' || action === 'addApprover';
}

export type ActionCheck =
  | { ok: true; request: TaskActionRequest }
  | { ok: false; field: 'comment' | 'userId'; error: 'reasonRequired' | 'commentRequired' | 'userRequired' };

/**
 * The request an action sends, or what is missing: a reason to reject or return, the comment of
 * a comment, the person to delegate to or to add. Editable fields are the approve button's to add.
 */
export function actionRequest(action: ApprovalAction, input: ActionInput): ActionCheck {
  const comment = input.comment.trim();
  const userId = input.userId.trim();
  const kind = commentKind(action);
  if (comment === '' && kind !== 'optional') return { ok: false, field: 'comment', error: kind === 'reason' ? 'reasonRequired' : 'commentRequired' };
  if (needsUser(action) && userId === '') return { ok: false, field: 'userId', error: 'userRequired' };
  const request: TaskActionRequest = comment === '' ? {} : { comment };
  if (action === 'return' && input.returnTo !== '') request.returnToNodeId = input.returnTo;
  if (action === 'delegate') request.delegateTo = userId;
  if (action === 'addApprover') request.addApprover = { userId, position: input.position };
  return { ok: true, request };
}

/** The steps a case went through before the current one, from its trail, each once, oldest first: where a return may send it. */
export function earlierSteps(trail: readonly CaseTrailEntry[], currentNodeId: string): { nodeId: string; name: CaseText }[] {
  const steps: { nodeId: string; name: CaseText }[] = [];
  for (const entry of trail) {
    if (entry.nodeId === undefined || entry.nodeName === undefined || entry.nodeId === currentNodeId) continue;
    if (!steps.some((step) => step.nodeId === entry.nodeId)) steps.push({ nodeId: entry.nodeId, name: entry.nodeName });
  }
  return steps;
}

/** The order the action buttons appear in, whatever order the server lists them. */
export const ACTION_ORDER: readonly ApprovalAction[] = ['approve', 'reject', 'return', 'delegate', 'addApprover', 'comment'];
