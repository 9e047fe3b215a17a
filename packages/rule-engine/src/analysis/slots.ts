/**
 * Sets of a column's slots (see column.ts) as ascending inclusive ranges, flattened:
 * `[a0, b0, a1, b1, ...]` with `b_i + 1 < a_(i+1)`. Cells hold a few ranges, so linear walks win.
 */
export type SlotSet = readonly number[];

export const NO_SLOTS: SlotSet = [];

/** Sorts and merges ranges given as `[a, b]` pairs in any order (empty pairs dropped). */
export function slotSet(pairs: readonly (readonly [number, number])[]): SlotSet {
  const sorted = pairs.filter(([a, b]) => a <= b).sort((x, y) => x[0] - y[0]);
  const out: number[] = [];
  for (const [a, b] of sorted) {
    const last = out.length - 1;
    if (last > 0 && a <= out[last]! + 1) out[last] = Math.max(out[last]!, b);
    else out.push(a, b);
  }
  return out;
}

export function allSlots(size: number): SlotSet {
  return size > 0 ? [0, size - 1] : NO_SLOTS;
}

export function intersect(x: SlotSet, y: SlotSet): SlotSet {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const a = Math.max(x[i]!, y[j]!);
    const b = Math.min(x[i + 1]!, y[j + 1]!);
    if (a <= b) out.push(a, b);
    if (x[i + 1]! < y[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/** Whether the two sets share a slot (intersect without building it). */
export function meets(x: SlotSet, y: SlotSet): boolean {
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (Math.max(x[i]!, y[j]!) <= Math.min(x[i + 1]!, y[j + 1]!)) return true;
    if (x[i + 1]! < y[j + 1]!) i += 2;
    else j += 2;
  }
  return false;
}

export function union(x: SlotSet, y: SlotSet): SlotSet {
  const pairs: [number, number][] = [];
  for (let i = 0; i < x.length; i += 2) pairs.push([x[i]!, x[i + 1]!]);
  for (let i = 0; i < y.length; i += 2) pairs.push([y[i]!, y[i + 1]!]);
  return slotSet(pairs);
}

/** The slots of 0..size-1 not in the set. */
export function complement(x: SlotSet, size: number): SlotSet {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < x.length; i += 2) {
    if (x[i]! > next) out.push(next, x[i]! - 1);
    next = x[i + 1]! + 1;
  }
  if (next < size) out.push(next, size - 1);
  return out;
}

export function contains(x: SlotSet, slot: number): boolean {
  for (let i = 0; i < x.length; i += 2) {
    if (slot < x[i]!) return false;
    if (slot <= x[i + 1]!) return true;
  }
  return false;
}

export function isSubset(x: SlotSet, y: SlotSet): boolean {
  return sameSlots(intersect(x, y), x);
}

export function sameSlots(x: SlotSet, y: SlotSet): boolean {
  return x.length === y.length && x.every((v, i) => v === y[i]);
}
