/**
 * The literal values the analysis understands, read from FEEL syntax trees: numbers, strings,
 * booleans, null, dates and date-times (`date("2024-01-01")`, `@"2024-01-01T10:00:00Z"`).
 * Ordered kinds carry a decimal `order` (the number, the epoch day, the instant in seconds), so
 * one comparison serves them all.
 */
import type { Node } from '../feel/syntax/ast.js';
import { FeelDecimal, type FeelDateTime, type FeelNumber } from '../feel/values/feel-value.js';
import {
  epochDay,
  formatDate,
  formatDateTime,
  instantSeconds,
  parseDate,
  parseDateTime,
} from '../feel/values/temporal.js';

export type OrderedKind = 'number' | 'date' | 'dateTime' | 'zonedDateTime';

export interface OrderedLiteral {
  kind: OrderedKind;
  order: FeelNumber;
  /** FEEL text of the value: `5000000`, `date("2024-01-01")`. */
  text: string;
}

export type Literal =
  OrderedLiteral | { kind: 'string'; value: string } | { kind: 'boolean'; value: boolean } | { kind: 'null' };

/** The kinds of value a decision table column can hold, as far as the analysis goes. */
export type LiteralKind = Exclude<Literal['kind'], 'null'>;

export function isOrdered(literal: Literal): literal is OrderedLiteral {
  return (
    literal.kind === 'number' ||
    literal.kind === 'date' ||
    literal.kind === 'dateTime' ||
    literal.kind === 'zonedDateTime'
  );
}

function numberLiteral(value: FeelNumber): OrderedLiteral {
  return { kind: 'number', order: value, text: value.toFixed() };
}

function dateLiteral(text: string): OrderedLiteral | undefined {
  const date = parseDate(text);
  return date === null
    ? undefined
    : {
        kind: 'date',
        order: new FeelDecimal(epochDay(date)),
        text: `date(${JSON.stringify(formatDate(date))})`,
      };
}

function dateTimeLiteral(text: string): OrderedLiteral | undefined {
  const dt = parseDateTime(text);
  // A zone id makes `=` differ from the instant order (equal only to the same kind of zone): not analysed.
  if (dt === null || dt.time.zone !== null) return undefined;
  const zoned = dt.time.offsetSeconds !== null;
  return {
    kind: zoned ? 'zonedDateTime' : 'dateTime',
    order: instantSeconds(dt, zoned ? (dt.time.offsetSeconds as number) : 0),
    text: `date and time(${JSON.stringify(formatDateTime(dt as FeelDateTime))})`,
  };
}

/** `date("...")`, `date and time("...")` (or `from:`) with a string literal argument. */
function conversionCall(node: Node & { kind: 'call' }): Literal | undefined {
  if (node.callee.kind !== 'name' || node.args.length !== 1) return undefined;
  const arg = node.args[0]!;
  if (arg.value.kind !== 'string' || (arg.name !== null && arg.name !== 'from')) return undefined;
  if (node.callee.name === 'date') return dateLiteral(arg.value.value);
  if (node.callee.name === 'date and time')
    return arg.value.value.includes('T') ? dateTimeLiteral(arg.value.value) : undefined;
  return undefined;
}

/** The literal a syntax node stands for, or undefined when it is anything else. */
export function literalOf(node: Node): Literal | undefined {
  switch (node.kind) {
    case 'number':
      return numberLiteral(new FeelDecimal(node.text));
    case 'negate':
      return node.operand.kind === 'number'
        ? numberLiteral(new FeelDecimal(node.operand.text).negated())
        : undefined;
    case 'string':
      return { kind: 'string', value: node.value };
    case 'boolean':
      return { kind: 'boolean', value: node.value };
    case 'null':
      return { kind: 'null' };
    case 'temporal':
      if (/^-?\d{4,9}-\d{2}-\d{2}$/.test(node.text)) return dateLiteral(node.text);
      return node.text.includes('T') ? dateTimeLiteral(node.text) : undefined;
    case 'call':
      return conversionCall(node);
    default:
      return undefined;
  }
}

/** Whether two literals are the same value (FEEL `=` on values of one kind). */
export function sameLiteral(a: Literal, b: Literal): boolean {
  if (a.kind !== b.kind) return false;
  if (isOrdered(a)) return a.order.eq((b as OrderedLiteral).order);
  if (a.kind === 'null') return true;
  return a.value === (b as { value: string | boolean }).value;
}
