/**
 * Rules' outputs as far as the analysis compares them: literal output entries, whether two rules
 * answer the same (ANY), and a rule's priority (PRIORITY: the position of its output values in
 * each output's list, first output first, as the engine orders them).
 */
import { splitUnaryTests } from '../dmn/decision-table.js';
import type { DecisionTable } from '../dmn/model.js';
import { parseExpression } from '../feel/compile.js';
import { readCell, type CellReading, type TestPart } from './cells.js';
import { isOrdered, literalOf, sameLiteral, type Literal } from './literals.js';
import type { SkippedCell } from './types.js';

/** Per rule, per output: the literal, or undefined when the entry is not one. */
export function outputLiterals(table: DecisionTable): (Literal | undefined)[][] {
  const cache = new Map<string, Literal | undefined>();
  const read = (text: string): Literal | undefined => {
    const source = text.trim() === '' ? 'null' : text;
    if (!cache.has(source)) {
      const ast = parseExpression(source).ast;
      cache.set(source, ast === null ? undefined : literalOf(ast));
    }
    return cache.get(source);
  };
  return table.rules.map((rule) => table.outputs.map((_, o) => read(rule.outputEntries[o] ?? '')));
}

/** Whether two rules' outputs differ: true, false, or null when a non-literal entry leaves it open. */
export function outputsDiffer(
  a: readonly (Literal | undefined)[],
  b: readonly (Literal | undefined)[],
): boolean | null {
  let open = false;
  for (let o = 0; o < a.length; o++) {
    const x = a[o];
    const y = b[o];
    if (x === undefined || y === undefined) open = true;
    else if (!sameLiteral(x, y)) return true;
  }
  return open ? null : false;
}

/** Records the non-literal output cells of a rule (once each). */
export function skipOutputs(
  table: DecisionTable,
  rule: number,
  literals: readonly (Literal | undefined)[],
  skipped: SkippedCell[],
  seen: Set<string>,
): void {
  literals.forEach((literal, o) => {
    const key = `${rule}:${o}`;
    if (literal !== undefined || seen.has(key)) return;
    seen.add(key);
    skipped.push({
      code: 'nonLiteralOutput',
      part: 'output',
      rule,
      column: o,
      text: table.rules[rule]?.outputEntries[o] ?? '',
    });
  });
}

function partHolds(part: TestPart, value: Literal): boolean {
  switch (part.part) {
    case 'all':
      return value.kind !== 'null';
    case 'none':
      return false;
    case 'value':
      return sameLiteral(part.value, value);
    case 'allBut':
      return value.kind === part.value.kind && !sameLiteral(part.value, value);
    case 'interval': {
      if (!isOrdered(value) || (part.low ?? part.high)?.kind !== value.kind) return false;
      const low = part.low === null ? 1 : value.order.cmp(part.low.order);
      const high = part.high === null ? -1 : value.order.cmp(part.high.order);
      return (low > 0 || (low === 0 && part.lowIncluded)) && (high < 0 || (high === 0 && part.highIncluded));
    }
  }
}

/** Whether a literal passes read unary tests; undefined when the tests were not read. */
function passes(reading: CellReading, value: Literal): boolean | undefined {
  if (reading.reading === 'any') return true;
  if (reading.reading === 'unknown') return undefined;
  const some = reading.parts.some((p) => partHolds(p, value));
  return reading.negated ? !some && value.kind !== 'null' : some;
}

/**
 * Per rule, its priority (one position per output; lower comes first), or undefined when an
 * output entry or an output value in the way could not be read.
 */
export function priorities(
  table: DecisionTable,
  literals: readonly (readonly (Literal | undefined)[])[],
): (number[] | undefined)[] {
  const lists = table.outputs.map((o) =>
    o.outputValues !== undefined && o.outputValues.trim() !== ''
      ? splitUnaryTests(o.outputValues).map((part) => readCell(part))
      : [],
  );
  return literals.map((outputs) => {
    const out: number[] = [];
    for (let o = 0; o < lists.length; o++) {
      const list = lists[o]!;
      if (list.length === 0) {
        out.push(0);
        continue;
      }
      const value = outputs[o];
      if (value === undefined) return undefined;
      let position = list.length;
      for (let i = 0; i < list.length; i++) {
        const passed = passes(list[i]!, value);
        if (passed === undefined) return undefined;
        if (passed) {
          position = i;
          break;
        }
      }
      out.push(position);
    }
    return out;
  });
}

/** Negative when priority a wins over b, as the engine compares them. */
export function comparePriorities(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
