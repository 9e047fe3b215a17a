/**
 * Decision table verification: gaps (inputs no rule matches), overlaps (inputs two rules match)
 * and rules that can never decide, found on the table's slot grid (column.ts) by the sweep
 * (sweep.ts) and by pairwise comparison. Every claim is sound: a cell the analysis cannot read
 * counts as matching anything where that would hide a gap, and nothing where it would invent an
 * overlap or a shadowing, and is listed in `skipped`.
 */
import type { DecisionTable } from '../dmn/model.js';
import { readCell, type CellReading } from './cells.js';
import { buildColumn, columnKind, type Column } from './column.js';
import { declaredType } from './input-type.js';
import { comparePriorities, outputLiterals, outputsDiffer, priorities, skipOutputs } from './outputs.js';
import { intersect, isSubset, meets, type SlotSet } from './slots.js';
import { Budget, covers, uncoveredBoxes, type SweepGrid } from './sweep.js';
import type {
  DecisionTableAnalysis,
  DecisionTableAnalysisOptions,
  RuleOverlap,
  SkippedCell,
  TableGap,
  UnreachableRule,
} from './types.js';

/** Sweep steps for the gap search, and again for all shadowing checks: far above any real table's need. */
const WORK_BUDGET = 20_000_000;

function regionText(columns: readonly Column[], entries: readonly string[]): string {
  const constrained = columns.filter((_, c) => entries[c] !== '-');
  const shown = constrained.length > 0 ? constrained : columns;
  return shown.length === 0 ? '-' : shown.map((col) => `${col.label}: ${entries[col.index]}`).join(', ');
}

/** Per rule and column, the slots its cell matches within the column's domain (lower or upper reading). */
function clipped(columns: readonly Column[], ruleCount: number, which: 'lower' | 'upper'): SlotSet[][] {
  return Array.from({ length: ruleCount }, (_, r) =>
    columns.map((col) => {
      const cell = col[which][r];
      return cell === null || cell === undefined ? col.domain : intersect(cell, col.domain);
    }),
  );
}

function findGaps(
  columns: readonly Column[],
  ruleCount: number,
  limit: number,
): { gaps: TableGap[]; complete: boolean } {
  const grid: SweepGrid = { domain: columns.map((c) => c.domain), cells: columns.map((c) => c.upper) };
  const rules = Array.from({ length: ruleCount }, (_, r) => r);
  const { boxes, complete } = uncoveredBoxes(grid, rules, limit, new Budget(WORK_BUDGET));
  const gaps = boxes.map((box): TableGap => {
    const inputEntries = box.map((set, c) => columns[c]!.render(set));
    return { code: 'gap', inputEntries, text: regionText(columns, inputEntries) };
  });
  return { gaps, complete };
}

function findOverlaps(
  table: DecisionTable,
  columns: readonly Column[],
  lower: readonly SlotSet[][],
  limit: number,
  skipped: SkippedCell[],
): { overlaps: RuleOverlap[]; complete: boolean } {
  const any = table.hitPolicy === 'A';
  const literals = any ? outputLiterals(table) : [];
  const seen = new Set<string>();
  const overlaps: RuleOverlap[] = [];
  let complete = true;
  for (let i = 0; i < lower.length; i++) {
    const a = lower[i]!;
    for (let j = i + 1; j < lower.length; j++) {
      const b = lower[j]!;
      if (!a.every((set, c) => meets(set, b[c]!))) continue;
      if (any) {
        const differ = outputsDiffer(literals[i]!, literals[j]!);
        if (differ === false) continue;
        if (differ === null) {
          skipOutputs(table, i, literals[i]!, skipped, seen);
          skipOutputs(table, j, literals[j]!, skipped, seen);
          continue;
        }
      }
      if (overlaps.length === limit) {
        complete = false;
        continue;
      }
      const inputEntries = a.map((set, c) => columns[c]!.render(intersect(set, b[c]!)));
      overlaps.push({
        code: any ? 'conflictingOverlap' : 'overlap',
        rules: [i, j],
        inputEntries,
        text: regionText(columns, inputEntries),
      });
    }
  }
  return { overlaps, complete };
}

/**
 * Rules that never match, and under FIRST and PRIORITY rules whose every input is taken by rules
 * that win over them.
 */
