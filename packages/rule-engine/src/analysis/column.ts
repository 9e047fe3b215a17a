/**
 * One input column partitioned into slots: every value of its kind falls in exactly one slot, and
 * every cell matches whole slots. Ordered kinds (numbers, dates, date-times) take the literals'
 * bounds p0 < p1 < ... < p(k-1) and make 2k+1 slots: (-inf, p0), {p0}, (p0, p1), {p1}, ...,
 * {p(k-1)}, (p(k-1), +inf). Strings take one slot per literal and one for every other string;
 * booleans one slot each. A cell is then a slot set, and the table a grid the sweep walks.
 */
import type { DecisionTableInput } from '../dmn/model.js';
import type { CellReading, TestPart } from './cells.js';
import type { DeclaredType } from './input-type.js';
import type { LiteralKind, OrderedLiteral } from './literals.js';
import {
  allSlots,
  complement,
  contains,
  intersect,
  NO_SLOTS,
  sameSlots,
  slotSet,
  union,
  type SlotSet,
} from './slots.js';
import type { ColumnKind, SkippedCell } from './types.js';

export interface Column {
  readonly index: number;
  readonly label: string;
  readonly kind: LiteralKind | null;
  readonly unknown: boolean;
  /** The slots of valid values: allowed values, and no slot that holds no value (between consecutive days). */
  readonly domain: SlotSet;
  /** Per rule, the slots its cell may match: unknown cells match everything (null: every slot). */
  readonly upper: readonly (SlotSet | null)[];
  /** Per rule, the slots its cell surely matches: unknown cells match nothing (null: every slot). */
  readonly lower: readonly (SlotSet | null)[];
  /** A slot set (within the domain) as FEEL unary tests. */
  render(set: SlotSet): string;
}

/** Kinds that compare alike: a declared `date and time` column holds local or zoned literals. */
function family(kind: LiteralKind): ColumnKind {
  return kind === 'zonedDateTime' ? 'dateTime' : kind;
}

export function columnKind(kind: LiteralKind | null): ColumnKind | null {
  return kind === null ? null : family(kind);
}

