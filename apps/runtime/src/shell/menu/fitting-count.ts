/** What the header's menu measured: each page's width in order, the space between two, the More button's width. */
export interface MenuMeasure {
  widths: readonly number[];
  gap: number;
  moreWidth: number;
}

/**
 * How many of the menu's pages fit in `available` pixels, in order: all of them when they do,
 * else as many as leave room for the More button that lists the rest (at least none).
 */
export function fittingCount({ widths, gap, moreWidth }: MenuMeasure, available: number): number {
  const ends: number[] = [];
  widths.forEach((width, index) => ends.push((index === 0 ? 0 : ends[index - 1]! + gap) + width));
  if (ends.length === 0 || ends[ends.length - 1]! <= available) return widths.length;
  let count = 0;
  while (count < ends.length && ends[count]! + gap + moreWidth <= available) count++;
  return count;
}
