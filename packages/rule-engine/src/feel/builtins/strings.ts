/** String functions (10.3.4.3). Positions and lengths count Unicode code points, not UTF-16 units. */
import { FeelDecimal, type EvaluationEnvironment, type FeelValue } from '../values/feel-value.js';
import { isList } from '../values/types.js';
import { define, expected, int, invalidArgument, single, str, type BuiltinFunction } from './define.js';
import { compileRegex, matchesEmpty, parseReplacement, replaceAll, searchCost, test, tokenize, type Regex } from './regex.js';

const SURROGATE = /[\uD800-\uDFFF]/;

export function codePoints(s: string): string[] | null {
  return SURROGATE.test(s) ? Array.from(s) : null;
}

export function codePointLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // a high surrogate followed by a low one is one code point
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

function codePointSlice(s: string, start: number, end: number): string {
  const cps = codePoints(s);
  return cps === null ? s.slice(start, end) : cps.slice(start, end).join('');
}

/** Reads a string argument: null stays null silently, another type warns. */
function text(args: readonly FeelValue[], i: number, fn: string, parameter: string, env: EvaluationEnvironment): string | null {
  const v = single(args[i]);
  if (typeof v === 'string') return v;
  if (v === null) return null;
  return expected(env, fn, parameter, 'string', v);
}

function substring(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const s = text(args, 0, 'substring', 'string', env);
  if (s === null || args[1] === null || args[2] === null) return null;
  const start = int(args[1]);
  if (start === null) return expected(env, 'substring', 'start position', 'number', args[1] ?? null);
  const length = codePointLength(s);
  const from = start > 0 ? start - 1 : length + start;
  if (start === 0 || from < 0 || from > length) return invalidArgument(env, 'substring', `start position ${start} is outside the string`);
  if (args.length < 3) return codePointSlice(s, from, length);
  const count = int(args[2]);
  if (count === null) return expected(env, 'substring', 'length', 'number', args[2] ?? null);
  if (count < 0) return invalidArgument(env, 'substring', 'length must not be negative');
  return codePointSlice(s, from, Math.min(length, from + count));
}

function unary(name: string, op: (s: string) => FeelValue): BuiltinFunction {
  return define(name, 'string', (args, env) => {
    const s = text(args, 0, name, 'string', env);
    return s === null ? null : op(s);
  });
}

function binary(name: string, second: string, op: (s: string, m: string) => FeelValue): BuiltinFunction {
  return define(name, `string, ${second}`, (args, env) => {
    const s = text(args, 0, name, 'string', env);
    const m = text(args, 1, name, second, env);
    return s === null || m === null ? null : op(s, m);
  });
}

function flagsOf(args: readonly FeelValue[], i: number, fn: string, env: EvaluationEnvironment): string | null | undefined {
  if (args.length <= i) return '';
  const f = single(args[i]);
  if (f === null) return '';
  if (typeof f !== 'string') {
    expected(env, fn, 'flags', 'string', f);
    return undefined;
  }
  return f;
}

function regexFor(pattern: string, flags: string, fn: string, env: EvaluationEnvironment, allowEmpty: boolean): Regex | null {
  const re = compileRegex(pattern, flags);
  if (typeof re === 'string') return invalidArgument(env, fn, `invalid pattern: ${re}`);
  if (!allowEmpty && matchesEmpty(re)) return invalidArgument(env, fn, 'the pattern matches an empty string');
  return re;
}

/**
 * Repeated searches (replace, split) pay one step per search and per character passed, and look
 * at the clock: each search is linear, but one that scans ahead to decide may scan again next time.
 */
function pace(env: EvaluationEnvironment): (consumed: number) => void {
  return (consumed) => {
    env.step(consumed);
    env.checkpoint();
  };
}

function matches(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const input = text(args, 0, 'matches', 'input', env);
  const pattern = text(args, 1, 'matches', 'pattern', env);
  const flags = flagsOf(args, 2, 'matches', env);
  if (input === null || pattern === null || flags === undefined || flags === null) return null;
  const re = regexFor(pattern, flags, 'matches', env, true);
  if (re === null) return null;
  env.step(searchCost(re, input));
  return test(re, input);
}

function replace(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const input = text(args, 0, 'replace', 'input', env);
  const pattern = text(args, 1, 'replace', 'pattern', env);
  const replacement = text(args, 2, 'replace', 'replacement', env);
  const flags = flagsOf(args, 3, 'replace', env);
  if (input === null || pattern === null || replacement === null || flags === undefined || flags === null) return null;
  const re = regexFor(pattern, flags, 'replace', env, false);
  if (re === null) return null;
  const parts = parseReplacement(replacement, re.groups, flags.includes('q'));
  if (parts === null) return invalidArgument(env, 'replace', `invalid replacement string "${replacement}"`);
  env.step(searchCost(re, input));
  return replaceAll(input, re, parts, pace(env));
}

function split(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const s = text(args, 0, 'split', 'string', env);
  const delimiter = text(args, 1, 'split', 'delimiter', env);
  const flags = flagsOf(args, 2, 'split', env);
  if (s === null || delimiter === null || flags === undefined || flags === null) return null;
  const re = regexFor(delimiter, flags, 'split', env, false);
  if (re === null) return null;
  env.step(searchCost(re, s));
  return tokenize(s, re, pace(env));
}

function stringJoin(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const list = args[0] ?? null;
  if (list === null) return null;
  if (!isList(list)) return expected(env, 'string join', 'list', 'list', list);
  let delimiter = '';
  if (args.length > 1 && args[1] !== null) {
    const d = str(args[1]);
    if (d === null) return expected(env, 'string join', 'delimiter', 'string', args[1] ?? null);
    delimiter = d;
  }
  env.step(list.length);
  const parts: string[] = [];
  for (const item of list) {
    if (item === null) continue;
    if (typeof item !== 'string') return invalidArgument(env, 'string join', 'every element of the list must be a string');
    parts.push(item);
  }
  return parts.join(delimiter);
}

export const STRING_FUNCTIONS: readonly BuiltinFunction[] = [
  define('substring', 'string, start position, length?', substring),
  unary('string length', (s) => new FeelDecimal(codePointLength(s))),
  unary('upper case', (s) => s.toUpperCase()),
  unary('lower case', (s) => s.toLowerCase()),
  binary('substring before', 'match', (s, m) => {
    const i = s.indexOf(m);
    return i < 0 ? '' : s.slice(0, i);
  }),
  binary('substring after', 'match', (s, m) => {
    const i = s.indexOf(m);
    return i < 0 ? '' : s.slice(i + m.length);
  }),
  binary('contains', 'match', (s, m) => s.includes(m)),
  binary('starts with', 'match', (s, m) => s.startsWith(m)),
  binary('ends with', 'match', (s, m) => s.endsWith(m)),
  define('matches', 'input, pattern, flags?', matches),
  define('replace', 'input, pattern, replacement, flags?', replace),
  // XPath fn:tokenize: the delimiter is a regular expression, with the same flags as `matches`.
  define('split', 'string, delimiter, flags?', split),
  define('string join', 'list, delimiter?', stringJoin),
];
