/** Conversion functions (10.3.4.1), `range(from)` (1.5), and the temporal functions of 10.3.4.x. */
import {
  DaysTimeDuration,
  FeelContext,
  FeelDate,
  FeelDateTime,
  FeelDecimal,
  FeelRange,
  FeelTime,
  YearsMonthsDuration,
  type EvaluationEnvironment,
  type FeelValue,
} from '../values/feel-value.js';
import { valueToString } from '../values/format.js';
import { compare, isSameValue } from '../values/operators.js';
import {
  dateToDateTime,
  dayOfYear,
  isoDayOfWeek,
  isoWeekOfYear,
  isValidDate,
  monthsBetween,
  parseDate,
  parseDateTime,
  parseDuration,
  parseTime,
} from '../values/temporal.js';
import { isList } from '../values/types.js';
import { define, expected, int, invalidArgument, single, type BuiltinFunction } from './define.js';

function invalidText(env: EvaluationEnvironment, fn: string, text: string): null {
  return invalidArgument(env, fn, `"${text.length > 60 ? `${text.slice(0, 60)}...` : text}" is not a valid ${fn}`);
}

function dateOf(value: FeelValue): FeelDate | null {
  if (value instanceof FeelDate) return value;
  if (value instanceof FeelDateTime) return value.date;
  return null;
}

function date(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  if (args.length === 1) {
    const from = single(args[0]);
    if (from === null) return null;
    if (typeof from === 'string') return parseDate(from) ?? invalidText(env, 'date', from);
    return dateOf(from) ?? expected(env, 'date', 'from', 'string, date or date and time', from);
  }
  if (args.length !== 3) return invalidArgument(env, 'date', 'takes 1 or 3 arguments');
  if (args.some((a) => a === null)) return null;
  const year = int(args[0]);
  const month = int(args[1]);
  const day = int(args[2]);
  if (year === null || month === null || day === null) return invalidArgument(env, 'date', 'year, month and day must be numbers');
  return isValidDate(year, month, day) ? new FeelDate(year, month, day) : invalidArgument(env, 'date', `${year}-${month}-${day} is not a date`);
}

function dateAndTime(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  if (args.length === 1) {
    const from = single(args[0]);
    if (from === null) return null;
    if (typeof from === 'string') return parseDateTime(from) ?? invalidText(env, 'date and time', from);
    if (from instanceof FeelDateTime) return from;
    if (from instanceof FeelDate) return dateToDateTime(from);
    return expected(env, 'date and time', 'from', 'string or date', from);
  }
  const d = single(args[0]);
  const t = single(args[1]);
  if (d === null || t === null) return null;
  const day = dateOf(d);
  if (day === null) return expected(env, 'date and time', 'date', 'date', d);
  if (t instanceof FeelTime) return new FeelDateTime(day, t);
  if (t instanceof FeelDateTime) return new FeelDateTime(day, t.time);
  return expected(env, 'date and time', 'time', 'time', t);
}

const MIDNIGHT_UTC = new FeelTime(0, 0, new FeelDecimal(0), 0, null);

function time(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  if (args.length === 1) {
    const from = single(args[0]);
    if (from === null) return null;
    if (typeof from === 'string') return parseTime(from) ?? invalidText(env, 'time', from);
    if (from instanceof FeelTime) return from;
    if (from instanceof FeelDateTime) return from.time;
    if (from instanceof FeelDate) return MIDNIGHT_UTC;
    return expected(env, 'time', 'from', 'string, time or date and time', from);
  }
  if (args.length < 3) return invalidArgument(env, 'time', 'takes 1, 3 or 4 arguments');
  if (args[0] === null || args[1] === null || args[2] === null) return null;
  const hour = int(args[0]);
  const minute = int(args[1]);
  const second = single(args[2]);
  if (hour === null || minute === null || !(second instanceof FeelDecimal)) return invalidArgument(env, 'time', 'hour, minute and second must be numbers');
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second.isNegative() || second.gte(60)) {
    return invalidArgument(env, 'time', 'hour, minute or second out of range');
  }
  let offset: number | null = null;
  const o = args.length > 3 ? single(args[3]) : null;
  if (o !== null) {
    if (!(o instanceof DaysTimeDuration)) return expected(env, 'time', 'offset', 'days and time duration', o);
    if (!o.seconds.isInteger() || o.seconds.abs().gt(18 * 3600)) return invalidArgument(env, 'time', 'the offset must be whole seconds within ±18 hours');
    offset = o.seconds.toNumber();
  }
  return new FeelTime(hour, minute, second, offset, null);
}

const GROUPING = new Set([' ', ',', '.']);
const DECIMAL = new Set([',', '.']);
const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

