/** List functions (10.3.4.4). Positions are 1-based; a negative position counts from the end. */
import { FeelDecimal, FeelFunction, type EvaluationEnvironment, type FeelNumber, type FeelValue } from '../values/feel-value.js';
import { compare, feelEquals } from '../values/operators.js';
import { isList } from '../values/types.js';
import { asList, define, expected, int, invalidArgument, listOrVarargs, type BuiltinFunction } from './define.js';

function listArg(args: readonly FeelValue[], i: number, fn: string, env: EvaluationEnvironment): readonly FeelValue[] | null {
  const v = args[i];
  if (v === undefined || v === null) return null;
  return asList(v) ?? invalidArgument(env, fn, 'expects a list');
}

function numbers(list: readonly FeelValue[], fn: string, env: EvaluationEnvironment): FeelNumber[] | null {
  const out: FeelNumber[] = [];
  for (const v of list) {
    if (!(v instanceof FeelDecimal)) return invalidArgument(env, fn, 'every element must be a number');
    out.push(v);
  }
  return out;
}

function extreme(name: string, sign: 1 | -1): BuiltinFunction {
  return define(
    name,
    'list',
    (args, env) => {
      const list = listOrVarargs(args);
      if (list === null || list.length === 0) return null;
      env.step(list.length);
      let best = list[0] ?? null;
      if (best === null) return invalidArgument(env, name, 'the list holds a null');
      for (let i = 1; i < list.length; i++) {
        const v = list[i] ?? null;
        const c = compare(v, best, env);
        if (c === null) return v === null ? invalidArgument(env, name, 'the list holds a null') : null;
        if (c === sign) best = v;
      }
      return best;
    },
    true,
  );
}

function numeric(name: string, op: (xs: FeelNumber[], env: EvaluationEnvironment) => FeelValue): BuiltinFunction {
  return define(
    name,
    'list',
    (args, env) => {
      const list = listOrVarargs(args);
      if (list === null) return null;
      env.step(list.length);
      const xs = numbers(list, name, env);
      return xs === null ? null : op(xs, env);
    },
    true,
  );
}

function sum(xs: readonly FeelNumber[]): FeelNumber | null {
  if (xs.length === 0) return null;
  let total = xs[0] as FeelNumber;
  for (let i = 1; i < xs.length; i++) total = total.plus(xs[i] as FeelNumber);
  return total;
}

function byValue(a: FeelNumber, b: FeelNumber): number {
  return a.cmp(b);
}

function median(xs: FeelNumber[]): FeelValue {
  if (xs.length === 0) return null;
  const sorted = [...xs].sort(byValue);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] as FeelNumber;
  if (sorted.length % 2 === 1) return upper;
  return (sorted[mid - 1] as FeelNumber).plus(upper).div(2);
}

function stddev(xs: FeelNumber[]): FeelValue {
  if (xs.length < 2) return null;
  const mean = (sum(xs) as FeelNumber).div(xs.length);
  let squares = new FeelDecimal(0);
  for (const x of xs) {
    const d = x.minus(mean);
    squares = squares.plus(d.times(d));
  }
  return squares.div(xs.length - 1).sqrt();
}

function mode(xs: FeelNumber[]): FeelValue {
  const counts = new Map<string, { value: FeelNumber; count: number }>();
  let top = 0;
  for (const x of xs) {
    const key = x.toString();
    const entry = counts.get(key);
    const count = entry === undefined ? 1 : entry.count + 1;
    if (entry === undefined) counts.set(key, { value: x, count });
    else entry.count = count;
    if (count > top) top = count;
  }
  const modes: FeelNumber[] = [];
  for (const { value, count } of counts.values()) if (count === top) modes.push(value);
  return modes.sort(byValue);
}

function logical(name: string, all: boolean): BuiltinFunction {
  return define(
    name,
    'list',
    (args, env) => {
      const list = listOrVarargs(args);
      if (list === null) return null;
      env.step(list.length);
      let undecided = false;
      for (const v of list) {
        if (v === !all) return !all;
        if (typeof v !== 'boolean') undecided = true;
      }
      if (undecided) {
        env.warn('invalidArgument', `${name}(): the list holds a value that is not a boolean`);
        return null;
      }
      return all;
    },
    true,
  );
}

