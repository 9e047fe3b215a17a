import type { ErrorObject } from 'ajv';
import type { ProblemFieldError } from '../../platform/problem/problem-error.js';
import { ruleSaidAlone } from '../../platform/request-validation/bilingual-errors.js';
import { problemErrorsOf } from '../../platform/request-validation/request-schema.js';

const limitOf = (error: ErrorObject | undefined): number | undefined => {
  const limit = (error?.params as { limit?: unknown } | undefined)?.limit;
  return typeof limit === 'number' ? limit : undefined;
};

/**
 * An artifact's schema errors as the designers show them: beside the control at their path, so the
 * message says what is wrong in the reader's language (`messageZh`) without repeating the JSON Pointer
 * (the schema library's "/actions/0/message/en must NOT have fewer than 1 characters" reached analysts
 * as it was, in English only). Paths and codes stay as `problemErrorsOf` makes them: clients branch on those.
 */
export function artifactSchemaProblems(errors: readonly ErrorObject[]): ProblemFieldError[] {
  return problemErrorsOf(errors).map((problem) => {
    const error = errors.find((e) => e.instancePath === problem.path && (e.keyword === problem.code || (problem.code === 'option' && e.keyword === 'enum')));
    const text = ruleSaidAlone(problem.code, { limit: limitOf(error), allowed: problem.message.match(/must be one of (.*)$/)?.[1] });
    return text ? { ...problem, message: text.en, messageZh: text.zh } : { ...problem, messageZh: '此值无效。' };
  });
}