function findUnreachable(
  table: DecisionTable,
  columns: readonly Column[],
  lower: readonly SlotSet[][],
  upper: readonly SlotSet[][],
  skipped: SkippedCell[],
): { unreachable: UnreachableRule[]; complete: boolean } {
  const unreachable: UnreachableRule[] = [];
  const never = upper.map((region) => region.some((set) => set.length === 0));
  const policy = table.hitPolicy;
  const literals = policy === 'P' ? outputLiterals(table) : [];
  const ranks = priorities(table, literals);
  const budget = new Budget(WORK_BUDGET);
  const cells = columns.map((c) => c.lower);
  upper.forEach((region, r) => {
    if (never[r]) {
      unreachable.push({ code: 'ruleNeverMatches', rule: r, coveredBy: [] });
      return;
    }
    if (policy !== 'F' && policy !== 'P') return;
    const rank = ranks[r];
    if (policy === 'P' && rank === undefined) return;
    const wins = (j: number): boolean => {
      if (policy === 'F') return j < r;
      const other = ranks[j];
      if (other === undefined) return false;
      const order = comparePriorities(other, rank!);
      return order < 0 || (order === 0 && j < r);
    };
    const candidates: number[] = [];
    for (let j = 0; j < lower.length; j++) {
      if (j !== r && !never[j] && wins(j) && lower[j]!.every((set, c) => meets(set, region[c]!)))
        candidates.push(j);
    }
    if (candidates.length === 0) return;
    const single = candidates.find((j) => region.every((set, c) => isSubset(set, lower[j]![c]!)));
    if (single !== undefined) unreachable.push({ code: 'shadowedRule', rule: r, coveredBy: [single] });
    else if (covers({ domain: region, cells }, candidates, budget))
      unreachable.push({ code: 'shadowedRule', rule: r, coveredBy: candidates });
  });
  if (policy === 'P') {
    // Priorities that could not be read leave rules unjudged: say which outputs.
    const seen = new Set<string>();
    ranks.forEach((rank, r) => {
      if (rank === undefined) skipOutputs(table, r, literals[r]!, skipped, seen);
    });
  }
  return { unreachable, complete: !budget.exhausted };
}

/**
 * Analyses a decision table: gaps (UNIQUE, ANY, PRIORITY, FIRST), overlaps (UNIQUE; ANY when the
 * outputs differ), rules shadowed by earlier or higher-priority ones (FIRST, PRIORITY) and rules
 * that match nothing (any hit policy). Pure; rule and column indexes are 0-based.
 */
export function analyzeDecisionTable(
  table: DecisionTable,
  options: DecisionTableAnalysisOptions = {},
): DecisionTableAnalysis {
  const skipped: SkippedCell[] = [];
  const readings = new Map<string, CellReading>();
  const read = (text: string): { text: string; reading: CellReading } => {
    let reading = readings.get(text);
    if (reading === undefined) readings.set(text, (reading = readCell(text, options.names)));
    return { text, reading };
  };
  const columns = table.inputs.map((input, index) => {
    const declared = declaredType(input, options.itemDefinitions ?? []);
    return buildColumn(
      {
        index,
        input,
        declared,
        cells: table.rules.map((rule) => read(rule.inputEntries[index] ?? '-')),
        allowed: declared.allowed.map(read),
      },
      skipped,
    );
  });
  const ruleCount = table.rules.length;
  const lower = clipped(columns, ruleCount, 'lower');
  const upper = clipped(columns, ruleCount, 'upper');
  const policy = table.hitPolicy;
  const single = policy === 'U' || policy === 'A' || policy === 'P' || policy === 'F';
  const gaps = single ? findGaps(columns, ruleCount, options.maxGaps ?? 100) : { gaps: [], complete: true };
  const overlaps =
    policy === 'U' || policy === 'A'
      ? findOverlaps(table, columns, lower, options.maxOverlaps ?? 200, skipped)
      : { overlaps: [], complete: true };
  const unreachable = findUnreachable(table, columns, lower, upper, skipped);
  skipped.sort(
    (a, b) =>
      (a.part === b.part ? 0 : a.part === 'input' ? -1 : 1) ||
      (a.rule ?? -1) - (b.rule ?? -1) ||
      a.column - b.column,
  );
  return {
    hitPolicy: policy,
    columns: columns.map((c) => ({
      column: c.index,
      label: c.label,
      kind: columnKind(c.kind),
      unknown: c.unknown,
    })),
    gaps: gaps.gaps,
    overlaps: overlaps.overlaps,
    unreachable: unreachable.unreachable,
    skipped,
    truncated: !gaps.complete || !overlaps.complete || !unreachable.complete,
  };
}
