/** FEEL type names and `instance of` over type expressions such as `list<context<a: number>>`. */
import {
  DaysTimeDuration,
  FeelContext,
  FeelDate,
  FeelDateTime,
  FeelDecimal,
  FeelFunction,
  FeelRange,
  FeelTime,
  YearsMonthsDuration,
  type FeelValue,
} from './feel-value.js';

export type FeelTypeName =
  | 'number'
  | 'string'
  | 'boolean'
  | 'date'
  | 'time'
  | 'date and time'
  | 'days and time duration'
  | 'years and months duration'
  | 'list'
  | 'context'
  | 'range'
  | 'function'
  | 'Null';

export function isList(value: FeelValue | undefined): value is readonly FeelValue[] {
  return Array.isArray(value);
}

/** The FEEL type name of a value (`Null` for null). */
export function typeNameOf(value: FeelValue): FeelTypeName {
  if (value === null) return 'Null';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    default:
      break;
  }
  if (value instanceof FeelDecimal) return 'number';
  if (isList(value)) return 'list';
  if (value instanceof FeelDate) return 'date';
  if (value instanceof FeelDateTime) return 'date and time';
  if (value instanceof FeelTime) return 'time';
  if (value instanceof DaysTimeDuration) return 'days and time duration';
  if (value instanceof YearsMonthsDuration) return 'years and months duration';
  if (value instanceof FeelContext) return 'context';
  if (value instanceof FeelRange) return 'range';
  return 'function';
}

// ---------------------------------------------------------------- type expressions

export type FeelType =
  | { kind: 'any' }
  | { kind: 'null' }
  | { kind: 'base'; name: FeelTypeName }
  | { kind: 'list'; of: FeelType }
  | { kind: 'context'; entries: ReadonlyArray<readonly [string, FeelType]> }
  | { kind: 'range'; of: FeelType }
  | { kind: 'function'; parameters: readonly FeelType[]; result: FeelType }
  | { kind: 'unknown'; name: string };

const ALIASES: Readonly<Record<string, FeelType>> = {
  Any: { kind: 'any' },
  Null: { kind: 'null' },
  number: { kind: 'base', name: 'number' },
  string: { kind: 'base', name: 'string' },
  boolean: { kind: 'base', name: 'boolean' },
  date: { kind: 'base', name: 'date' },
  time: { kind: 'base', name: 'time' },
  'date and time': { kind: 'base', name: 'date and time' },
  dateTime: { kind: 'base', name: 'date and time' },
  'days and time duration': { kind: 'base', name: 'days and time duration' },
  dayTimeDuration: { kind: 'base', name: 'days and time duration' },
  'years and months duration': { kind: 'base', name: 'years and months duration' },
  yearMonthDuration: { kind: 'base', name: 'years and months duration' },
  list: { kind: 'base', name: 'list' },
  context: { kind: 'base', name: 'context' },
  range: { kind: 'base', name: 'range' },
  function: { kind: 'base', name: 'function' },
};

type Token = { kind: 'name'; text: string } | { kind: 'punct'; text: string };

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (c === '-' && text.charAt(i + 1) === '>') {
      tokens.push({ kind: 'punct', text: '->' });
      i += 2;
    } else if (c === '<' || c === '>' || c === ',' || c === ':') {
      tokens.push({ kind: 'punct', text: c });
      i++;
    } else if (c === '"') {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return null;
      tokens.push({ kind: 'name', text: text.slice(i + 1, end) });
      i = end + 1;
    } else {
      let j = i;
      let word = '';
      // A name runs over single spaces between words: `date and time`.
      while (j < text.length) {
        const d = text.charAt(j);
        if (d === '<' || d === '>' || d === ',' || d === ':' || d === '"' || (d === '-' && text.charAt(j + 1) === '>')) break;
        word += d;
        j++;
      }
      tokens.push({ kind: 'name', text: word.trim().replace(/\s+/g, ' ') });
      i = j;
    }
  }
  return tokens;
}

