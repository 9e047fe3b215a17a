// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { record, redo, startHistory, undo } from '../../shell/artifact-editor/history.js';
import { branchDashboard } from '../testing/fixtures.js';
import { gridCommand, layoutStep } from './grid-keys.js';
import { moveWidgetBy, resizeWidgetBy } from './layout.js';
import { addWidget, removeWidget } from './widgets.js';

const key = (k: string, extra: Partial<KeyboardEvent> = {}) => ({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...extra });

describe('the grid’s keys', () => {
  it('moves with arrows, resizes with Shift+arrows, removes with Delete, opens with Enter', () => {
    expect(gridCommand(key('ArrowRight'))).toEqual({ kind: 'move', dx: 1, dy: 0 });
    expect(gridCommand(key('ArrowUp'))).toEqual({ kind: 'move', dx: 0, dy: -1 });
    expect(gridCommand(key('ArrowDown', { shiftKey: true }))).toEqual({ kind: 'resize', dw: 0, dh: 1 });
    expect(gridCommand(key('ArrowLeft', { shiftKey: true }))).toEqual({ kind: 'resize', dw: -1, dh: 0 });
    expect(gridCommand(key('Delete'))).toEqual({ kind: 'remove' });
    expect(gridCommand(key('Backspace'))).toEqual({ kind: 'remove' });
    expect(gridCommand(key('Enter'))).toEqual({ kind: 'properties' });
  });

  it('leaves the shortcuts with Ctrl, Cmd or Alt, and other keys, to others', () => {
    expect(gridCommand(key('ArrowRight', { ctrlKey: true }))).toBeNull();
    expect(gridCommand(key('ArrowRight', { altKey: true }))).toBeNull();
    expect(gridCommand(key('z', { metaKey: true }))).toBeNull();
    expect(gridCommand(key('Enter', { shiftKey: true }))).toBeNull();
    expect(gridCommand(key('a'))).toBeNull();
  });
});

describe('undo and redo of layout edits', () => {
  it('takes a run of arrow presses on one widget back in one step, and a move of another in its own', () => {
    let history = startHistory(branchDashboard);
    for (let i = 0; i < 3; i++) history = record(history, moveWidgetBy(history.present, 'loan_pipeline', 0, 1), layoutStep('loan_pipeline'));
    history = record(history, resizeWidgetBy(history.present, 'aum_by_segment', 0, 2), layoutStep('aum_by_segment'));
    expect(history.present.widgets.map((w) => w.layout)).toEqual([
      { x: 0, y: 3, w: 6, h: 4 },
      { x: 6, y: 0, w: 6, h: 6 },
    ]);
    history = undo(history);
    expect(history.present.widgets[1]!.layout.h).toBe(4);
    history = undo(history);
    expect(history.present).toBe(branchDashboard);
    history = redo(history);
    expect(history.present.widgets[0]!.layout.y).toBe(3);
  });

  it('brings a removed widget back at its place, and takes an added one away', () => {
    const added = addWidget(branchDashboard, 'aum_by_segment');
    let history = record(startHistory(branchDashboard), added.dashboard);
    history = record(history, removeWidget(history.present, 'loan_pipeline'));
    expect(history.present.widgets.map((w) => w.id)).toEqual(['aum_by_segment', 'aum_by_segment_2']);
    history = undo(history);
    expect(history.present.widgets[0]).toEqual(branchDashboard.widgets[0]);
    history = undo(history);
    expect(history.present.widgets.map((w) => w.id)).toEqual(['loan_pipeline', 'aum_by_segment']);
  });
});
