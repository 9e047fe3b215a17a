import { performance } from 'node:perf_hooks';
import { isBudgetExceededError, type BudgetExceededError, type FormEvaluationBudget } from '@bankforge/form-engine';
import type { ServerConfig } from '../../platform/config/server-config.js';
import { ProblemError, type ProblemFieldError } from '../../platform/problem/problem-error.js';

export const DEFAULT_FEEL_MAX_STEPS = 1_000_000;
export const DEFAULT_FEEL_MAX_MS = 200;

/**
 * What the server lets FEEL spend on a request, so that one analyst's expression cannot stall the
 * event loop for everyone: `steps` per expression, and `milliseconds` for all the rules of one
 * form check (each form model the write builds), on the process's monotonic clock.
 */
export class FeelBudget {
  constructor(
    readonly steps: number = DEFAULT_FEEL_MAX_STEPS,
    readonly milliseconds: number = DEFAULT_FEEL_MAX_MS,
  ) {}

  static of(config: Pick<ServerConfig, 'feelMaxSteps' | 'feelMaxMilliseconds'>): FeelBudget {
    return new FeelBudget(config.feelMaxSteps ?? DEFAULT_FEEL_MAX_STEPS, config.feelMaxMilliseconds ?? DEFAULT_FEEL_MAX_MS);
  }

  /** The form model's budget. */
  forForms(): FormEvaluationBudget {
    return { steps: this.steps, milliseconds: this.milliseconds, clock: () => performance.now() };
  }
}

/**
 * The 422 for a form check's errors: `expressionBudgetExceeded` when a rule was stopped by the
 * budget (the values could not be judged: its errors name the field or cell it decides, and
 * `expressions` where the rules are in the form), else `fallback`'s code with every error.
 */
export function formProblem(detail: string, errors: readonly ProblemFieldError[], fallback = 'validationFailed'): ProblemError {
  const stopped: (ProblemFieldError & { expression?: string })[] = errors.filter((e) => isBudgetExceededError(e as BudgetExceededError));
  if (stopped.length === 0) return ProblemError.invalid(detail, errors, fallback);
  // a row's own check answers already as a problem: its errors no longer carry the expression
  const expressions = [...new Set(stopped.flatMap((e) => (e.expression === undefined ? [] : [e.expression])))];
  return new ProblemError(
    422,
    'expressionBudgetExceeded',
    `A rule of the form ran past its evaluation budget and was stopped, so the values cannot be checked: ${expressions.join(', ')}. Ask the form's designer to simplify it.`,
    stopped.map((e) => ({ path: e.path, code: e.code, message: e.message, messageZh: e.messageZh })),
    { expressions },
  );
}