class TypeParser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): FeelType | null {
    const t = this.type();
    return t !== null && this.i === this.tokens.length ? t : null;
  }

  private peek(text: string): boolean {
    const t = this.tokens[this.i];
    return t !== undefined && t.kind === 'punct' && t.text === text;
  }

  private expect(text: string): boolean {
    if (!this.peek(text)) return false;
    this.i++;
    return true;
  }

  private type(): FeelType | null {
    const t = this.tokens[this.i];
    if (t === undefined || t.kind !== 'name') return null;
    this.i++;
    const name = t.text;
    if (!this.peek('<')) return ALIASES[name] ?? { kind: 'unknown', name };
    this.i++;
    if (name === 'list' || name === 'range') {
      const of = this.type();
      if (of === null || !this.expect('>')) return null;
      return { kind: name, of };
    }
    if (name === 'context') {
      const entries: Array<readonly [string, FeelType]> = [];
      while (!this.peek('>')) {
        const key = this.tokens[this.i];
        if (key === undefined || key.kind !== 'name') return null;
        this.i++;
        if (!this.expect(':')) return null;
        const of = this.type();
        if (of === null) return null;
        entries.push([key.text, of]);
        if (!this.expect(',')) break;
      }
      if (!this.expect('>')) return null;
      return { kind: 'context', entries };
    }
    if (name === 'function') {
      const parameters: FeelType[] = [];
      while (!this.peek('>')) {
        const p = this.type();
        if (p === null) return null;
        parameters.push(p);
        if (!this.expect(',')) break;
      }
      if (!this.expect('>') || !this.expect('->')) return null;
      const result = this.type();
      if (result === null) return null;
      return { kind: 'function', parameters, result };
    }
    return null;
  }
}

const typeCache = new Map<string, FeelType | null>();

/** Parses a FEEL type expression (`number`, `list<string>`, `context<a: number>`, `function<number>->string`). */
export function parseType(text: string): FeelType | null {
  let cached = typeCache.get(text);
  if (cached === undefined) {
    const direct = ALIASES[text];
    if (direct !== undefined) cached = direct;
    else {
      const tokens = tokenize(text);
      cached = tokens === null ? null : new TypeParser(tokens).parseAll();
    }
    if (typeCache.size > 1000) typeCache.clear();
    typeCache.set(text, cached);
  }
  return cached;
}

/**
 * `value instance of type`. Null is an instance of Null only (DMN TCK 0070: `null instance of Any`
 * is false); inside a list or a context, though, a null entry conforms to any type (a context
 * `{a: null}` is a `context<a: string>`). Other type names are looked up in `named` (a DMN
 * model's item definitions); unknown ones answer false.
 */
export function conformsTo(value: FeelValue, type: FeelType, named?: ReadonlyMap<string, FeelType>): boolean {
  if (type.kind === 'unknown') {
    const resolved = named?.get(type.name);
    return resolved !== undefined && conformsTo(value, resolved, named);
  }
  if (value === null) return type.kind === 'null';
  switch (type.kind) {
    case 'any':
      return true;
    case 'null':
      return false;
    case 'base':
      return typeNameOf(value) === type.name;
    case 'list':
      return isList(value) && value.every((v) => memberConforms(v, type.of, named));
    case 'context':
      if (!(value instanceof FeelContext)) return false;
      for (const [key, of] of type.entries) {
        const v = value.get(key);
        if (v === undefined || !memberConforms(v, of, named)) return false;
      }
      return true;
    case 'range':
      return value instanceof FeelRange && memberConforms(value.start, type.of, named) && memberConforms(value.end, type.of, named);
    case 'function':
      return (
        value instanceof FeelFunction &&
        (value.variadic || value.parameters.length === type.parameters.length) &&
        // Parameters are contravariant: each one the type names must be acceptable to the
        // function's declared one (DMN TCK 0070 function_016, function_017).
        type.parameters.every((p, i) => {
          const declared = value.parameterTypes[i];
          return declared === undefined || declared === null || isSubtype(p, declared, named);
        }) &&
        // Results are covariant: when the function's result type is known, it must conform to
        // the one the type names (DMN TCK 0070 function_015).
        (value.resultType === null || isSubtype(value.resultType, type.result, named))
      );
  }
}

