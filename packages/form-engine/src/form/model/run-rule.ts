import { EvaluationBudgetExceeded, parseDateTime, type EvaluateOptions, type FeelValue, type FeelVariables } from '@bankforge/rule-engine';
import type { Rule } from '../compile/form-plan.js';
import type { FormModelOptions } from '../form-model-api.js';

/** FEEL evaluation options from the model's options: the current time for `now()` and `today()`, the step budget. */
export function evaluateOptions(now: string | undefined, budget?: FormModelOptions['budget']): EvaluateOptions {
  const options: EvaluateOptions = {};
  const at = now === undefined ? null : parseDateTime(now);
  if (at !== null) options.now = at;
  if (budget?.steps !== undefined) options.stepBudget = budget.steps;
  return options;
}

/**
 * A rule's value. FEEL reports problems as warnings with a null result; the one thing it throws,
 * an exhausted budget, also counts as null here (a form rule must never break the form), and is
 * reported to `stopped` so the model can show it as an error: a rule that could not be decided
 * must not pass silently.
 */
export function runRule(rule: Rule, variables: FeelVariables, options: EvaluateOptions, stopped: (e: EvaluationBudgetExceeded) => void): FeelValue {
  try {
    return rule.expression.evaluate(variables, options).value;
  } catch (e) {
    if (e instanceof EvaluationBudgetExceeded) stopped(e);
    return null;
  }
}
