import type { DecisionBacktestRequest, DecisionEvaluateRequest } from '@bankforge/client';
import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import { ProblemError } from '../../platform/problem/problem-error.js';
import { requestSchema } from '../../platform/request-validation/request-schema.js';

export const MAX_EVALUATION_PAGE = 500;
export const DEFAULT_BACKTEST = 1000;
export const MAX_BACKTEST = 10_000;

export const evaluateSchema = {
  type: 'object',
  required: ['inputs'],
  additionalProperties: false,
  properties: { inputs: { type: 'object', maxProperties: 500, description: 'Input data values by name, as JSON (a number also as decimal text)' } },
};

export const backtestSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    document: { type: 'object', description: 'A draft decision artifact of this key; default: the saved draft' },
    limit: { type: 'integer', minimum: 1, maximum: MAX_BACKTEST, description: `How many of the latest evaluations to replay (default ${DEFAULT_BACKTEST})` },
  },
};

export const parseEvaluate = requestSchema<DecisionEvaluateRequest>(evaluateSchema);
export const parseBacktest = requestSchema<DecisionBacktestRequest>(backtestSchema);

const KEY = new RegExp(IDENTIFIER_PATTERN);

export function parseDecisionKey(key: string): string {
  if (KEY.test(key)) return key;
  throw ProblemError.notFound('decisionNotFound', `There is no published decision ${key}.`);
}

/** A positive whole number from the query string, or undefined when absent. */
export function parseCount(value: string | undefined, name: string, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > max) {
    throw ProblemError.badRequest('invalidParameter', `${name} must be a whole number from 1 to ${max}.`, [{ path: name, code: 'type', message: `${name} must be a whole number from 1 to ${max}` }]);
  }
  return n;
}

export function parseFlag(value: string | undefined, name: string): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw ProblemError.badRequest('invalidParameter', `${name} is true or false.`, [{ path: name, code: 'type', message: `${name} is true or false` }]);
}
