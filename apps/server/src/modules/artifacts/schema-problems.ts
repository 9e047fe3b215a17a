import type { ErrorObject } from 'ajv';
import type { ProblemFieldError } from '../../platform/problem/problem-error.js';
import { problemErrorsOf } from '../../platform/request-validation/request-schema.js';

interface Said {
  en: string;
  zh: string;
}

const limitOf = (error: ErrorObject | undefined): number | undefined => {
  const limit = (error?.params as { limit?: unknown } | undefined)?.limit;
  return typeof limit === 'number' ? limit : undefined;
};

/** What a schema rule says about the value at its path, in both languages; the path itself is the error's `path`. */
function said(problem: ProblemFieldError, error: ErrorObject | undefined): Said | undefined {
  const limit = limitOf(error);
  switch (problem.code) {
    case 'required':
      return { en: 'Required.', zh: '必填。' };
    case 'minLength':
      return limit === undefined || limit <= 1 ? { en: 'Must not be empty.', zh: '不能为空。' } : { en: `Must be at least ${limit} characters.`, zh: `至少需要 ${limit} 个字符。` };
    case 'maxLength':
      return limit === undefined ? { en: 'Too long.', zh: '太长。' } : { en: `Must be at most ${limit} characters.`, zh: `最多 ${limit} 个字符。` };
    case 'minimum':
      return limit === undefined ? undefined : { en: `Must be at least ${limit}.`, zh: `不能小于 ${limit}。` };
    case 'maximum':
      return limit === undefined ? undefined : { en: `Must be at most ${limit}.`, zh: `不能大于 ${limit}。` };
    case 'minItems':
      return limit === undefined ? undefined : { en: `Needs at least ${limit} ${limit === 1 ? 'item' : 'items'}.`, zh: `至少需要 ${limit} 项。` };
    case 'maxItems':
      return limit === undefined ? undefined : { en: `Takes at most ${limit} ${limit === 1 ? 'item' : 'items'}.`, zh: `最多 ${limit} 项。` };
    case 'type':
      return { en: 'Has the wrong type.', zh: '类型不正确。' };
    case 'pattern':
      return { en: 'Is not in the expected format.', zh: '格式不正确。' };
    case 'unknownField':
      return { en: 'Is not a known property.', zh: '不是可识别的属性。' };
    case 'option': {
      const allowed = problem.message.match(/must be one of (.*)$/)?.[1];
      return allowed ? { en: `Must be one of ${allowed}.`, zh: `须为以下之一：${allowed}。` } : { en: 'Is not one of the allowed values.', zh: '不是允许的取值。' };
    }
    default:
      return undefined;
  }
}

/**
 * An artifact's schema errors as the designers show them: beside the control at their path, so the
 * message says what is wrong in the reader's language (`messageZh`) without repeating the JSON Pointer
 * (the schema library's "/actions/0/message/en must NOT have fewer than 1 characters" reached analysts
 * as it was, in English only). Paths and codes stay as `problemErrorsOf` makes them: clients branch on those.
 */
export function artifactSchemaProblems(errors: readonly ErrorObject[]): ProblemFieldError[] {
  return problemErrorsOf(errors).map((problem) => {
    const error = errors.find((e) => e.instancePath === problem.path && (e.keyword === problem.code || (problem.code === 'option' && e.keyword === 'enum')));
    const text = said(problem, error);
    return text ? { ...problem, message: text.en, messageZh: text.zh } : { ...problem, messageZh: '此值无效。' };
  });
}
