import type { RawShape } from '../feel/api.js';

/** `RuleIndex.match` answers this when a value's kind is not the one its column's cells test. */
export const UNINDEXED = -3;

/**
 * A decision table's columns indexed by value: for every value a column can see, the set of rules
 * whose cell accepts it, as bit masks (bit r of word r >> 5 for rule r). A column's cells are
 * literal intervals or string sets, so its values fall into a few segments between the literals'
 * bounds, each with one mask: evaluating a row of inputs is a binary search per column and an AND.
 */
export class RuleIndex {
  private readonly scratch: Int32Array;
  /** The columns that narrow the rules (not all `-`), with their kind resolved once. */
  private readonly indexed: { c: number; numbers: NumberColumn | null; strings: StringColumn | null }[];
  /** With 32 rules or fewer: the mask of every rule (one word). */
  private readonly all: number;

  private constructor(
    readonly words: number,
    private readonly columns: readonly (NumberColumn | StringColumn | null)[],
    private readonly ruleCount: number,
  ) {
    this.scratch = new Int32Array(words);
    this.indexed = [];
    columns.forEach((column, c) => {
      if (column instanceof NumberColumn) this.indexed.push({ c, numbers: column, strings: null });
      else if (column instanceof StringColumn) this.indexed.push({ c, numbers: null, strings: column });
    });
    this.all = ruleCount >= 32 ? -1 : (1 << ruleCount) - 1;
  }

  /** Null when a column mixes kinds or a cell has no shape (the table then uses its matchers). */
  static build(cells: readonly (readonly (RawShape | null | undefined)[])[], columnCount: number): RuleIndex | null {
    const ruleCount = cells.length;
    const words = Math.max(1, Math.ceil(ruleCount / 32));
    const columns: (NumberColumn | StringColumn | null)[] = [];
    for (let c = 0; c < columnCount; c++) {
      const shapes = cells.map((row) => row[c]);
      if (shapes.some((sh) => sh === undefined)) return null;
      const given = shapes.filter((sh): sh is RawShape => sh !== null);
      if (given.length === 0) columns.push(null);
      else if (given.every((sh) => sh.kind === 'numbers')) columns.push(NumberColumn.build(shapes as (RawShape | null)[], words));
      else if (given.every((sh) => sh.kind === 'strings')) columns.push(StringColumn.build(shapes as (RawShape | null)[], words));
      else return null;
    }
    return new RuleIndex(words, columns, ruleCount);
  }

  /** Whether this row of values is one the index can answer (each column sees its own kind). */
  private accepts(raw: readonly (number | string)[]): boolean {
    const indexed = this.indexed;
    for (let i = 0; i < indexed.length; i++) {
      const column = indexed[i]!;
      if ((typeof raw[column.c] === 'number') !== (column.numbers !== null)) return false;
    }
    return true;
  }

  /**
   * The first matching rule, or -1; with `unique`, -2 when more than one matches; UNINDEXED when a
   * column sees a value of the kind its cells do not test (the table's matchers then decide).
   */
  match(raw: readonly (number | string)[], unique: boolean): number {
    if (this.words === 1) return this.matchOneWord(raw, unique);
    return this.accepts(raw) ? this.matchWords(raw, unique) : UNINDEXED;
  }

  /** Up to 32 rules: the masks are plain integers, the kinds checked on the way. */
  private matchOneWord(raw: readonly (number | string)[], unique: boolean): number {
    let acc = this.all;
    const indexed = this.indexed;
    for (let i = 0; i < indexed.length; i++) {
      const column = indexed[i]!;
      const value = raw[column.c]!;
      const numbers = column.numbers;
      if (typeof value === 'number') {
        if (numbers === null) return UNINDEXED;
        acc &= numbers.masks[numbers.segmentOf(value)]!;
      } else {
        if (numbers !== null) return UNINDEXED;
        acc &= column.strings!.maskOf(value)[0]!;
      }
    }
    if (acc === 0) return -1;
    const low = acc & -acc;
    if (unique && (acc ^ low) !== 0) return -2;
    return 31 - Math.clz32(low);
  }

