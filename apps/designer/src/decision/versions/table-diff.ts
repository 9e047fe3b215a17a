/**
 * Two versions of a decision's tables compared as an analyst reads them: hit policy, columns, and
 * rules added, removed, changed (with the cells that changed) or moved. Rules are matched by id;
 * rules without ids by their order, aligned so that one inserted or deleted rule does not make every
 * rule after it look changed.
 */
import type { DecisionArtifact, DecisionTable, DecisionTableRule } from '@bankforge/rule-engine';
import { cellText, columnTitle as gridColumnTitle, type ColumnPart } from '../grid/table-columns.js';
import { hitPolicyChoice } from '../page/hit-policy.js';

/** A rule by its place in its version's table (0-based) and its id, when it has one. */
export interface RulePlace {
  index: number;
  id?: string;
}

export interface CellChange {
  part: ColumnPart;
  /** The column's title (in the later version). */
  column: string;
  before: string;
  after: string;
}

export interface RuleCell {
  part: ColumnPart;
  column: string;
  text: string;
}

export type RuleChange =
  | { kind: 'added'; after: RulePlace; cells: RuleCell[] }
  | { kind: 'removed'; before: RulePlace; cells: RuleCell[] }
  /** Changed cells (none when the rule only moved); `moved`: its order among the other rules changed. */
  | { kind: 'changed'; before: RulePlace; after: RulePlace; cells: CellChange[]; moved: boolean };

export interface PropertyChange {
  property: string;
  before: string;
  after: string;
}

export interface ColumnChange {
  part: ColumnPart;
  kind: 'added' | 'removed' | 'changed';
  column: string;
  /** What changed in a changed column (expression, label, type, allowed values, ...). */
  properties: PropertyChange[];
}

export interface TableChanges {
  hitPolicy?: { before: string; after: string };
  columns: ColumnChange[];
  rules: RuleChange[];
}

export interface TableDiff extends TableChanges {
  /** The decision or business knowledge model the table is the logic of. */
  element: string;
  kind: 'added' | 'removed' | 'changed';
  ruleCount: { before: number; after: number };
}

/** Above this many rule pairs the rules without ids are paired by position only (the alignment is quadratic). */
const MAX_ALIGNMENT = 1_000_000;

/** The decision tables of an artifact by the element they are the logic of. */
function tablesOf(artifact: DecisionArtifact): Map<string, DecisionTable> {
  const tables = new Map<string, DecisionTable>();
  const add = (element: { name: string; import?: string }, logic: unknown) => {
    const table = logic as DecisionTable | undefined;
    if (table?.kind === 'decisionTable')
      tables.set(element.import === undefined ? element.name : `${element.import}.${element.name}`, table);
  };
  for (const decision of artifact.decisions) add(decision, decision.logic);
  for (const bkm of artifact.businessKnowledgeModels ?? []) add(bkm, bkm.body);
  return tables;
}

/** The tables that differ between two versions: in the later version's order, then the removed ones. */
export function diffDecisionTables(before: DecisionArtifact, after: DecisionArtifact): TableDiff[] {
  const old = tablesOf(before);
  const now = tablesOf(after);
  const diffs: TableDiff[] = [];
  for (const [element, table] of now) {
    const previous = old.get(element);
    const ruleCount = { before: previous?.rules.length ?? 0, after: table.rules.length };
    if (previous === undefined) {
      diffs.push({ element, kind: 'added', ruleCount, columns: [], rules: [] });
      continue;
    }
    const changes = diffTable(previous, table);
    if (changes.hitPolicy || changes.columns.length > 0 || changes.rules.length > 0)
      diffs.push({ element, kind: 'changed', ruleCount, ...changes });
  }
  for (const [element, table] of old) {
    if (!now.has(element))
      diffs.push({
        element,
        kind: 'removed',
        ruleCount: { before: table.rules.length, after: 0 },
        columns: [],
        rules: [],
      });
  }
  return diffs;
}

interface Column {
  part: ColumnPart;
  /** The column's index within its part, in each version. */
  before?: number;
  after?: number;
}

/** The grid's title of a column; an unnamed output (a table's only one) by its number. */
function columnTitle(table: DecisionTable, part: ColumnPart, index: number): string {
  return gridColumnTitle(table, { part, index }) || `#${index + 1}`;
}

