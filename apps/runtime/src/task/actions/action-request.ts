import type { ApprovalAction, TaskActionRequest } from '@bankforge/client';

/** What the action dialog holds as typed. */
export interface ActionInput {
  comment: string;
  /** `return`: the step to send the case back to (one of the task's return targets). */
  returnTo: string;
  /** `delegate`, `addApprover`: who (a username chosen in the people picker). */
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

/**
 * What a refusal of the person named on delegate or add approver means (the server answers the
 * engine's codes): the initiator (maker-checker), someone already on the task, or nobody active.
 */
export function personRefusal(action: ApprovalAction, code: string): 'initiator' | 'assignee' | 'unknown' | undefined {
  if (!needsUser(action)) return undefined;
  if (code === 'makerChecker') return 'initiator';
  if (code === 'invalidPayload') return 'assignee';
  return code === 'unknownPerson' ? 'unknown' : undefined;
}

/** The order the action buttons appear in, whatever order the server lists them. */
export const ACTION_ORDER: readonly ApprovalAction[] = ['approve', 'reject', 'return', 'delegate', 'addApprover', 'comment'];