  private matchWords(raw: readonly (number | string)[], unique: boolean): number {
    const acc = this.scratch;
    acc.fill(-1);
    const words = this.words;
    for (let c = 0; c < raw.length; c++) {
      const column = this.columns[c];
      if (column === null || column === undefined) continue;
      const offset = column instanceof NumberColumn ? column.segmentOf(raw[c] as number) * words : -1;
      const masks = offset >= 0 ? (column as NumberColumn).masks : (column as StringColumn).maskOf(raw[c] as string);
      const base = offset >= 0 ? offset : 0;
      for (let w = 0; w < words; w++) acc[w]! &= masks[base + w]!;
    }
    let found = -1;
    for (let w = 0; w < words; w++) {
      let bits = acc[w]!;
      if (w === words - 1 && this.ruleCount % 32 !== 0) bits &= (1 << this.ruleCount % 32) - 1;
      while (bits !== 0) {
        const low = bits & -bits;
        const rule = w * 32 + 31 - Math.clz32(low);
        if (!unique) return rule;
        if (found >= 0) return -2;
        found = rule;
        bits ^= low;
      }
    }
    return found;
  }
}

function contains(shape: RawShape | null, x: number): boolean {
  if (shape === null) return true;
  if (shape.kind !== 'numbers') return false;
  const inside = shape.intervals.some(
    (i) => (i.lowIncluded ? x >= i.low : x > i.low) && (i.highIncluded ? x <= i.high : x < i.high),
  );
  return inside !== shape.negated;
}

function setBit(masks: Int32Array, offset: number, rule: number): void {
  masks[offset + (rule >> 5)]! |= 1 << (rule & 31);
}

class NumberColumn {
  /**
   * The bounds padded with NaN to a power of two, plus one: NaN is neither below nor equal to any
   * value, so the padding reads as bounds above everything (see `segmentOf`).
   */
  private readonly search: Float64Array;
  /** Half the padded length: the first step of the search. */
  private readonly half: number;

  private constructor(
    /** The literals' bounds, ascending: the column's values fall between and on them. */
    points: Float64Array,
    readonly masks: Int32Array,
  ) {
    let size = 1;
    while (size < points.length) size *= 2;
    this.search = new Float64Array(size + 1).fill(Number.NaN);
    this.search.set(points);
    this.half = size >> 1;
  }

  static build(shapes: readonly (RawShape | null)[], words: number): NumberColumn {
    const bounds = new Set<number>();
    for (const shape of shapes) {
      if (shape?.kind !== 'numbers') continue;
      for (const i of shape.intervals) for (const b of [i.low, i.high]) if (Number.isFinite(b)) bounds.add(b);
    }
    const points = Float64Array.from([...bounds].sort((a, b) => a - b));
    const k = points.length;
    const masks = new Int32Array((2 * k + 1) * words);
    for (let segment = 0; segment <= 2 * k; segment++) {
      // A value standing for the whole segment: a bound itself, or one strictly between bounds.
      const j = segment >> 1;
      const sample =
        segment % 2 === 1 ? points[j]! : k === 0 ? 0 : j === 0 ? points[0]! - 1 : j === k ? points[k - 1]! + 1 : (points[j - 1]! + points[j]!) / 2;
      shapes.forEach((shape, rule) => {
        if (contains(shape, sample)) setBit(masks, segment * words, rule);
      });
    }
    return new NumberColumn(points, masks);
  }

  /**
   * Segment 2j+1 is the bound points[j]; segment 2j the values just below it: 2 * (bounds below x)
   * + (1 if x is a bound). A binary search whose steps add instead of branch: over varied inputs
   * each branching step would be a mispredicted branch, the search's main cost.
   */
  segmentOf(x: number): number {
    const search = this.search;
    let base = 0;
    for (let half = this.half; half > 0; half >>= 1) base += half * +(search[base + half - 1]! < x);
    const below = base + +(search[base]! < x);
    return 2 * below + +(search[below]! === x);
  }
}

class StringColumn {
  private constructor(
    private readonly byValue: ReadonlyMap<string, Int32Array>,
    /** Rules accepting a string no cell names: `-` and negated sets. */
    private readonly others: Int32Array,
  ) {}

  static build(shapes: readonly (RawShape | null)[], words: number): StringColumn {
    const values = new Set<string>();
    for (const shape of shapes) if (shape?.kind === 'strings') for (const v of shape.values) values.add(v);
    const accepts = (shape: RawShape | null, value: string | null): boolean => {
      if (shape === null) return true;
      const listed = value !== null && shape.kind === 'strings' && shape.values.has(value);
      return listed !== shape.negated;
    };
    const maskFor = (value: string | null): Int32Array => {
      const mask = new Int32Array(words);
      shapes.forEach((shape, rule) => {
        if (accepts(shape, value)) setBit(mask, 0, rule);
      });
      return mask;
    };
    return new StringColumn(new Map([...values].map((v) => [v, maskFor(v)])), maskFor(null));
  }

  maskOf(value: string): Int32Array {
    return this.byValue.get(value) ?? this.others;
  }
}
