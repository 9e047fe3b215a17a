import { parseDateTime, type EvaluateOptions, type FeelValue, type FeelVariables } from '@bankforge/rule-engine';
import type { Rule } from '../compile/form-plan.js';

/** FEEL evaluation options from the model's options (the current time for `now()` and `today()`). */
export function evaluateOptions(now: string | undefined): EvaluateOptions {
  const at = now === undefined ? null : parseDateTime(now);
  return at === null ? {} : { now: at };
}

/**
 * A rule's value. FEEL reports problems as warnings with a null result; the one thing it throws,
 * an exhausted step budget, also counts as null here: a form rule must never break the form.
 */
export function runRule(rule: Rule, variables: FeelVariables, options: EvaluateOptions): FeelValue {
  try {
    return rule.expression.evaluate(variables, options).value;
  } catch {
    return null;
  }
}
