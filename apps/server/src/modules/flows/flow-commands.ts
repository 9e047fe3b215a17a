import { FlowCommandError, type FlowCommandErrorCode } from '@bankforge/flow-engine';
import { ProblemError } from '../../platform/problem/problem-error.js';

/** How each refusal of the engine answers over HTTP: the engine's code is the problem's code. */
const STATUS: Record<FlowCommandErrorCode, number> = {
  invalidPayload: 422,
  notStarted: 409,
  alreadyStarted: 409,
  instanceEnded: 409,
  // Another approver acted first (or the task was withdrawn): the reader's view is stale.
  taskNotOpen: 409,
  notAssignee: 403,
  makerChecker: 403,
  alreadyApproved: 409,
  actionNotAllowed: 422,
  invalidReturnTarget: 422,
  notInitiator: 403,
  withdrawNotAllowed: 409,
  notYourTurn: 409,
  notAuthorized: 403,
  unknownTimer: 404,
  unknownCall: 404,
  definitionMismatch: 409,
};

const MESSAGES_ZH: Record<FlowCommandErrorCode, string> = {
  invalidPayload: '请求不符合该步骤的要求',
  notStarted: '该申请尚未发起',
  alreadyStarted: '该申请已发起',
  unknownTimer: '该定时器已不存在',
  unknownCall: '该调用已不存在',
  definitionMismatch: '该申请所用的流程版本不匹配',
  taskNotOpen: '该任务已由他人处理或已关闭',
  notAssignee: '您不是该任务的处理人',
  makerChecker: '发起人不能审批自己的申请',
  alreadyApproved: '您已在本案中审批过',
  actionNotAllowed: '该环节不允许此操作',
  invalidReturnTarget: '不能退回到该环节',
  notInitiator: '只有发起人可以执行此操作',
  withdrawNotAllowed: '已有人处理，不能撤回',
  notYourTurn: '尚未轮到您处理',
  notAuthorized: '您无权执行此操作',
  instanceEnded: '该申请已结束',
};

/** The problem an engine refusal answers with (a rejected command changes nothing). */
export function problemOf(error: FlowCommandError): ProblemError {
  return new ProblemError(STATUS[error.code] ?? 422, error.code, error.message, undefined, { messageZh: MESSAGES_ZH[error.code], ...(error.details ?? {}) });
}

export function isFlowCommandError(error: unknown): error is FlowCommandError {
  return error instanceof FlowCommandError;
}
