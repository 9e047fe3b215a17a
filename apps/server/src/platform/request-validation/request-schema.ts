import { Ajv, type ErrorObject } from 'ajv';
import { ProblemError, type ProblemFieldError } from '../problem/problem-error.js';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });

const CODES: Record<string, string> = {
  required: 'required',
  additionalProperties: 'unknownField',
  type: 'type',
  enum: 'option',
  const: 'option',
  minLength: 'minLength',
  maxLength: 'maxLength',
  minimum: 'minimum',
  maximum: 'maximum',
  minItems: 'minItems',
  maxItems: 'maxItems',
  pattern: 'pattern',
};

export function problemErrorsOf(errors: readonly ErrorObject[]): ProblemFieldError[] {
  const seen = new Set<string>();
  const result: ProblemFieldError[] = [];
  for (const error of errors) {
    // anyOf/oneOf restate their branches' failures: the branch errors already say what is wrong.
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    let path = error.instancePath;
    if (error.keyword === 'required') path += `/${(error.params as { missingProperty: string }).missingProperty}`;
    if (error.keyword === 'additionalProperties') {
      path += `/${(error.params as { additionalProperty: string }).additionalProperty}`;
    }
    const code = CODES[error.keyword] ?? error.keyword;
    const message =
      error.keyword === 'additionalProperties'
        ? 'is not a known property'
        : error.keyword === 'enum'
          ? `must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`
          : (error.message ?? 'is invalid');
    const key = `${path}|${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    result.push({ path: path || '/', code, message: `${path || 'The body'} ${message}` });
  }
  return result;
}

/** A request-body check compiled once; answers the typed body or throws a 422 listing every problem. */
export function requestSchema<T>(schema: object, code = 'validationFailed'): (body: unknown) => T {
  const validate = ajv.compile(schema);
  return (body: unknown): T => {
    if (validate(body)) return body as T;
    throw ProblemError.invalid('The request is not valid.', problemErrorsOf(validate.errors ?? []), code);
  };
}