/** 1-based (or negative) position → 0-based index in [0, length), or null. */
function index(position: number, length: number): number | null {
  const i = position > 0 ? position - 1 : length + position;
  return position === 0 || i < 0 || i >= length ? null : i;
}

function positionArg(args: readonly FeelValue[], i: number, fn: string, length: number, env: EvaluationEnvironment): number | null {
  const p = int(args[i]);
  if (p === null) return expected(env, fn, 'position', 'number', args[i] ?? null);
  const at = index(p, length);
  return at === null ? invalidArgument(env, fn, `position ${p} is outside the list`) : at;
}

function contains(list: readonly FeelValue[], element: FeelValue): boolean {
  for (const v of list) if (feelEquals(v, element) === true) return true;
  return false;
}

/** Distinct values, in order: each element is compared with those kept so far (a step per comparison). */
function distinct(list: readonly FeelValue[], env: EvaluationEnvironment, into: FeelValue[] = []): FeelValue[] {
  for (const v of list) {
    env.step(into.length + 1);
    if (!contains(into, v)) into.push(v);
  }
  return into;
}

function flattenInto(list: readonly FeelValue[], into: FeelValue[], env: EvaluationEnvironment): FeelValue[] {
  env.step(list.length);
  for (const v of list) {
    if (isList(v)) flattenInto(v, into, env);
    else into.push(v);
  }
  return into;
}

/** A step per element of a list a function walks or builds. */
function walked<T extends readonly FeelValue[] | null>(list: T, env: EvaluationEnvironment): T {
  if (list !== null) env.step(list.length);
  return list;
}

/** Stable merge sort: `b` goes before `a` only when `precedes(b, a)` is true. Null when a test is not boolean. */
function mergeSort(list: readonly FeelValue[], precedes: FeelFunction | null, env: EvaluationEnvironment): FeelValue[] | null {
  // n log n comparisons: paid up front without a function (a function's calls pay as they go)
  if (precedes === null && list.length > 1) env.step(list.length * Math.ceil(Math.log2(list.length)));
  let items = list.slice();
  let buffer = new Array<FeelValue>(items.length);
  for (let width = 1; width < items.length; width *= 2) {
    for (let lo = 0; lo < items.length; lo += 2 * width) {
      const mid = Math.min(lo + width, items.length);
      const hi = Math.min(lo + 2 * width, items.length);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) {
        const a = items[i] ?? null;
        const b = items[j] ?? null;
        let takeB: boolean;
        if (precedes === null) {
          const c = compare(b, a, env);
          if (c === null) return null;
          takeB = c < 0;
        } else {
          env.step();
          const r = precedes.invoke([b, a], env);
          if (typeof r !== 'boolean') return invalidArgument(env, 'sort', 'precedes must return true or false');
          takeB = r;
        }
        if (takeB) {
          buffer[k++] = b;
          j++;
        } else {
          buffer[k++] = a;
          i++;
        }
      }
      while (i < mid) buffer[k++] = items[i++] ?? null;
      while (j < hi) buffer[k++] = items[j++] ?? null;
    }
    const swap = items;
    items = buffer;
    buffer = swap;
  }
  return items;
}