function number(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const from = single(args[0]);
  if (from === null) return null;
  if (typeof from !== 'string') return expected(env, 'number', 'from', 'string', from);
  const grouping = args.length > 1 ? single(args[1]) : null;
  const decimal = args.length > 2 ? single(args[2]) : null;
  if (grouping !== null && (typeof grouping !== 'string' || !GROUPING.has(grouping))) {
    return invalidArgument(env, 'number', 'grouping separator must be " ", "," or "."');
  }
  if (decimal !== null && (typeof decimal !== 'string' || !DECIMAL.has(decimal))) {
    return invalidArgument(env, 'number', 'decimal separator must be "," or "."');
  }
  if (grouping !== null && grouping === decimal) return invalidArgument(env, 'number', 'the separators must differ');
  let text = from;
  if (grouping !== null) text = text.split(grouping).join('');
  if (decimal !== null && decimal !== '.') {
    if (text.includes('.')) return invalidText(env, 'number', from);
    text = text.replace(decimal, '.');
  }
  if (!NUMBER_TEXT.test(text)) return invalidText(env, 'number', from);
  const n = new FeelDecimal(text);
  if (!n.isFinite()) return invalidText(env, 'number', from);
  return n.sd() > 34 ? n.toSignificantDigits(34) : n;
}

function duration(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const from = single(args[0]);
  if (from === null) return null;
  if (from instanceof DaysTimeDuration || from instanceof YearsMonthsDuration) return from;
  if (typeof from !== 'string') return expected(env, 'duration', 'from', 'string', from);
  return parseDuration(from) ?? invalidText(env, 'duration', from);
}

function yearsAndMonthsDuration(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const from = single(args[0]);
  const to = single(args[1]);
  if (from === null || to === null) return null;
  const a = dateOf(from);
  const b = dateOf(to);
  if (a === null) return expected(env, 'years and months duration', 'from', 'date or date and time', from);
  if (b === null) return expected(env, 'years and months duration', 'to', 'date or date and time', to);
  return new YearsMonthsDuration(monthsBetween(a, b));
}

// ---------------------------------------------------------------- range(from)

const ENDPOINT_CALL = /^(date and time|date|time|duration)\s*\(\s*"((?:[^"\\]|\\.)*)"\s*\)$/;

function parseEndpoint(text: string): FeelValue | undefined {
  const t = text.trim();
  if (t === '' || t === 'null') return null;
  if (/^-?(?:\d+(?:\.\d+)?|\.\d+)$/.test(t)) return new FeelDecimal(t);
  if (t.startsWith('"') && t.endsWith('"') && t.length >= 2) {
    try {
      const s: unknown = JSON.parse(t);
      return typeof s === 'string' ? s : undefined;
    } catch {
      return undefined;
    }
  }
  let kind: string | undefined;
  let literal: string | undefined;
  if (t.startsWith('@"') && t.endsWith('"')) {
    literal = t.slice(2, -1);
    if (/^-?P/.test(literal)) kind = 'duration';
    else if (/^-?\d{4,9}-\d{2}-\d{2}$/.test(literal)) kind = 'date';
    else kind = literal.includes('T') ? 'date and time' : 'time';
  } else {
    const m = ENDPOINT_CALL.exec(t);
    if (m === null) return undefined;
    kind = m[1];
    literal = m[2];
  }
  if (literal === undefined) return undefined;
  const value =
    kind === 'date' ? parseDate(literal) : kind === 'time' ? parseTime(literal) : kind === 'date and time' ? parseDateTime(literal) : parseDuration(literal);
  return value ?? undefined;
}

/**
 * Parses the text of a range literal: `[1..10)`, `]1..10[`, `(..2]`. The spec (10.3.4.1) and the
 * TCK (1156 #017) accept only the bracketed form here, so a unary test such as `>= 10` is not a
 * range string and gives null.
 */
export function parseRange(text: string): FeelRange | null {
  const t = text.trim();
  const open = t.charAt(0);
  const close = t.charAt(t.length - 1);
  if (!'[(]'.includes(open) || !'[)]'.includes(close) || t.length < 4) return null;
  const body = t.slice(1, -1);
  const dots = body.indexOf('..');
  if (dots < 0) return null;
  const start = parseEndpoint(body.slice(0, dots));
  const end = parseEndpoint(body.slice(dots + 2));
  if (start === undefined || end === undefined || (start === null && end === null)) return null;
  // A missing endpoint is unbounded, so only an open bracket may stand beside it: "(..2]", not "[..2]".
  if ((start === null && open === '[') || (end === null && close === ']')) return null;
  if (start !== null && end !== null && compare(start, end) === null) return null;
  return new FeelRange(open === '[', start, end, close === ']');
}

// ---------------------------------------------------------------- contexts

function contextFromEntries(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const entries = args[0] ?? null;
  if (entries === null) return null;
  const list = isList(entries) ? entries : [entries];
  const out = new FeelContext();
  for (const e of list) {
    if (!(e instanceof FeelContext)) return invalidArgument(env, 'context', 'each entry must be a context with key and value');
    const key = e.get('key');
    if (typeof key !== 'string' || !e.has('value')) return invalidArgument(env, 'context', 'each entry must have a string key and a value');
    if (out.has(key)) return invalidArgument(env, 'context', `the key "${key}" appears twice`);
    out.entries.set(key, e.get('value') ?? null);
  }
  return out;
}

