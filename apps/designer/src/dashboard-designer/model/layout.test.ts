import { dashboardLayoutProblems, type DashboardDefinition, type WidgetLayout } from '@bankforge/report-engine';
import { describe, expect, it } from 'vitest';
import { newDashboardDocument } from './dashboard-document.js';
import { closeGaps, freePlace, insideGrid, moveWidgetBy, movedWidgets, placeWidget, resizeWidgetBy } from './layout.js';

const board = (...layouts: [string, WidgetLayout][]): DashboardDefinition => ({
  ...newDashboardDocument('board', 'Board'),
  widgets: layouts.map(([id, layout]) => ({ id, report: 'r', layout })),
});
const at = (dashboard: DashboardDefinition) => Object.fromEntries(dashboard.widgets.map((w) => [w.id, [w.layout.x, w.layout.y, w.layout.w, w.layout.h]]));

describe('widget layout', () => {
  it('keeps a layout inside the 12 columns, whole cells, at least one', () => {
    expect(insideGrid({ x: 10, y: -2, w: 5, h: 0 })).toEqual({ x: 7, y: 0, w: 5, h: 1 });
    expect(insideGrid({ x: 0.6, y: 1.4, w: 20, h: 99 })).toEqual({ x: 0, y: 1, w: 12, h: 40 });
  });

  it('moves the widgets a placed one covers down below it, and those they cover in turn', () => {
    const before = board(['a', { x: 0, y: 0, w: 6, h: 4 }], ['b', { x: 6, y: 0, w: 6, h: 4 }], ['c', { x: 6, y: 4, w: 6, h: 2 }], ['d', { x: 0, y: 4, w: 6, h: 2 }]);
    const after = placeWidget(before, 'a', { x: 4, y: 0, w: 6, h: 4 });
    // b lay under a's new place: it goes below a, and c below b; d is left where it was.
    expect(at(after)).toEqual({ a: [4, 0, 6, 4], b: [6, 4, 6, 4], c: [6, 8, 6, 2], d: [0, 4, 6, 2] });
    expect(dashboardLayoutProblems(after)).toEqual([]);
    expect(movedWidgets(before, after).map((w) => w.id)).toEqual(['a', 'b', 'c']);
  });

  it('answers the same dashboard when nothing moves (no undo step)', () => {
    const before = board(['a', { x: 0, y: 0, w: 6, h: 4 }]);
    expect(moveWidgetBy(before, 'a', -1, 0)).toBe(before);
    expect(moveWidgetBy(before, 'a', 0, -1)).toBe(before);
    expect(resizeWidgetBy(before, 'a', 0, 0)).toBe(before);
    expect(placeWidget(before, 'nobody', { x: 1, y: 1, w: 1, h: 1 })).toBe(before);
  });

  it('moves by one cell with the keyboard, stopping at the right edge', () => {
    const before = board(['a', { x: 5, y: 0, w: 6, h: 4 }]);
    const right = moveWidgetBy(before, 'a', 1, 0);
    expect(at(right)).toEqual({ a: [6, 0, 6, 4] });
    expect(moveWidgetBy(right, 'a', 1, 0)).toBe(right);
    expect(at(moveWidgetBy(right, 'a', 0, 1))).toEqual({ a: [6, 1, 6, 4] });
  });

  it('changes places with the widgets above or below on a step into them, leaving no empty rows', () => {
    const before = board(['a', { x: 0, y: 0, w: 6, h: 4 }], ['b', { x: 6, y: 0, w: 6, h: 4 }], ['c', { x: 0, y: 4, w: 12, h: 3 }]);
    const up = moveWidgetBy(before, 'c', 0, -1);
    expect(at(up)).toEqual({ a: [0, 3, 6, 4], b: [6, 3, 6, 4], c: [0, 0, 12, 3] });
    const down = moveWidgetBy(up, 'c', 0, 1);
    expect(down).toEqual(before);
    // Past the others, a step down is a step down.
    expect(at(moveWidgetBy(down, 'c', 0, 1))).toMatchObject({ c: [0, 5, 12, 3] });
    // A widget beside the one it passes stays put.
    const column = board(['a', { x: 0, y: 0, w: 6, h: 2 }], ['b', { x: 0, y: 2, w: 6, h: 3 }], ['side', { x: 6, y: 0, w: 6, h: 5 }]);
    expect(at(moveWidgetBy(column, 'a', 0, 1))).toEqual({ a: [0, 3, 6, 2], b: [0, 0, 6, 3], side: [6, 0, 6, 5] });
  });

  it('grows from the top-left corner, never past the right edge, and pushes what it grows over', () => {
    const before = board(['a', { x: 8, y: 0, w: 4, h: 2 }], ['b', { x: 8, y: 2, w: 4, h: 2 }]);
    expect(resizeWidgetBy(before, 'a', 1, 0)).toBe(before);
    const taller = resizeWidgetBy(before, 'a', 0, 1);
    expect(at(taller)).toEqual({ a: [8, 0, 4, 3], b: [8, 3, 4, 2] });
    expect(at(resizeWidgetBy(taller, 'a', -3, -2))).toEqual({ a: [8, 0, 1, 1], b: [8, 3, 4, 2] });
  });

  it('finds the first free place row by row, else below everything', () => {
    const widgets = board(['a', { x: 0, y: 0, w: 6, h: 4 }], ['b', { x: 0, y: 4, w: 12, h: 2 }]).widgets;
    expect(freePlace(widgets, { w: 6, h: 4 })).toEqual({ x: 6, y: 0, w: 6, h: 4 });
    expect(freePlace(widgets, { w: 8, h: 2 })).toEqual({ x: 0, y: 6, w: 8, h: 2 });
    expect(freePlace(widgets, { w: 6, h: 2 }, 4)).toEqual({ x: 0, y: 6, w: 6, h: 2 });
  });

  it('closes the empty rows, each widget moving up until it meets another, and mends a draft past the grid', () => {
    const before = board(['a', { x: 0, y: 3, w: 6, h: 2 }], ['b', { x: 0, y: 9, w: 12, h: 2 }], ['c', { x: 8, y: 20, w: 6, h: 1 }]);
    const after = closeGaps(before);
    expect(at(after)).toEqual({ a: [0, 0, 6, 2], b: [0, 2, 12, 2], c: [6, 4, 6, 1] });
    expect(closeGaps(after)).toBe(after);
  });

  it('never leaves an overlap or a widget past the grid, whatever the moves and sizes', () => {
    // A fixed pseudo-random walk: the same moves every run.
    let seed = 42;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    let dashboard = board(['a', { x: 0, y: 0, w: 4, h: 3 }], ['b', { x: 4, y: 0, w: 4, h: 3 }], ['c', { x: 8, y: 0, w: 4, h: 3 }], ['d', { x: 0, y: 3, w: 12, h: 2 }], ['e', { x: 2, y: 5, w: 3, h: 5 }]);
    for (let step = 0; step < 500; step++) {
      const id = 'abcde'[next(5)]!;
      const kind = next(3);
      dashboard =
        kind === 0 ? moveWidgetBy(dashboard, id, next(3) - 1, next(3) - 1)
        : kind === 1 ? resizeWidgetBy(dashboard, id, next(3) - 1, next(3) - 1)
        : placeWidget(dashboard, id, { x: next(14) - 1, y: next(12), w: next(13) + 1, h: next(6) + 1 });
      expect(dashboardLayoutProblems(dashboard), `step ${step}`).toEqual([]);
    }
    expect(dashboardLayoutProblems(closeGaps(dashboard))).toEqual([]);
  });
});