export const LIST_FUNCTIONS: readonly BuiltinFunction[] = [
  define('list contains', 'list, element', (args, env) => {
    const list = walked(listArg(args, 0, 'list contains', env), env);
    return list === null ? null : contains(list, args[1] ?? null);
  }),
  define('count', 'list', (args, env) => {
    const list = listArg(args, 0, 'count', env);
    return list === null ? null : new FeelDecimal(list.length);
  }),
  extreme('min', -1),
  extreme('max', 1),
  numeric('sum', (xs) => sum(xs)),
  numeric('mean', (xs) => (xs.length === 0 ? null : (sum(xs) as FeelNumber).div(xs.length))),
  numeric('product', (xs) => {
    if (xs.length === 0) return null;
    let p = xs[0] as FeelNumber;
    for (let i = 1; i < xs.length; i++) p = p.times(xs[i] as FeelNumber);
    return p;
  }),
  numeric('median', median),
  numeric('stddev', stddev),
  numeric('mode', mode),
  logical('all', true),
  logical('any', false),
  define('sublist', 'list, start position, length?', (args, env) => {
    const list = listArg(args, 0, 'sublist', env);
    if (list === null) return null;
    const from = positionArg(args, 1, 'sublist', list.length, env);
    if (from === null) return null;
    if (args.length < 3) return walked(list.slice(from), env);
    const length = int(args[2]);
    if (length === null || length < 0) return invalidArgument(env, 'sublist', 'length must be a number of 0 or more');
    return walked(list.slice(from, from + length), env);
  }),
  define(
    'append',
    'list, item',
    (args, env) => {
      const list = walked(listArg(args, 0, 'append', env), env);
      return list === null ? null : [...list, ...args.slice(1)];
    },
    true,
  ),
  define(
    'concatenate',
    'list',
    (args, env) => {
      const out: FeelValue[] = [];
      for (const v of args) {
        if (!isList(v)) return expected(env, 'concatenate', 'list', 'list', v);
        env.step(v.length);
        out.push(...v);
      }
      return out;
    },
    true,
  ),
  define('insert before', 'list, position, newItem', (args, env) => {
    const list = walked(listArg(args, 0, 'insert before', env), env);
    if (list === null) return null;
    const at = positionArg(args, 1, 'insert before', list.length, env);
    if (at === null) return null;
    return [...list.slice(0, at), args[2] ?? null, ...list.slice(at)];
  }),
  define('remove', 'list, position', (args, env) => {
    const list = walked(listArg(args, 0, 'remove', env), env);
    if (list === null) return null;
    const at = positionArg(args, 1, 'remove', list.length, env);
    if (at === null) return null;
    return [...list.slice(0, at), ...list.slice(at + 1)];
  }),
  define('list replace', ['list, position, newItem', 'list, match, newItem'], (args, env) => {
    const list = walked(listArg(args, 0, 'list replace', env), env);
    if (list === null) return null;
    const target = args[1] ?? null;
    const newItem = args[2] ?? null;
    if (target instanceof FeelFunction) {
      const out: FeelValue[] = [];
      for (const item of list) {
        env.step();
        const r = target.invoke([item, newItem], env);
        if (typeof r !== 'boolean') return invalidArgument(env, 'list replace', 'match must return true or false');
        out.push(r ? newItem : item);
      }
      return out;
    }
    const at = positionArg(args, 1, 'list replace', list.length, env);
    if (at === null) return null;
    const out = list.slice();
    out[at] = newItem;
    return out;
  }),
  define('reverse', 'list', (args, env) => {
    const list = walked(listArg(args, 0, 'reverse', env), env);
    return list === null ? null : list.slice().reverse();
  }),
  define('index of', 'list, match', (args, env) => {
    const list = walked(listArg(args, 0, 'index of', env), env);
    if (list === null) return null;
    const match = args[1] ?? null;
    const out: FeelValue[] = [];
    list.forEach((v, i) => {
      if (feelEquals(v, match) === true) out.push(new FeelDecimal(i + 1));
    });
    return out;
  }),
  define(
    'union',
    'list',
    (args, env) => {
      const out: FeelValue[] = [];
      for (const v of args) {
        const list = asList(v);
        if (list === null) return invalidArgument(env, 'union', 'expects lists');
        distinct(list, env, out);
      }
      return out;
    },
    true,
  ),
  define('distinct values', 'list', (args, env) => {
    const list = listArg(args, 0, 'distinct values', env);
    return list === null ? null : distinct(list, env);
  }),
  define('flatten', 'list', (args, env) => {
    const list = listArg(args, 0, 'flatten', env);
    return list === null ? null : flattenInto(list, [], env);
  }),
  define('sort', 'list, precedes?', (args, env) => {
    const list = listArg(args, 0, 'sort', env);
    if (list === null) return null;
    const precedes = args.length > 1 ? (args[1] ?? null) : null;
    if (args.length > 1 && !(precedes instanceof FeelFunction)) return expected(env, 'sort', 'precedes', 'function', precedes);
    return mergeSort(list, precedes instanceof FeelFunction ? precedes : null, env);
  }),
];