function keyPath(value: FeelValue): string[] | null {
  if (typeof value === 'string') return [value];
  if (!isList(value) || value.length === 0) return null;
  const keys: string[] = [];
  for (const k of value) {
    if (typeof k !== 'string') return null;
    keys.push(k);
  }
  return keys;
}

function put(context: FeelContext, keys: readonly string[], value: FeelValue, env: EvaluationEnvironment): FeelContext | null {
  const [key, ...rest] = keys;
  if (key === undefined) return null;
  let v = value;
  if (rest.length > 0) {
    const inner = context.get(key) ?? null;
    if (inner !== null && !(inner instanceof FeelContext)) return invalidArgument(env, 'context put', `"${key}" is not a context`);
    const nested = put(inner ?? new FeelContext(), rest, value, env);
    if (nested === null) return null;
    v = nested;
  }
  const out = new FeelContext(context.entries);
  out.entries.set(key, v);
  return out;
}

function contextPut(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const context = args[0] ?? null;
  const keys = keyPath(args[1] ?? null);
  if (context === null || args[1] === null) return null;
  if (!(context instanceof FeelContext)) return expected(env, 'context put', 'context', 'context', context);
  if (keys === null) return invalidArgument(env, 'context put', 'key must be a string or a non-empty list of strings');
  return put(context, keys, args[2] ?? null, env);
}

function contextMerge(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const contexts = args[0] ?? null;
  if (contexts === null) return null;
  const list = isList(contexts) ? contexts : [contexts];
  const out = new FeelContext();
  for (const c of list) {
    if (!(c instanceof FeelContext)) return invalidArgument(env, 'context merge', 'expects a list of contexts');
    for (const [k, v] of c.entries) out.entries.set(k, v);
  }
  return out;
}

function getValue(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const m = args[0] ?? null;
  const key = args[1] ?? null;
  if (m === null || key === null) return null;
  if (!(m instanceof FeelContext)) return expected(env, 'get value', 'm', 'context', m);
  const keys = keyPath(key);
  if (keys === null) return expected(env, 'get value', 'key', 'string', key);
  let v: FeelValue = m;
  for (const k of keys) {
    if (!(v instanceof FeelContext)) return null;
    v = v.get(k) ?? null;
  }
  return v;
}

function getEntries(args: readonly FeelValue[], env: EvaluationEnvironment): FeelValue {
  const m = args[0] ?? null;
  if (m === null) return null;
  if (!(m instanceof FeelContext)) return expected(env, 'get entries', 'm', 'context', m);
  const out: FeelValue[] = [];
  for (const [key, value] of m.entries) {
    out.push(
      new FeelContext([
        ['key', key],
        ['value', value],
      ]),
    );
  }
  return out;
}

// ---------------------------------------------------------------- temporal functions

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function onDate(name: string, op: (d: FeelDate) => FeelValue): BuiltinFunction {
  return define(name, 'date', (args, env) => {
    const v = single(args[0]);
    if (v === null) return null;
    const d = dateOf(v);
    return d === null ? expected(env, name, 'date', 'date or date and time', v) : op(d);
  });
}

export const CONVERSION_FUNCTIONS: readonly BuiltinFunction[] = [
  define('date', ['from', 'year, month, day'], date),
  define('date and time', ['from', 'date, time'], dateAndTime),
  define('time', ['from', 'hour, minute, second, offset?'], time),
  define('number', 'from, grouping separator?, decimal separator?', number),
  define('string', 'from', (args) => valueToString(args[0] ?? null)),
  define('duration', 'from', duration),
  define('years and months duration', 'from, to', yearsAndMonthsDuration),
  define('range', 'from', (args, env) => {
    const from = single(args[0]);
    if (from === null) return null;
    if (typeof from !== 'string') return expected(env, 'range', 'from', 'string', from);
    return parseRange(from) ?? invalidText(env, 'range', from);
  }),
  define('context', 'entries', contextFromEntries),
  define('context put', ['context, key: string, value', 'context, keys: list, value'], contextPut),
  define('context merge', 'contexts', contextMerge),
  define('get value', 'm, key', getValue),
  define('get entries', 'm', getEntries),
  define('not', 'negand', (args, env) => {
    const v = args[0] ?? null;
    if (typeof v === 'boolean') return !v;
    return v === null ? null : expected(env, 'not', 'negand', 'boolean', v);
  }),
  define('is', 'value1, value2', (args) => isSameValue(args[0] ?? null, args[1] ?? null)),
  onDate('day of year', (d) => new FeelDecimal(dayOfYear(d))),
  onDate('day of week', (d) => DAY_NAMES[isoDayOfWeek(d) - 1] ?? null),
  onDate('month of year', (d) => MONTH_NAMES[d.month - 1] ?? null),
  onDate('week of year', (d) => new FeelDecimal(isoWeekOfYear(d))),
  define('now', '', (_args, env) => env.now ?? env.warn('noClock', 'now(): no current date and time was given to the evaluation.')),
  define('today', '', (_args, env) => env.now?.date ?? env.warn('noClock', 'today(): no current date was given to the evaluation.')),
];
