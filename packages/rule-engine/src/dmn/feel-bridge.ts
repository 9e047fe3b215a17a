/**
 * The one place where the DMN layer meets the FEEL compiler and value operations, so that an
 * API change there is absorbed here.
 */
import { compileExpression, compileUnaryTests, environment, externalFunctionsIn } from '../feel/compile.js';
import { iterationItems } from '../feel/compiler/compile-node.js';
import { isSameValue } from '../feel/values/operators.js';
import type { CompiledExpression, CompiledUnaryTests, EvaluateOptions, FeelVariables } from '../feel/api.js';
import { add, compare, feelEquals } from '../feel/values/operators.js';
import { parseDate, parseDateTime, parseDuration, parseTime } from '../feel/values/temporal.js';
import { isFeelNumber, toFeelValue } from '../feel/values/json.js';
import { FeelDecimal, type FeelValue, type FeelWarning } from '../feel/values/feel-value.js';

export type { CompiledExpression, CompiledUnaryTests, EvaluateOptions, FeelVariables };

/** A FEEL text that does not compile: kept so that evaluation answers null with the reason. */
export interface FeelCompileFailure {
  readonly failed: true;
  readonly source: string;
  readonly message: string;
}

function failure(source: string, error: unknown): FeelCompileFailure {
  return { failed: true, source, message: error instanceof Error ? error.message : String(error) };
}

export function tryCompileExpression(source: string, names: readonly string[]): CompiledExpression | FeelCompileFailure {
  try {
    return compileExpression(source, { names });
  } catch (error) {
    return failure(source, error);
  }
}

export function tryCompileUnaryTests(source: string, names: readonly string[]): CompiledUnaryTests | FeelCompileFailure {
  try {
    return compileUnaryTests(source, { names });
  } catch (error) {
    return failure(source, error);
  }
}

/** Descriptions of the external (Java, PMML) functions an expression defines; they cannot run here. */
export function externalFunctions(source: string, names: readonly string[]): string[] {
  return externalFunctionsIn(source, { names });
}

export function isCompileFailure(value: object): value is FeelCompileFailure {
  return (value as Partial<FeelCompileFailure>).failed === true;
}

export { isFeelNumber };

/** Converts a JSON/JS value (numbers → decimals, objects → contexts; FEEL values pass) to FEEL. */
export function toFeel(value: unknown): FeelValue {
  if (typeof value === 'number') return Number.isFinite(value) ? new FeelDecimal(value) : null;
  return toFeelValue(value);
}

/**
 * The items a boxed iterator walks (a list, a range of integers or dates, a single value), or null
 * when the value cannot be iterated; with the warnings of the expansion.
 */
export function iterationDomain(value: FeelValue, options: EvaluateOptions): { items: readonly FeelValue[] | null; warnings: readonly FeelWarning[] } {
  const env = environment(options);
  const items = iterationItems(value, env);
  return { items, warnings: env.warnings };
}

/** `is()`: the same element of the FEEL semantic domain. */
export function sameValue(a: FeelValue, b: FeelValue): boolean {
  return isSameValue(a, b);
}

/** FEEL `=`: true, false, or null when the values cannot be compared. */
export function valuesEqual(a: FeelValue, b: FeelValue): boolean | null {
  return feelEquals(a, b);
}

/** FEEL ordering: negative, 0, positive, or null when not comparable. */
export function compareValues(a: FeelValue, b: FeelValue): number | null {
  return compare(a, b);
}

export function addValues(a: FeelValue, b: FeelValue): FeelValue {
  return add(a, b);
}

/** Parses the ISO text of a temporal type; null when it does not parse. */
export function parseTemporal(kind: 'date' | 'time' | 'dateTime' | 'duration', text: string): FeelValue {
  try {
    switch (kind) {
      case 'date':
        return parseDate(text);
      case 'time':
        return parseTime(text);
      case 'dateTime':
        return parseDateTime(text);
      case 'duration':
        return parseDuration(text);
    }
  } catch {
    return null;
  }
}

export type { FeelWarning };
