/**
 * TCK values: `<value xsi:type>`, `xsi:nil`, `<component>` contexts and `<list><item>` lists
 * read as FEEL values, and the comparison the reference runners use.
 */
import {
  DaysTimeDuration,
  FeelContext,
  FeelDate,
  FeelDateTime,
  FeelDecimal,
  FeelTime,
  YearsMonthsDuration,
  type FeelValue,
} from '../feel/values/feel-value.js';
import { valueToLiteral } from '../feel/values/format.js';
import { isFeelNumber, parseTemporal, valuesEqual } from '../dmn/feel-bridge.js';
import { attr, attrNS, childElements, resolveQName, textOf, XSI_NS, type Element } from '../dmn/xml/xml.js';
import type { FeelType } from '../feel/values/types.js';

/**
 * The declared type of what a TCK element holds, with the model's named types: a `<value>`
 * without `xsi:type` is read as that type says (`<value>25</value>` for a number is 25), as the
 * reference runners read untyped values by the model's types; without one it is a string.
 */
export interface TypeHint {
  readonly type: FeelType | undefined;
  readonly named: ReadonlyMap<string, FeelType>;
}

function resolved(hint: TypeHint | undefined): FeelType | undefined {
  let type = hint?.type;
  for (let depth = 0; type?.kind === 'unknown' && depth < 32; depth++) type = hint?.named.get(type.name);
  return type?.kind === 'unknown' ? undefined : type;
}

function within(hint: TypeHint | undefined, type: FeelType | undefined): TypeHint | undefined {
  return hint === undefined ? undefined : { type, named: hint.named };
}

/** The xsi:type local name an untyped value of this declared type stands for. */
function untypedKind(hint: TypeHint | undefined): string {
  const type = resolved(hint);
  if (type?.kind !== 'base') return 'string';
  switch (type.name) {
    case 'number':
      return 'decimal';
    case 'date and time':
      return 'dateTime';
    case 'days and time duration':
    case 'years and months duration':
      return 'duration';
    default:
      return type.name;
  }
}

/** A problem in a test file's values (an unparsable number or date): the test case fails. */
export class TckValueError extends Error {}

function scalar(value: Element, hint: TypeHint | undefined): FeelValue {
  if (attrNS(value, XSI_NS, 'nil') === 'true') return null;
  const type = attrNS(value, XSI_NS, 'type');
  const text = textOf(value);
  const local = type === undefined ? untypedKind(hint) : resolveQName(value, type).local;
  switch (local) {
    case 'decimal':
    case 'double':
    case 'float':
    case 'integer':
    case 'int':
    case 'long':
    case 'short': {
      const t = text.trim();
      if (t === 'NaN' || t === 'INF' || t === '-INF') return null;
      try {
        return new FeelDecimal(t);
      } catch {
        throw new TckValueError(`${JSON.stringify(text)} is not a ${local}.`);
      }
    }
    case 'boolean':
      return text.trim() === 'true' || text.trim() === '1';
    case 'date':
    case 'time':
    case 'dateTime':
    case 'duration':
    case 'dayTimeDuration':
    case 'yearMonthDuration': {
      const kind = local === 'date' || local === 'time' || local === 'dateTime' ? local : 'duration';
      const parsed = parseTemporal(kind, text.trim());
      if (parsed === null) throw new TckValueError(`${JSON.stringify(text)} is not a ${local}.`);
      return parsed;
    }
    default:
      return text;
  }
}

/**
 * The value held by a TCK element (`inputNode`, `expected`, `component`, `item`): a `<value>`,
 * `<component>`s (a context), or a `<list>`; nothing is null.
 */
export function readTckValue(holder: Element, hint?: TypeHint): FeelValue {
  if (attrNS(holder, XSI_NS, 'nil') === 'true') return null;
  const children = childElements(holder);
  const list = children.find((c) => c.localName === 'list');
  if (list) return readList(list, hint);
  const components = children.filter((c) => c.localName === 'component');
  if (components.length > 0) {
    const type = resolved(hint);
    const entryType = (name: string): FeelType | undefined => (type?.kind === 'context' ? type.entries.find(([k]) => k === name)?.[1] : undefined);
    return new FeelContext(components.map((c) => [attr(c, 'name') ?? '', readTckValue(c, within(hint, entryType(attr(c, 'name') ?? '')))] as [string, FeelValue]));
  }
  const value = children.find((c) => c.localName === 'value');
  if (!value) return null;
  const inner = childElements(value);
  if (inner.some((c) => c.localName === 'component' || c.localName === 'list')) return readTckValue(value, hint);
  return scalar(value, hint);
}

function readList(list: Element, hint: TypeHint | undefined): FeelValue[] {
  if (attrNS(list, XSI_NS, 'nil') === 'true') return [];
  const type = resolved(hint);
  const itemHint = within(hint, type?.kind === 'list' ? type.of : undefined);
  return childElements(list, 'item').map((item) => readTckValue(item, itemHint));
}

const TOLERANCE = new FeelDecimal('1e-8');

function sameTime(a: FeelTime, b: FeelTime): boolean {
  return (
    a.hour === b.hour &&
    a.minute === b.minute &&
    a.second.eq(b.second) &&
    a.offsetSeconds === b.offsetSeconds &&
    a.zone === b.zone
  );
}

/** Whether an actual value matches the expected one, as the TCK reference runners compare. */
export function tckEquals(expected: FeelValue, actual: FeelValue): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (isFeelNumber(expected)) return isFeelNumber(actual) && expected.minus(actual).abs().lte(TOLERANCE);
  if (typeof expected === 'string' || typeof expected === 'boolean') return expected === actual;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    return expected.every((e, i) => tckEquals(e, actual[i] as FeelValue));
  }
  if (expected instanceof FeelContext) {
    if (!(actual instanceof FeelContext) || actual.entries.size !== expected.entries.size) return false;
    for (const [key, value] of expected.entries) {
      if (!actual.has(key) || !tckEquals(value, actual.get(key) as FeelValue)) return false;
    }
    return true;
  }
  const zeroDuration = (v: FeelValue) =>
    (v instanceof DaysTimeDuration && v.seconds.isZero()) || (v instanceof YearsMonthsDuration && v.months === 0);
  if (zeroDuration(expected) && zeroDuration(actual)) return true;
  if (expected instanceof DaysTimeDuration) return actual instanceof DaysTimeDuration && expected.seconds.eq(actual.seconds);
  if (expected instanceof YearsMonthsDuration) return actual instanceof YearsMonthsDuration && expected.months === actual.months;
  if (expected instanceof FeelDate && !(actual instanceof FeelDateTime)) {
    return actual instanceof FeelDate && expected.year === actual.year && expected.month === actual.month && expected.day === actual.day;
  }
  if (expected instanceof FeelTime) return actual instanceof FeelTime && sameTime(expected, actual);
  if (expected instanceof FeelDateTime) {
    return actual instanceof FeelDateTime && tckEquals(expected.date, actual.date) && sameTime(expected.time, actual.time);
  }
  return valuesEqual(expected, actual) === true;
}

/** A value as FEEL text, for reports. */
export function showValue(value: FeelValue): string {
  try {
    return valueToLiteral(value);
  } catch {
    return String(value);
  }
}
