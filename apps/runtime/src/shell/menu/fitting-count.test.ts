import { describe, expect, it } from 'vitest';
import { fittingCount } from './fitting-count.js';

const measure = { widths: [100, 80, 120, 90], gap: 4, moreWidth: 60 };

describe('fittingCount', () => {
  it('shows every page when they all fit, with no More', () => {
    expect(fittingCount(measure, 100 + 80 + 120 + 90 + 3 * 4)).toBe(4);
    expect(fittingCount({ ...measure, widths: [] }, 0)).toBe(0);
  });

  it('keeps room for More when some pages must go into it', () => {
    // 100 + 4 + 80 = 184; with More: 184 + 4 + 60 = 248.
    expect(fittingCount(measure, 248)).toBe(2);
    expect(fittingCount(measure, 247)).toBe(1);
    // One pixel short of all four: three and More (308 + 4 + 60 = 372).
    expect(fittingCount(measure, 100 + 80 + 120 + 90 + 3 * 4 - 1)).toBe(3);
  });

  it('puts every page into More when not even the first fits beside it', () => {
    expect(fittingCount(measure, 120)).toBe(0);
    expect(fittingCount(measure, 0)).toBe(0);
  });
});
