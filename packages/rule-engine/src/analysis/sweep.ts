/**
 * The multi-dimensional sweep over a table's slot grid (the approach of Calvanese et al.,
 * "Semantic DMN: formalizing and reasoning about decisions in the presence of background
 * knowledge", and of the Drools verifier): sweep the first column's slots, and wherever the set
 * of rules whose cells hold the slot changes, recurse into the next column with only those rules.
 * Slots where the set is empty are uncovered, together with everything in the later columns.
 * Runs of slots with the same set are one step; sets already seen are answered from a memo, and
 * slots whose sub-results are equal are merged, so a gap comes out as one readable box.
 */
import { isSubset, slotSet, type SlotSet } from './slots.js';

export interface SweepGrid {
  /** Per column, the slots to cover. */
  readonly domain: readonly SlotSet[];
  /** cells[c][r]: the slots rule r's cell matches in column c (null: every slot). */
  readonly cells: readonly (readonly (SlotSet | null)[])[];
}

/** Work left before a search gives up (one step per rule looked at per run of slots). */
export class Budget {
  exhausted = false;
  constructor(private steps: number) {}
  spend(n: number): boolean {
    this.steps -= n;
    if (this.steps < 0) this.exhausted = true;
    return !this.exhausted;
  }
}

/** A rule's share of a set's hash (murmur3's finaliser): XOR over the members, updated per event. */
function ruleHash(rule: number): number {
  let h = rule + 1;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

/** A set of rules (ascending) with its hash, for memo and group lookups (the members decide, not the hash). */
export interface RuleSet {
  readonly members: readonly number[];
  readonly hash: number;
}

export function ruleSet(members: readonly number[]): RuleSet {
  let hash = 0;
  for (const r of members) hash ^= ruleHash(r);
  return { members, hash };
}

function sameMembers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A map keyed by rule sets: buckets by hash, members compared. */
class RuleSetMap<T> {
  private readonly buckets = new Map<number, { members: readonly number[]; value: T }[]>();
  get(set: RuleSet): T | undefined {
    return this.buckets.get(set.hash)?.find((e) => sameMembers(e.members, set.members))?.value;
  }
  set(set: RuleSet, value: T): void {
    const bucket = this.buckets.get(set.hash);
    if (bucket === undefined) this.buckets.set(set.hash, [{ members: set.members, value }]);
    else bucket.push({ members: set.members, value });
  }
}

interface Group extends RuleSet {
  ranges: [number, number][];
}

/**
 * Runs of column c's domain by the set of active rules holding them, grouped by that set: a sweep
 * over the cells' range ends, keeping the set (flags, count and hash) up to date event by event.
 * `inside` is scratch, one flag per rule of the table, all zero on entry and on return.
 */
function partition(grid: SweepGrid, c: number, active: RuleSet, inside: Uint8Array, budget: Budget): Group[] {
  const domain = grid.domain[c]!;
  const cells = grid.cells[c]!;
  const ends: number[] = [];
  let varying = false;
  for (const r of active.members) {
    const cell = cells[r];
    if (cell === null || cell === undefined) continue;
    varying = true;
    for (let i = 0; i < cell.length; i += 2) ends.push(cell[i]!, r, cell[i + 1]! + 1, ~r);
  }
  if (!varying) {
    const ranges: [number, number][] = [];
    for (let i = 0; i < domain.length; i += 2) ranges.push([domain[i]!, domain[i + 1]!]);
    return ranges.length === 0 ? [] : [{ ...active, ranges }];
  }
  const order = Array.from({ length: ends.length / 2 }, (_, i) => 2 * i).sort((x, y) => ends[x]! - ends[y]!);
  let hash = 0;
  let count = 0;
  for (const r of active.members) {
    if (cells[r] !== null && cells[r] !== undefined) continue;
    inside[r] = 1;
    hash ^= ruleHash(r);
    count++;
  }
  const groups = new Map<number, Group[]>();
  const found: Group[] = [];
  let next = 0;
  for (let i = 0; i < domain.length; i += 2) {
    const high = domain[i + 1]!;
    for (let s = domain[i]!; s <= high;) {
      for (; next < order.length && ends[order[next]!]! <= s; next++) {
        const event = ends[order[next]! + 1]!;
        const r = event < 0 ? ~event : event;
        inside[r] = event < 0 ? 0 : 1;
        hash ^= ruleHash(r);
        count += event < 0 ? -1 : 1;
      }
      const e = Math.min(high, next < order.length ? ends[order[next]!]! - 1 : high);
      budget.spend(1 + count);
      const bucket = groups.get(hash);
      let group = bucket?.find((g) => g.members.length === count && g.members.every((r) => inside[r] === 1));
      if (group === undefined) {
        group = { members: active.members.filter((r) => inside[r] === 1), hash, ranges: [] };
        if (bucket === undefined) groups.set(hash, [group]);
        else bucket.push(group);
        found.push(group);
      }
      const last = group.ranges[group.ranges.length - 1];
      if (last !== undefined && last[1] + 1 === s) last[1] = e;
      else group.ranges.push([s, e]);
      s = e + 1;
    }
  }
  for (const r of active.members) inside[r] = 0;
  return found;
}

interface Boxes {
  /** Uncovered boxes over the columns from here on, one slot set per column. */
  readonly boxes: readonly (readonly SlotSet[])[];
  /** Equal for equal box lists, so runs with the same answer merge. */
  readonly id: string;
}

function ruleCount(grid: SweepGrid): number {
  return grid.cells.reduce((n, cells) => Math.max(n, cells.length), 0);
}

/**
 * fullFrom[c][r]: rule r's cells hold the whole domain of every column from c on, so any box
 * reaching column c with r among its rules is covered, with no need to sweep further.
 */
function fullFrom(grid: SweepGrid): Uint8Array[] {
  const columns = grid.domain.length;
  const rules = ruleCount(grid);
  const out = Array.from({ length: columns + 1 }, () => new Uint8Array(rules).fill(1));
  for (let c = columns - 1; c >= 0; c--) {
    const domain = grid.domain[c]!;
    const cells = grid.cells[c]!;
    for (let r = 0; r < rules; r++) {
      const cell = cells[r];
      out[c]![r] = out[c + 1]![r]! && (cell === null || cell === undefined || isSubset(domain, cell)) ? 1 : 0;
    }
  }
  return out;
}

const COVERED: Boxes = { boxes: [], id: '' };

function boxesOf(boxes: (readonly SlotSet[])[]): Boxes {
  return { boxes, id: boxes.map((box) => box.map((set) => set.join(',')).join('|')).join(';') };
}

/** The uncovered boxes: listed up to `limit`, `complete` false when there were more or the budget ran out. */
export function uncoveredBoxes(
  grid: SweepGrid,
  rules: readonly number[],
  limit: number,
  budget: Budget,
): { boxes: readonly (readonly SlotSet[])[]; complete: boolean } {
  const columns = grid.domain.length;
  const memo = Array.from({ length: columns }, () => new RuleSetMap<Boxes>());
  const inside = new Uint8Array(ruleCount(grid));
  const full = fullFrom(grid);
  let truncated = false;
  const search = (c: number, active: RuleSet): Boxes => {
    if (c === columns) return active.members.length === 0 ? boxesOf([[]]) : COVERED;
    if (active.members.some((r) => full[c]![r] === 1)) return COVERED;
    const known = memo[c]!.get(active);
    if (known !== undefined) return known;
    const byAnswer = new Map<string, { answer: Boxes; ranges: [number, number][] }>();
    for (const group of partition(grid, c, active, inside, budget)) {
      // Past the limit the list is cut anyway: stop searching (what was found stays true).
      if (budget.exhausted || truncated) break;
      const answer = search(c + 1, group);
      if (answer.boxes.length === 0) continue;
      const same = byAnswer.get(answer.id);
      if (same === undefined) byAnswer.set(answer.id, { answer, ranges: [...group.ranges] });
      else same.ranges.push(...group.ranges);
    }
    const boxes: (readonly SlotSet[])[] = [];
    for (const { answer, ranges } of byAnswer.values()) {
      const here = slotSet(ranges);
      for (const rest of answer.boxes) {
        if (boxes.length === limit) {
          truncated = true;
          break;
        }
        boxes.push([here, ...rest]);
      }
    }
    const result = boxesOf(boxes);
    memo[c]!.set(active, result);
    return result;
  };
  const { boxes } = search(0, ruleSet(rules));
  return { boxes, complete: !truncated && !budget.exhausted };
}

/** Whether the rules together cover the whole domain; false also when the budget runs out first. */
export function covers(grid: SweepGrid, rules: readonly number[], budget: Budget): boolean {
  const columns = grid.domain.length;
  const memo = Array.from({ length: columns }, () => new RuleSetMap<boolean>());
  const inside = new Uint8Array(ruleCount(grid));
  const full = fullFrom(grid);
  const uncovered = (c: number, active: RuleSet): boolean => {
    if (active.members.length === 0) return grid.domain.slice(c).every((d) => d.length > 0);
    if (c === columns || active.members.some((r) => full[c]![r] === 1)) return false;
    const known = memo[c]!.get(active);
    if (known !== undefined) return known;
    let found = false;
    for (const group of partition(grid, c, active, inside, budget)) {
      if (budget.exhausted || uncovered(c + 1, group)) {
        found = true;
        break;
      }
    }
    memo[c]!.set(active, found);
    return found;
  };
  return !uncovered(0, ruleSet(rules));
}
