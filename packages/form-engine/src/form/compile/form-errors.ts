import type { FieldError } from '@bankforge/data-model';

/** The codes of the publish-time problems `compileForm` reports. */
export const FORM_ERROR_CODES = [
  'unknownEntity',
  'unknownField',
  'duplicateField',
  'duplicateNodeId',
  'duplicateKey',
  'invalidForeignKey',
  'widgetMismatch',
  'feelSyntax',
  'unsupportedPattern',
  'unknownName',
  'dependencyCycle',
  'computedRequired',
  'requiredFieldHidden',
] as const;
export type FormErrorCode = (typeof FORM_ERROR_CODES)[number];

export function formError(path: string, code: FormErrorCode, message: string, messageZh: string): FieldError {
  return { path, code, message, messageZh };
}
