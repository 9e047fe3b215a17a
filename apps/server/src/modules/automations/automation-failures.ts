import type { AutomationStepCode, AutomationStepMessage } from '@bankforge/client';
import { EvaluationBudgetExceeded, FeelSyntaxError } from '@bankforge/rule-engine';
import { failureReason } from '../../platform/problem/failure-reason.js';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { stepSaid, type Said } from './automation-step-messages.js';

/** An action's failure said as a code and values: thrown by the actions where they know why. */
export class AutomationFailure extends Error {
  readonly said: Said;

  constructor(code: AutomationStepCode, params: AutomationStepMessage['params'] = {}) {
    const said = stepSaid(code, params);
    super(said.detail);
    this.name = 'AutomationFailure';
    this.said = said;
  }
}

/**
 * A failure as a run keeps it: a code and its values, and the same in English. A refused write is
 * its problem's code and field paths, an unforeseen error its system code or class: never a value.
 */
export function failureSaid(error: unknown): Said {
  if (error instanceof AutomationFailure) return error.said;
  if (error instanceof ProblemError) {
    const fields = (error.errors ?? []).map((e) => `${e.path} ${e.code}`).join(', ');
    return stepSaid('recordRefused', { problem: error.code, fields });
  }
  if (error instanceof FeelSyntaxError || error instanceof EvaluationBudgetExceeded) return stepSaid('expressionFailed', { reason: error.message.slice(0, 300) });
  // An unforeseen error by its system code or class, never its message: a driver's may quote a value.
  return stepSaid('actionFailed', { reason: failureReason(error).slice(0, 200) });
}

/** After the last attempt: the run fails, naming the cause's code and values. */
export function retriesExhausted(attempts: number, cause: Said): Said {
  return stepSaid('retriesExhausted', { ...cause.message.params, attempts, cause: cause.message.code });
}