/** The column's kind: declared, else the kind most literals have (ties: the first seen). */
function chooseKind(declared: DeclaredType['kind'], readings: readonly CellReading[]): LiteralKind | null {
  const counts = new Map<LiteralKind, number>();
  for (const r of readings) {
    if (r.reading !== 'tests' || r.kind === null) continue;
    if (declared !== null && declared !== 'unsupported' && family(r.kind) !== declared) continue;
    counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  }
  let best: LiteralKind | null = null;
  for (const [kind, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = kind;
  if (declared === null || declared === 'unsupported') return best;
  return best ?? declared;
}

interface Slots {
  size: number;
  /** Slots that hold no value of the kind. */
  empty: SlotSet;
  partSlots(part: TestPart): SlotSet;
  render(set: SlotSet): string;
}

function orderedSlots(kind: LiteralKind, readings: readonly CellReading[]): Slots {
  const byOrder = new Map<string, OrderedLiteral>();
  for (const r of readings) {
    if (r.reading !== 'tests' || r.kind !== kind) continue;
    for (const p of r.parts) {
      if (p.part !== 'interval') continue;
      for (const bound of [p.low, p.high])
        if (bound !== null && !byOrder.has(bound.order.toString()))
          byOrder.set(bound.order.toString(), bound);
    }
  }
  const points = [...byOrder.values()].sort((a, b) => a.order.cmp(b.order));
  const index = new Map(points.map((p, i) => [p.order.toString(), i]));
  const k = points.length;
  const at = (bound: OrderedLiteral) => index.get(bound.order.toString()) as number;
  // Dates are whole days: nothing lies strictly between two consecutive days.
  const emptyPairs: [number, number][] = [];
  if (kind === 'date') {
    for (let j = 1; j < k; j++)
      if (points[j]!.order.minus(points[j - 1]!.order).eq(1)) emptyPairs.push([2 * j, 2 * j]);
  }
  const empty = slotSet(emptyPairs);
  const text = (a: number, b: number): string => {
    if (a === b && a % 2 === 1) return points[(a - 1) / 2]!.text;
    const low =
      a === 0
        ? null
        : a % 2 === 1
          ? { p: points[(a - 1) / 2]!, included: true }
          : { p: points[a / 2 - 1]!, included: false };
    const high =
      b === 2 * k
        ? null
        : b % 2 === 1
          ? { p: points[(b - 1) / 2]!, included: true }
          : { p: points[b / 2]!, included: false };
    if (low === null && high === null) return '-';
    if (low === null) return `${high!.included ? '<=' : '<'} ${high!.p.text}`;
    if (high === null) return `${low.included ? '>=' : '>'} ${low.p.text}`;
    return `${low.included ? '[' : '('}${low.p.text}..${high.p.text}${high.included ? ']' : ')'}`;
  };
  return {
    size: 2 * k + 1,
    empty,
    partSlots(part) {
      if (part.part !== 'interval') return part.part === 'all' ? allSlots(2 * k + 1) : NO_SLOTS;
      const a = part.low === null ? 0 : 2 * at(part.low) + (part.lowIncluded ? 1 : 2);
      const b = part.high === null ? 2 * k : 2 * at(part.high) + (part.highIncluded ? 1 : 0);
      return slotSet([[a, b]]);
    },
    render(set) {
      const ranges: [number, number][] = [];
      for (let i = 0; i < set.length; i += 2) {
        const last = ranges[ranges.length - 1];
        // Join ranges parted only by an empty slot: [date(a)..date(b)] rather than date(a), date(b).
        if (last !== undefined && set[i]! === last[1] + 2 && contains(empty, last[1] + 1))
          last[1] = set[i + 1]!;
        else ranges.push([set[i]!, set[i + 1]!]);
      }
      return ranges.map(([a, b]) => text(a, b)).join(', ');
    },
  };
}

function discreteSlots(kind: 'string' | 'boolean', readings: readonly CellReading[]): Slots {
  const values: (string | boolean)[] = kind === 'boolean' ? [true, false] : [];
  if (kind === 'string') {
    for (const r of readings) {
      if (r.reading !== 'tests' || r.kind !== kind) continue;
      for (const p of r.parts)
        if ((p.part === 'value' || p.part === 'allBut') && !values.includes(p.value.value))
          values.push(p.value.value);
    }
  }
  const index = new Map<string | boolean, number>(values.map((v, i) => [v, i]));
  // Strings have one more slot: every string no cell names.
  const size = kind === 'string' ? values.length + 1 : values.length;
  const show = (v: string | boolean): string => (typeof v === 'string' ? JSON.stringify(v) : String(v));
  return {
    size,
    empty: NO_SLOTS,
    partSlots(part) {
      switch (part.part) {
        case 'value':
          return [index.get(part.value.value)!, index.get(part.value.value)!];
        case 'allBut':
          return complement([index.get(part.value.value)!, index.get(part.value.value)!], size);
        case 'all':
          return allSlots(size);
        default:
          return NO_SLOTS;
      }
    },
    render(set) {
      const listed = values.filter((_, i) => contains(set, i));
      if (kind === 'string' && set[set.length - 1] === size - 1)
        return `not(${values
          .filter((v) => !listed.includes(v))
          .map(show)
          .join(', ')})`;
      return listed.map(show).join(', ');
    },
  };
}

/** A column with no literal kind: one slot for every value. */
const ONE_SLOT: Slots = {
  size: 1,
  empty: NO_SLOTS,
  partSlots: (part) => (part.part === 'none' ? NO_SLOTS : allSlots(1)),
  render: () => '-',
};

function slotsOf(kind: LiteralKind | null, readings: readonly CellReading[]): Slots {
  if (kind === null) return ONE_SLOT;
  return kind === 'string' || kind === 'boolean'
    ? discreteSlots(kind, readings)
    : orderedSlots(kind, readings);
}

function readingSlots(reading: CellReading & { reading: 'tests' }, slots: Slots): SlotSet {
  let set: SlotSet = NO_SLOTS;
  for (const part of reading.parts) set = union(set, slots.partSlots(part));
  return reading.negated ? complement(set, slots.size) : set;
}

/** Whether a reading holds values of the column's kind (or names no kind). */
function fits(reading: CellReading & { reading: 'tests' }, kind: LiteralKind | null): boolean {
  return reading.kind === null || reading.kind === kind;
}

export interface ColumnSource {
  index: number;
  input: DecisionTableInput;
  declared: DeclaredType;
  /** The input entries of every rule, read. */
  cells: readonly { text: string; reading: CellReading }[];
  /** The allowed values, read. */
  allowed: readonly { text: string; reading: CellReading }[];
}

/** Builds a column, adding what it could not read to `skipped`. */
export function buildColumn(source: ColumnSource, skipped: SkippedCell[]): Column {
  const { index, input, declared, cells, allowed } = source;
  const label = input.label?.trim() || input.expression.trim() || `input ${index + 1}`;
  const readings = [...allowed, ...cells].map((c) => c.reading);
  const kind = declared.kind === 'unsupported' ? null : chooseKind(declared.kind, readings);
  const badAllowed = allowed.find(
    (a) => a.reading.reading === 'unknown' || (a.reading.reading === 'tests' && !fits(a.reading, kind)),
  );
  const unknown = declared.kind === 'unsupported' || badAllowed !== undefined;
  if (badAllowed !== undefined)
    skipped.push({
      code: 'unknownAllowedValues',
      part: 'input',
      rule: null,
      column: index,
      text: badAllowed.text,
    });
  const slots = slotsOf(unknown ? null : kind, readings);
  let domain = complement(slots.empty, slots.size);
  if (!unknown)
    for (const a of allowed)
      if (a.reading.reading === 'tests') domain = intersect(domain, readingSlots(a.reading, slots));
  const upper: (SlotSet | null)[] = [];
  const lower: (SlotSet | null)[] = [];
  cells.forEach(({ text, reading }, rule) => {
    if (reading.reading === 'any') {
      upper.push(null);
      lower.push(null);
      return;
    }
    if (reading.reading === 'tests' && !unknown && fits(reading, kind)) {
      const set = readingSlots(reading, slots);
      upper.push(set);
      lower.push(set);
      return;
    }
    if (declared.kind === 'unsupported')
      skipped.push({ code: 'unsupportedType', part: 'input', rule, column: index, text });
    else if (reading.reading === 'unknown')
      skipped.push({ code: reading.code, part: 'input', rule, column: index, text });
    else if (!unknown) skipped.push({ code: 'typeMismatch', part: 'input', rule, column: index, text });
    upper.push(null);
    lower.push(NO_SLOTS);
  });
  return {
    index,
    label,
    kind: unknown ? null : kind,
    unknown,
    domain,
    upper,
    lower,
    render: (set) => (sameSlots(set, domain) ? '-' : slots.render(set)),
  };
}