const MIDNIGHT_UTC = new FeelTime(0, 0, new FeelDecimal(0), 0, null);

/** A date as a date and time: UTC midnight of that day (10.3.2.3.5, implicit conversions). */
export function dateAtUtcMidnight(date: FeelDate): FeelDateTime {
  return new FeelDateTime(date, MIDNIGHT_UTC);
}

function resolveNamed(type: FeelType, named: ReadonlyMap<string, FeelType> | undefined): FeelType | undefined {
  let t: FeelType | undefined = type;
  for (let depth = 0; t !== undefined && t.kind === 'unknown' && depth < 32; depth++) t = named?.get(t.name);
  return t === undefined || t.kind === 'unknown' ? undefined : t;
}

/**
 * The value converted to a target type by FEEL's implicit conversions (DMN 1.5, 10.3.2.9.4), or
 * undefined when it does not conform even then: a value that conforms stays as it is; a singleton
 * list stands for its element (`from singleton list`), a value for the singleton list holding it
 * (`to singleton list`), a date for the date and time at its UTC midnight. Null conforms to every
 * target type here (a missing argument, an empty entry).
 */
export function coerceTo(value: FeelValue, type: FeelType, named?: ReadonlyMap<string, FeelType>): FeelValue | undefined {
  if (value === null || conformsTo(value, type, named)) return value;
  const target = resolveNamed(type, named);
  if (target === undefined) return undefined;
  if (isList(value)) {
    if (value.length === 1 && target.kind !== 'list' && !(target.kind === 'base' && target.name === 'list')) {
      const only = value[0] ?? null;
      return coerceTo(only, target, named);
    }
    return undefined;
  }
  if (target.kind === 'list') {
    const item = coerceTo(value, target.of, named);
    return item === undefined ? undefined : [item];
  }
  if (value instanceof FeelDate && target.kind === 'base' && target.name === 'date and time') return dateAtUtcMidnight(value);
  return undefined;
}

/** Whether every value of type `a` is a value of type `b` (named types resolved through `named`). */
function isSubtype(a: FeelType, b: FeelType, named: ReadonlyMap<string, FeelType> | undefined, depth = 0): boolean {
  if (depth > 32) return false;
  const resolve = (t: FeelType): FeelType | undefined => (t.kind === 'unknown' ? named?.get(t.name) : t);
  const x = resolve(a);
  const y = resolve(b);
  if (x === undefined || y === undefined) return false;
  if (y.kind === 'any' || x.kind === 'null') return true;
  switch (x.kind) {
    case 'base':
      return y.kind === 'base' && y.name === x.name;
    case 'list':
    case 'range':
      return y.kind === x.kind && isSubtype(x.of, y.of, named, depth + 1);
    case 'context':
      return (
        y.kind === 'context' &&
        y.entries.every(([key, of]) => x.entries.some(([k, t]) => k === key && isSubtype(t, of, named, depth + 1)))
      );
    case 'function':
      return (
        y.kind === 'function' &&
        x.parameters.length === y.parameters.length &&
        y.parameters.every((p, i) => isSubtype(p, x.parameters[i] as FeelType, named, depth + 1)) &&
        isSubtype(x.result, y.result, named, depth + 1)
      );
    default:
      return false;
  }
}

function memberConforms(value: FeelValue, type: FeelType, named: ReadonlyMap<string, FeelType> | undefined): boolean {
  return value === null || conformsTo(value, type, named);
}

/** `value instance of typeName`, the type given as FEEL text. */
export function isInstanceOf(value: FeelValue, typeName: string): boolean {
  const type = parseType(typeName.trim());
  return type !== null && conformsTo(value, type);
}
