/**
 * The one place where the compiler meets the value operations and the built-in library written
 * in `src/feel/values/**` and `src/feel/builtins/**`: a change of signature there is absorbed here.
 */
import { add, compare, divide, feelEquals, inRange, multiply, negate, power, subtract } from '../values/operators.js';
import { coerceTo, conformsTo, parseType, type FeelType } from '../values/types.js';
import { parseDate, parseDateTime, parseDuration, parseTime } from '../values/temporal.js';
import { BUILTINS } from '../builtins/index.js';
import { bindNamedArguments } from '../builtins/define.js';
import type { EvaluationEnvironment, FeelFunction, FeelRange, FeelValue } from '../values/feel-value.js';
import type { ArithmeticOperator } from '../syntax/ast.js';

export type BinaryOperation = (a: FeelValue, b: FeelValue, env: EvaluationEnvironment) => FeelValue;

export const ARITHMETIC: Readonly<Record<ArithmeticOperator, BinaryOperation>> = {
  '+': add,
  '-': subtract,
  '*': multiply,
  '/': divide,
  '**': power,
};

export function negateValue(a: FeelValue, env: EvaluationEnvironment): FeelValue {
  return negate(a, env);
}

/** FEEL `=`: true, false, or null when the values cannot be compared. */
export function equals(a: FeelValue, b: FeelValue): boolean | null {
  return feelEquals(a, b);
}

/** FEEL ordering: -1, 0, 1, or null (with a warning from the operation) when not comparable. */
export function order(a: FeelValue, b: FeelValue, env: EvaluationEnvironment): -1 | 0 | 1 | null {
  return compare(a, b, env);
}

export function rangeContains(value: FeelValue, range: FeelRange, env: EvaluationEnvironment): boolean | null {
  return inRange(value, range, env);
}

export function builtin(name: string): FeelFunction | undefined {
  return BUILTINS.get(name);
}

export function builtinNames(): Iterable<string> {
  return BUILTINS.keys();
}

export type { FeelType };

/** A type expression's text (`list<number>`, `context<a: number>`) to a checkable type. */
export function typeFromText(text: string): FeelType | null {
  return parseType(text);
}

export function valueConforms(value: FeelValue, type: FeelType, named?: ReadonlyMap<string, FeelType> | null): boolean {
  return conformsTo(value, type, named ?? undefined);
}

/** The value after FEEL's implicit conversions to `type` (10.3.2.9.4); undefined when it does not conform. */
export function coerceValue(value: FeelValue, type: FeelType, named?: ReadonlyMap<string, FeelType> | null): FeelValue | undefined {
  return coerceTo(value, type, named ?? undefined);
}

const DATE_LITERAL = /^-?\d{4,9}-\d{2}-\d{2}$/;

/** The value of a temporal literal `@"..."`, or null when the text is not a valid one. */
export function temporalLiteral(text: string): FeelValue {
  if (/^-?P/.test(text)) return parseDuration(text);
  if (DATE_LITERAL.test(text)) return parseDate(text);
  if (text.includes('T')) return parseDateTime(text);
  return parseTime(text);
}

/** Named arguments → positions (per the function's signatures); null with a warning when they do not fit. */
export function bindNamed(fn: FeelFunction, named: ReadonlyMap<string, FeelValue>, env: EvaluationEnvironment): FeelValue[] | null {
  return bindNamedArguments(fn, named, env);
}
