/** How built-ins are declared: signatures with the spec's parameter names, arity checks, argument helpers. */
import {
  FeelDecimal,
  FeelFunction,
  type EvaluationEnvironment,
  type FeelNumber,
  type FeelValue,
} from '../values/feel-value.js';
import { isList, typeNameOf } from '../values/types.js';

export const WARN_INVALID_ARGUMENT = 'invalidArgument';

/**
 * One way to call a built-in: its parameter names in order, the first `required` of them needed.
 * `types` holds the declared type of a parameter where two overloads share a position but not a
 * type (`context put(context, key: string, value)` vs `(context, keys: list, value)`), so that a
 * named argument of the wrong type matches no signature, as the spec requires.
 */
export interface Signature {
  readonly names: readonly string[];
  readonly required: number;
  readonly types?: ReadonlyMap<string, ParameterType>;
}

export type ParameterType = 'string' | 'list';

function hasType(value: FeelValue, type: ParameterType): boolean {
  if (value === null) return true;
  return type === 'string' ? typeof value === 'string' : isList(value);
}

export type BuiltinImplementation = (args: readonly FeelValue[], env: EvaluationEnvironment, fn: BuiltinFunction) => FeelValue;

/**
 * A built-in. `parameters` (from FeelFunction) is its first signature; `signatures` lists every
 * overload with its own names (`date(from)` and `date(year, month, day)`), for named invocation
 * through `bindNamedArguments`. Optional trailing parameters are absent from `args`, never null.
 */
export class BuiltinFunction extends FeelFunction {
  constructor(
    name: string,
    readonly signatures: readonly Signature[],
    invoke: (args: FeelValue[], env: EvaluationEnvironment) => FeelValue,
    variadic: boolean,
    readonly minArgs: number,
    readonly maxArgs: number,
  ) {
    super(name, signatures[0]?.names ?? [], invoke, variadic);
  }
}

function describeArity(min: number, max: number): string {
  if (max === Number.POSITIVE_INFINITY) return `at least ${min}`;
  return min === max ? String(min) : `${min} to ${max}`;
}

/**
 * `'string, start position, length?'` → a signature (`?` marks an optional parameter, `: string`
 * or `: list` a declared type checked on named arguments).
 */
export function signature(text: string): Signature {
  const names: string[] = [];
  const types = new Map<string, ParameterType>();
  let required = 0;
  for (const raw of text.split(',')) {
    let part = raw.trim();
    if (part === '') continue;
    const optional = part.endsWith('?');
    if (optional) part = part.slice(0, -1).trim();
    const typed = /^(.+?)\s*:\s*(string|list)$/.exec(part);
    if (typed !== null) {
      part = typed[1] ?? part;
      types.set(part, typed[2] === 'list' ? 'list' : 'string');
    }
    names.push(part);
    if (!optional) required = names.length;
  }
  return types.size > 0 ? { names, required, types } : { names, required };
}

export function define(name: string, signatures: string | readonly string[], implementation: BuiltinImplementation, variadic = false): BuiltinFunction {
  const list = (typeof signatures === 'string' ? [signatures] : signatures).map(signature);
  const minArgs = Math.min(...list.map((s) => s.required));
  const maxArgs = variadic ? Number.POSITIVE_INFINITY : Math.max(...list.map((s) => s.names.length));
  const fn: BuiltinFunction = new BuiltinFunction(
    name,
    list,
    (args, env) => {
      if (args.length < minArgs || args.length > maxArgs) {
        return env.warn(WARN_INVALID_ARGUMENT, `${name}() takes ${describeArity(minArgs, maxArgs)} arguments, not ${args.length}.`);
      }
      const result = implementation(args, env, fn);
      // A number beyond decimal128 (`product`, `exp`, `sum` overflowing) is no FEEL number.
      if (result instanceof FeelDecimal && !result.isFinite()) {
        return env.warn(WARN_INVALID_ARGUMENT, `${name}(): the result is beyond the range of FEEL numbers (decimal128).`);
      }
      return result;
    },
    variadic,
    minArgs,
    maxArgs,
  );
  return fn;
}

/**
 * Maps named arguments to positions for any function value: for a built-in, the first signature
 * whose names cover the given ones (and its required ones); for others, `parameters`. Missing
 * parameters in the middle become null; optional trailing ones are left out. Null + warning when
 * a name is unknown or a required one is missing.
 */
export function bindNamedArguments(fn: FeelFunction, named: ReadonlyMap<string, FeelValue>, env: EvaluationEnvironment): FeelValue[] | null {
  const signatures: readonly Signature[] =
    fn instanceof BuiltinFunction ? fn.signatures : [{ names: fn.parameters, required: 0 }];
  for (const s of signatures) {
    let ok = true;
    for (const [key, value] of named) {
      const type = s.types?.get(key);
      if (!s.names.includes(key) || (type !== undefined && !hasType(value, type))) {
        ok = false;
        break;
      }
    }
    if (!ok) continue;
    for (let i = 0; i < s.required; i++) {
      if (!named.has(s.names[i] ?? '')) ok = false;
    }
    if (!ok) continue;
    let last = s.required - 1;
    s.names.forEach((n, i) => {
      if (named.has(n)) last = Math.max(last, i);
    });
    const args: FeelValue[] = [];
    for (let i = 0; i <= last; i++) args.push(named.get(s.names[i] ?? '') ?? null);
    return args;
  }
  const given = [...named.keys()].join(', ');
  env.warn(WARN_INVALID_ARGUMENT, `${fn.name}() has no signature taking named arguments ${given} of these types.`);
  return null;
}

// ---------------------------------------------------------------- argument helpers

export function invalidArgument(env: EvaluationEnvironment, fn: string, message: string): null {
  return env.warn(WARN_INVALID_ARGUMENT, `${fn}(): ${message}`);
}

export function expected(env: EvaluationEnvironment, fn: string, parameter: string, type: string, value: FeelValue): null {
  return env.warn(WARN_INVALID_ARGUMENT, `${fn}(): '${parameter}' must be a ${type}, not ${typeNameOf(value)}.`);
}

/** A singleton list stands for its element where a single value is expected (10.3.2.9.4). */
export function single(value: FeelValue | undefined): FeelValue {
  if (value === undefined) return null;
  if (isList(value) && value.length === 1) return value[0] ?? null;
  return value;
}

/** A non-list stands for the singleton list holding it where a list is expected. */
export function asList(value: FeelValue | undefined): readonly FeelValue[] | null {
  if (value === undefined || value === null) return null;
  return isList(value) ? value : [value];
}

/** A list argument given as one list or as the arguments themselves (`min([1, 2])`, `min(1, 2)`). */
export function listOrVarargs(args: readonly FeelValue[]): readonly FeelValue[] | null {
  if (args.length === 1) {
    const first = args[0] ?? null;
    if (first === null) return null;
    return isList(first) ? first : [first];
  }
  return args;
}

export function num(value: FeelValue | undefined): FeelNumber | null {
  const v = single(value);
  return v instanceof FeelDecimal ? v : null;
}

export function str(value: FeelValue | undefined): string | null {
  const v = single(value);
  return typeof v === 'string' ? v : null;
}

/** An integer argument (a non-integer is truncated, as java's intValue), or null when not a safe number. */
export function int(value: FeelValue | undefined): number | null {
  const n = num(value);
  if (n === null) return null;
  const t = n.trunc().toNumber();
  return Number.isSafeInteger(t) ? t : null;
}

export const ZERO = new FeelDecimal(0);
export const ONE = new FeelDecimal(1);