/** The columns of one part of the two versions paired: first by identity, the rest in order. */
function pairColumns<C>(
  part: ColumnPart,
  before: readonly C[],
  after: readonly C[],
  identity: (column: C) => string | undefined,
): Column[] {
  const pairs: Column[] = [];
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  after.forEach((column, a) => {
    const id = identity(column);
    if (id === undefined) return;
    const b = before.findIndex((candidate, i) => !usedBefore.has(i) && identity(candidate) === id);
    if (b < 0) return;
    usedBefore.add(b);
    usedAfter.add(a);
    pairs.push({ part, before: b, after: a });
  });
  const restBefore = before.map((_, i) => i).filter((i) => !usedBefore.has(i));
  const restAfter = after.map((_, i) => i).filter((i) => !usedAfter.has(i));
  for (let i = 0; i < Math.max(restBefore.length, restAfter.length); i++) {
    const b = restBefore[i];
    const a = restAfter[i];
    pairs.push({ part, ...(b === undefined ? {} : { before: b }), ...(a === undefined ? {} : { after: a }) });
  }
  return pairs.sort(
    (x, y) => (x.after ?? Infinity) - (y.after ?? Infinity) || (x.before ?? 0) - (y.before ?? 0),
  );
}

const INPUT_PROPERTIES = ['expression', 'label', 'typeRef', 'inputValues'] as const;
const OUTPUT_PROPERTIES = ['name', 'label', 'typeRef', 'outputValues', 'defaultOutputEntry'] as const;

function propertyChanges<C extends object>(
  before: C,
  after: C,
  properties: readonly (keyof C & string)[],
): PropertyChange[] {
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return properties
    .filter((p) => text(before[p]) !== text(after[p]))
    .map((property) => ({ property, before: text(before[property]), after: text(after[property]) }));
}

function columnChange(before: DecisionTable, after: DecisionTable, column: Column): ColumnChange | undefined {
  const { part } = column;
  if (column.before === undefined)
    return { part, kind: 'added', column: columnTitle(after, part, column.after!), properties: [] };
  if (column.after === undefined)
    return { part, kind: 'removed', column: columnTitle(before, part, column.before), properties: [] };
  const properties =
    part === 'input'
      ? propertyChanges(before.inputs[column.before]!, after.inputs[column.after]!, INPUT_PROPERTIES)
      : part === 'output'
        ? propertyChanges(before.outputs[column.before]!, after.outputs[column.after]!, OUTPUT_PROPERTIES)
        : propertyChanges(
            { name: before.annotations?.[column.before] },
            { name: after.annotations?.[column.after] },
            ['name'],
          );
  return properties.length === 0
    ? undefined
    : { part, kind: 'changed', column: columnTitle(after, part, column.after), properties };
}

/** What changed in one table between two versions. */
export function diffTable(before: DecisionTable, after: DecisionTable): TableChanges {
  const columns = [
    ...pairColumns('input', before.inputs, after.inputs, (c) => c.expression),
    ...pairColumns('output', before.outputs, after.outputs, (c) => c.name),
    ...pairColumns('annotation', before.annotations ?? [], after.annotations ?? [], (c) => c),
  ];
  const shared = columns.filter(
    (c): c is Required<Column> => c.before !== undefined && c.after !== undefined,
  );
  // A rule's cells are compared in the columns both versions have; an added column is one change, not one per rule.
  const cellChanges = (b: DecisionTableRule, a: DecisionTableRule): CellChange[] =>
    shared.flatMap((c) => {
      const was = cellText(b, { part: c.part, index: c.before });
      const is = cellText(a, { part: c.part, index: c.after });
      return was === is
        ? []
        : [{ part: c.part, column: columnTitle(after, c.part, c.after), before: was, after: is }];
    });
  const cellsOf = (table: DecisionTable, rule: DecisionTableRule, side: 'before' | 'after'): RuleCell[] =>
    columns.flatMap((c) => {
      const index = c[side];
      return index === undefined
        ? []
        : [
            {
              part: c.part,
              column: columnTitle(table, c.part, index),
              text: cellText(rule, { part: c.part, index }),
            },
          ];
    });

  const pairs = pairRules(
    before.rules,
    after.rules,
    (b, a) => cellChanges(before.rules[b]!, after.rules[a]!).length === 0,
  );
  const moved = movedPairs(pairs);
  const place = (rules: readonly DecisionTableRule[], index: number): RulePlace => {
    const id = rules[index]!.id;
    return id === undefined ? { index } : { index, id };
  };
  const ordered: { key: number; change: RuleChange }[] = [];
  for (const [b, a] of pairs) {
    const cells = cellChanges(before.rules[b]!, after.rules[a]!);
    const isMoved = moved.has(b);
    if (cells.length > 0 || isMoved)
      ordered.push({
        key: a,
        change: {
          kind: 'changed',
          before: place(before.rules, b),
          after: place(after.rules, a),
          cells,
          moved: isMoved,
        },
      });
  }
  const pairedBefore = new Map(pairs);
  const pairedAfter = new Set(pairs.map(([, a]) => a));
  after.rules.forEach((rule, a) => {
    if (!pairedAfter.has(a))
      ordered.push({
        key: a,
        change: { kind: 'added', after: place(after.rules, a), cells: cellsOf(after, rule, 'after') },
      });
  });
  before.rules.forEach((rule, b) => {
    if (pairedBefore.has(b)) return;
    // A removed rule is listed where it stood: after the later place of the nearest kept rule above it.
    let anchor = -1;
    for (let k = b - 1; k >= 0; k--) {
      const a = pairedBefore.get(k);
      if (a !== undefined) {
        anchor = a;
        break;
      }
    }
    ordered.push({
      key: anchor + 0.5 + b / (before.rules.length + 1) / 2,
      change: { kind: 'removed', before: place(before.rules, b), cells: cellsOf(before, rule, 'before') },
    });
  });

  const hitBefore = hitPolicyChoice(before);
  const hitAfter = hitPolicyChoice(after);
  return {
    ...(hitBefore === hitAfter ? {} : { hitPolicy: { before: hitBefore, after: hitAfter } }),
    columns: columns
      .map((c) => columnChange(before, after, c))
      .filter((c): c is ColumnChange => c !== undefined),
    rules: ordered.sort((x, y) => x.key - y.key).map((o) => o.change),
  };
}

