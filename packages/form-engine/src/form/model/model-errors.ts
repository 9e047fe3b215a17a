import type { FieldError, LocalizedText } from '@bankforge/data-model';

/** The codes of the errors a form model or a submission reports (besides the type checks' codes). */
export const FORM_MODEL_ERROR_CODES = ['required', 'validation', 'minRows', 'maxRows', 'fieldHidden', 'fieldReadonly', 'expressionBudgetExceeded'] as const;
export type FormModelErrorCode = (typeof FORM_MODEL_ERROR_CODES)[number];

export const requiredError = (path: string): FieldError => ({ path, code: 'required', message: 'Required', messageZh: '必填' });

export const validationError = (path: string, message: LocalizedText): FieldError => ({
  path,
  code: 'validation',
  message: message.en,
  messageZh: message['zh-CN'],
});

export const minRowsError = (path: string, min: number): FieldError => ({
  path,
  code: 'minRows',
  message: `Add at least ${min} row${min === 1 ? '' : 's'}`,
  messageZh: `至少需要 ${min} 行`,
});

export const maxRowsError = (path: string, max: number): FieldError => ({
  path,
  code: 'maxRows',
  message: `No more than ${max} row${max === 1 ? '' : 's'}`,
  messageZh: `最多 ${max} 行`,
});

export const fieldHiddenError = (path: string): FieldError => ({
  path,
  code: 'fieldHidden',
  message: 'This field is hidden by the form and cannot be set',
  messageZh: '该字段已被表单隐藏，不能填写',
});

export const fieldReadonlyError = (path: string): FieldError => ({
  path,
  code: 'fieldReadonly',
  message: 'This field is read-only and cannot be changed',
  messageZh: '该字段为只读，不能修改',
});

/** A rule the evaluation budget stopped: `path` is what it decides (a field, a row's cell, '' for the form), `expression` where it is in the form. */
export interface BudgetExceededError extends FieldError {
  code: 'expressionBudgetExceeded';
  /** The JSON Pointer of the expression in the form document (`/validations/0/expression`). */
  expression: string;
  resource: 'steps' | 'time';
}

export const budgetExceededError = (path: string, expression: string, resource: 'steps' | 'time'): BudgetExceededError => ({
  path,
  code: 'expressionBudgetExceeded',
  message: `The rule at ${expression} was stopped: it ran past its ${resource === 'time' ? 'time' : 'step'} budget`,
  messageZh: `${expression} 处的规则超出${resource === 'time' ? '时间' : '步数'}预算，已被停止`,
  expression,
  resource,
});

export const isBudgetExceededError = (error: FieldError): error is BudgetExceededError => error.code === 'expressionBudgetExceeded';
