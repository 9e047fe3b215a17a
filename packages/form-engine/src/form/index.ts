// The form artifact, its analysis (compileForm) and the form model, for the package's entry points.
export * from './form-definition.js';
export type * from './form-model-api.js';
export { compileForm, type CompileFormOptions } from './compile-form.js';
export { FORM_ERROR_CODES, type FormErrorCode } from './compile/form-errors.js';
export { WIDGETS_FOR_FIELD_TYPE, widgetFits } from './compile/widgets.js';
export { FormModel } from './form-model.js';
export { FORM_MODEL_ERROR_CODES, isBudgetExceededError, type BudgetExceededError, type FormModelErrorCode } from './model/model-errors.js';
export { evaluateSubmission, type Submission, type SubmissionResult } from './submission/evaluate-submission.js';