/**
 * The rules of two versions paired (before index, after index): the same id first; then the rest in
 * order, where two rules with different ids never pair: equal rules are aligned (longest common
 * subsequence), and the rules between two aligned ones pair up by position (those without ids first).
 */
export function pairRules(
  before: readonly DecisionTableRule[],
  after: readonly DecisionTableRule[],
  same: (b: number, a: number) => boolean,
): [number, number][] {
  const pairs: [number, number][] = [];
  const afterById = new Map<string, number>();
  after.forEach((rule, a) => {
    if (rule.id !== undefined && !afterById.has(rule.id)) afterById.set(rule.id, a);
  });
  const usedAfter = new Set<number>();
  const restBefore: number[] = [];
  before.forEach((rule, b) => {
    const a = rule.id === undefined ? undefined : afterById.get(rule.id);
    if (a === undefined || usedAfter.has(a)) restBefore.push(b);
    else {
      usedAfter.add(a);
      pairs.push([b, a]);
    }
  });
  const restAfter = after.map((_, a) => a).filter((a) => !usedAfter.has(a));
  const compatible = (b: number, a: number) => before[b]!.id === undefined || after[a]!.id === undefined;

  const anchors =
    restBefore.length * restAfter.length <= MAX_ALIGNMENT
      ? alignEqual(restBefore, restAfter, (b, a) => compatible(b, a) && same(b, a))
      : [];
  let fromB = 0;
  let fromA = 0;
  for (const [i, j] of [...anchors, [restBefore.length, restAfter.length] as const]) {
    const gapBefore = restBefore.slice(fromB, i);
    const gapAfter = restAfter.slice(fromA, j);
    // Rules without ids pair with each other first; a rule with an id then takes a leftover one without.
    const paired = zip(
      gapBefore.filter((b) => before[b]!.id === undefined),
      gapAfter.filter((a) => after[a]!.id === undefined),
    );
    const leftBefore = gapBefore.filter((b) => !paired.some(([x]) => x === b));
    const leftAfter = gapAfter.filter((a) => !paired.some(([, y]) => y === a));
    pairs.push(...paired, ...zip(leftBefore, leftAfter).filter(([b, a]) => compatible(b, a)));
    if (i < restBefore.length && j < restAfter.length) pairs.push([restBefore[i]!, restAfter[j]!]);
    fromB = i + 1;
    fromA = j + 1;
  }
  return pairs.sort((x, y) => x[0] - y[0]);
}

function zip(left: readonly number[], right: readonly number[]): [number, number][] {
  return left.slice(0, right.length).map((l, k) => [l, right[k]!]);
}

/** The longest common subsequence of two index lists under `equal`, as pairs of positions in them. */
function alignEqual(
  left: readonly number[],
  right: readonly number[],
  equal: (l: number, r: number) => boolean,
): [number, number][] {
  const n = left.length;
  const m = right.length;
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = equal(left[i]!, right[j]!)
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const aligned: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (equal(left[i]!, right[j]!) && lengths[i * width + j] === lengths[(i + 1) * width + j + 1]! + 1)
      aligned.push([i++, j++]);
    else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return aligned;
}

/**
 * The paired rules whose order among the other paired rules changed: those outside the longest run
 * of pairs that kept their order (a rule moved down shows as one move, not as every rule it passed).
 */
function movedPairs(pairs: readonly [number, number][]): Set<number> {
  // Longest increasing subsequence of the later places, the pairs being in their earlier order.
  const tails: number[] = [];
  const previous: number[] = [];
  pairs.forEach(([, a], k) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (pairs[tails[mid]!]![1] < a) low = mid + 1;
      else high = mid;
    }
    previous[k] = low > 0 ? tails[low - 1]! : -1;
    tails[low] = k;
  });
  const kept = new Set<number>();
  for (let k = tails.at(-1) ?? -1; k >= 0; k = previous[k]!) kept.add(k);
  return new Set(pairs.filter((_, k) => !kept.has(k)).map(([b]) => b));
}
