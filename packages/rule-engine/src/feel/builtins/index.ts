/**
 * The FEEL built-in function library (DMN 1.5, 10.3.4), by name. Parameter names are the spec's,
 * for named invocation; overloaded built-ins list every signature (see `bindNamedArguments`).
 */
import type { FeelFunction } from '../values/feel-value.js';
import { CONVERSION_FUNCTIONS } from './conversion.js';
import type { BuiltinFunction } from './define.js';
import { LIST_FUNCTIONS } from './lists.js';
import { NUMERIC_FUNCTIONS } from './numeric.js';
import { RANGE_FUNCTIONS } from './ranges.js';
import { STRING_FUNCTIONS } from './strings.js';

export { BuiltinFunction, bindNamedArguments, type Signature } from './define.js';
export { parseRange } from './conversion.js';

const all: readonly BuiltinFunction[] = [
  ...CONVERSION_FUNCTIONS,
  ...STRING_FUNCTIONS,
  ...LIST_FUNCTIONS,
  ...NUMERIC_FUNCTIONS,
  ...RANGE_FUNCTIONS,
];

export const BUILTINS: ReadonlyMap<string, FeelFunction> = new Map(all.map((f) => [f.name, f]));
