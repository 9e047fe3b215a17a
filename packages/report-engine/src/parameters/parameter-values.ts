import {
  canonicalDatetime,
  isIsoDate,
  type FilterContext,
  type IssueSink,
  type ValueType,
} from '@bankforge/data-model';
import type { ParameterType, ReportIssue, ReportParameter } from '../artifact/report-definition.js';

/** A parameter value after validation: text, number, boolean, ISO date, ISO instant, or a list of them. */
export type ParameterValue = string | number | boolean | (string | number | boolean)[];

export interface ResolvedParameters {
  values: Map<string, ParameterValue>;
  issues: ReportIssue[];
}

function single(
  definition: ReportParameter,
  value: unknown,
  path: string,
  issues: ReportIssue[],
): string | number | boolean | undefined {
  const bad = (code: string, message: string): undefined => {
    issues.push({ path, code, message: `${definition.key}: ${message}` });
    return undefined;
  };
  let result: string | number | boolean | undefined;
  switch (definition.type) {
    case 'text':
      result = typeof value === 'string' && value.length <= 4000 ? value : bad('type', 'must be text');
      break;
    case 'select':
      if (typeof value !== 'string') return bad('type', 'must be one of the options');
      result =
        definition.options && !definition.options.includes(value)
          ? bad('option', `must be one of ${definition.options.join(', ')}`)
          : value;
      break;
    case 'number':
      result = typeof value === 'number' && Number.isFinite(value) ? value : bad('type', 'must be a number');
      break;
    case 'integer':
      result =
        typeof value === 'number' && Number.isSafeInteger(value) ? value : bad('type', 'must be an integer');
      break;
    case 'boolean':
      result = typeof value === 'boolean' ? value : bad('type', 'must be true or false');
      break;
    case 'date':
      result =
        typeof value === 'string' && isIsoDate(value) ? value : bad('type', 'must be a date (YYYY-MM-DD)');
      break;
    case 'datetime':
      result =
        (typeof value === 'string' ? canonicalDatetime(value) : undefined) ??
        bad('type', 'must be an ISO 8601 date-time');
      break;
  }
  if (result === undefined || typeof result === 'boolean') return result;
  if (definition.min !== undefined && result < definition.min)
    return bad('minimum', `must be at least ${definition.min}`);
  if (definition.max !== undefined && result > definition.max)
    return bad('maximum', `must be at most ${definition.max}`);
  return result;
}

/**
 * Checks the values a user filled in against the report's parameters: unknown names, missing
 * required ones, types, options and bounds, each addressed as `/parameters/<key>`. Defaults fill
 * the gaps; a parameter left empty drops the filter conditions that use it.
 */
export function resolveParameters(
  definitions: readonly ReportParameter[] | undefined,
  input: unknown,
): ResolvedParameters {
  const issues: ReportIssue[] = [];
  const values = new Map<string, ParameterValue>();
  const given = input ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) {
    return {
      values,
      issues: [{ path: '/parameters', code: 'type', message: 'parameters must be an object' }],
    };
  }
  const byKey = new Map((definitions ?? []).map((d) => [d.key, d]));
  for (const key of Object.keys(given)) {
    if (!byKey.has(key))
      issues.push({
        path: `/parameters/${key}`,
        code: 'unknownParameter',
        message: `${key} is not a parameter of this report`,
      });
  }
  for (const definition of definitions ?? []) {
    const path = `/parameters/${definition.key}`;
    const raw = Object.hasOwn(given, definition.key)
      ? (given as Record<string, unknown>)[definition.key]
      : undefined;
    const value = raw === undefined || raw === null ? definition.default : raw;
    if (value === undefined || value === null) {
      if (definition.required)
        issues.push({ path, code: 'required', message: `${definition.key} is required` });
      continue;
    }
    if (definition.multiple) {
      if (!Array.isArray(value) || value.length === 0 || value.length > 1000) {
        issues.push({ path, code: 'type', message: `${definition.key}: must be a list of 1 to 1000 values` });
        continue;
      }
      const items = value.map((v, i) => single(definition, v, `${path}/${i}`, issues));
      if (items.every((v) => v !== undefined))
        values.set(definition.key, items as (string | number | boolean)[]);
      continue;
    }
    const item = single(definition, value, path, issues);
    if (item !== undefined) values.set(definition.key, item);
  }
  return { values, issues };
}

/** Which parameter types may feed a field of each type. */
const PARAMETER_TYPES: Record<ValueType, readonly ParameterType[]> = {
  text: ['text', 'select'],
  integer: ['integer', 'number'],
  decimal: ['number', 'integer'],
  boolean: ['boolean'],
  date: ['date'],
  datetime: ['datetime'],
  multi: ['text', 'select'],
  json: [],
};

/**
 * What a filter's `{param: key}` stands for (the filter compiler's `parameterValue`): the value
 * filled in; nothing, so that the condition drops out, when the parameter was left empty, or after
 * reporting one the report does not declare or whose type the field cannot be compared with.
 */
export function parameterValueOf(
  definitions: readonly ReportParameter[] | undefined,
  values: ReadonlyMap<string, ParameterValue>,
  issue: IssueSink,
): NonNullable<FilterContext['parameterValue']> {
  const byKey = new Map((definitions ?? []).map((d) => [d.key, d]));
  return (key, type, issuePath) => {
    const declared = typeof key === 'string' ? byKey.get(key) : undefined;
    if (!declared) {
      issue(issuePath, 'unknownParameter', `${String(key)} is not a parameter of this report`);
      return undefined;
    }
    if (!PARAMETER_TYPES[type].includes(declared.type)) {
      issue(
        issuePath,
        'typeMismatch',
        `parameter ${declared.key} (${declared.type}) cannot be compared with a ${type} field`,
      );
      return undefined;
    }
    return values.has(declared.key) ? { value: values.get(declared.key) } : undefined;
  };
}
