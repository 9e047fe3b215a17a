/**
 * A decision table cell (FEEL unary tests) read as data: the values it accepts as a union of
 * intervals and single values, possibly negated. Anything else (names, `?`, calls other than
 * date conversions, string ranges...) is not interpreted: the analysis then treats the cell as
 * unknown rather than guess.
 */
import { parseUnaryTests } from '../feel/compile.js';
import type { Node } from '../feel/syntax/ast.js';
import { isOrdered, literalOf, type Literal, type LiteralKind, type OrderedLiteral } from './literals.js';

/** One positive test: an interval of an ordered kind, one value, all but one value, or null / non-null. */
export type TestPart =
  | {
      part: 'interval';
      low: OrderedLiteral | null;
      lowIncluded: boolean;
      high: OrderedLiteral | null;
      highIncluded: boolean;
    }
  | { part: 'value'; value: Literal & { kind: 'string' | 'boolean' } }
  | { part: 'allBut'; value: Literal & { kind: 'string' | 'boolean' } }
  /** `null`: no value of the column's kind passes. */
  | { part: 'none' }
  /** `!= null`: every value passes. */
  | { part: 'all' };

export type CellReading =
  | { reading: 'any' }
  | {
      reading: 'tests';
      /** The kind of the literals, null when none names a kind (`null`, `!= null`). */
      kind: LiteralKind | null;
      negated: boolean;
      parts: TestPart[];
    }
  | { reading: 'unknown'; code: 'syntaxError' | 'unsupportedTest' | 'typeMismatch' };

const ANY: CellReading = { reading: 'any' };

function interval(
  low: OrderedLiteral | null,
  lowIncluded: boolean,
  high: OrderedLiteral | null,
  highIncluded: boolean,
): TestPart {
  return { part: 'interval', low, lowIncluded, high, highIncluded };
}

/** A literal compared by a unary operator (`< 5`, `!= "A"`). */
function comparison(operator: string, value: Literal): TestPart | undefined {
  if (value.kind === 'null') {
    if (operator === '=') return { part: 'none' };
    return operator === '!=' ? { part: 'all' } : undefined;
  }
  if (!isOrdered(value)) {
    if (operator === '=') return { part: 'value', value };
    return operator === '!=' ? { part: 'allBut', value } : undefined;
  }
  switch (operator) {
    case '<':
      return interval(null, false, value, false);
    case '<=':
      return interval(null, false, value, true);
    case '>':
      return interval(value, false, null, false);
    case '>=':
      return interval(value, true, null, false);
    case '=':
      return interval(value, true, value, true);
    default:
      return undefined;
  }
}

/** The parts of one positive test, or undefined when it is not a literal test. */
function testParts(node: Node): TestPart[] | undefined {
  if (node.kind === 'unary-comparison') {
    const value = literalOf(node.operand);
    if (value === undefined) return undefined;
    if (node.operator === '!=' && isOrdered(value))
      return [interval(null, false, value, false), interval(value, false, null, false)];
    const part = comparison(node.operator, value);
    return part === undefined ? undefined : [part];
  }
  if (node.kind === 'range') {
    const low = literalOf(node.low);
    const high = literalOf(node.high);
    if (
      low === undefined ||
      high === undefined ||
      !isOrdered(low) ||
      !isOrdered(high) ||
      low.kind !== high.kind
    )
      return undefined;
    return [interval(low, node.startIncluded, high, node.endIncluded)];
  }
  const value = literalOf(node);
  if (value === undefined) return undefined;
  // A boolean literal tests a non-boolean input by its own truth: the column's kind check refuses that case.
  return [comparison('=', value) as TestPart];
}

function kindOf(part: TestPart): LiteralKind | null {
  switch (part.part) {
    case 'interval':
      return (part.low ?? part.high)?.kind ?? null;
    case 'value':
    case 'allBut':
      return part.value.kind;
    default:
      return null;
  }
}

/** Reads a cell's unary tests (cached by text by the caller); `names`: multi-word names in scope. */
export function readCell(source: string, names: readonly string[] = []): CellReading {
  const text = source.trim();
  if (text === '' || text === '-') return ANY;
  const parsed = parseUnaryTests(text, { names: [...names] });
  if (parsed.ast === null) return { reading: 'unknown', code: 'syntaxError' };
  const ast = parsed.ast;
  if (ast.kind === 'any-input') return ANY;
  if (ast.kind !== 'unary-tests') return { reading: 'unknown', code: 'unsupportedTest' };
  const parts: TestPart[] = [];
  for (const test of ast.tests) {
    const read = testParts(test);
    if (read === undefined) return { reading: 'unknown', code: 'unsupportedTest' };
    parts.push(...read);
  }
  let kind: LiteralKind | null = null;
  for (const part of parts) {
    const k = kindOf(part);
    if (k === null) continue;
    if (kind !== null && k !== kind) return { reading: 'unknown', code: 'typeMismatch' };
    kind = k;
  }
  return { reading: 'tests', kind, negated: ast.negated, parts };
}
