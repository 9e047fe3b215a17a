// @vitest-environment node
import type { AutomationAction } from '@bankforge/flow-engine';
import { AUTOMATION_ACTION_TYPES } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { addAction, duplicateAction, moveAction, moveKey, newAction, nextActionId, removeAction, replaceAction } from './actions.js';

const tag: AutomationAction = { id: 'setTags_1', type: 'setTags', field: 'tags', add: ['high_potential'], as: 'tagged' };
const wait: AutomationAction = { id: 'wait_1', type: 'wait', duration: 'P2D' };
const notify: AutomationAction = { id: 'notify_1', type: 'notify', to: { owner: true }, message: { en: 'Call {name}', 'zh-CN': '联系 {name}' } };

describe('automation actions', () => {
  it('starts every one of the nine types with its own empty fields', () => {
    for (const type of AUTOMATION_ACTION_TYPES) expect(newAction(type, 'x')).toMatchObject({ id: 'x', type });
    expect(newAction('notify', 'n')).toEqual({ id: 'n', type: 'notify', to: { owner: true }, message: { en: '', 'zh-CN': '' } });
  });

  it('numbers ids per type, skipping taken ones', () => {
    expect(nextActionId([], 'setTags')).toBe('setTags_1');
    expect(nextActionId([tag, { ...wait, id: 'setTags_2' }], 'setTags')).toBe('setTags_3');
  });

  it('adds at the end or at a place', () => {
    expect(addAction([tag], 'wait').map((a) => a.id)).toEqual(['setTags_1', 'wait_1']);
    expect(addAction([tag, wait], 'condition', 1).map((a) => a.type)).toEqual(['setTags', 'condition', 'wait']);
  });

  it('removes and replaces by position', () => {
    expect(removeAction([tag, wait, notify], 1)).toEqual([tag, notify]);
    expect(replaceAction([tag, wait], 1, { ...wait, duration: 'PT4H' })[1]).toEqual({ ...wait, duration: 'PT4H' });
  });

  it('duplicates right after the original with a new id and no `as` name, deep-copied', () => {
    const list = duplicateAction([tag, wait], 0);
    expect(list.map((a) => a.id)).toEqual(['setTags_1', 'setTags_2', 'wait_1']);
    expect(list[1]).toEqual({ id: 'setTags_2', type: 'setTags', field: 'tags', add: ['high_potential'] });
    expect((list[1] as { add: string[] }).add).not.toBe((tag as { add: string[] }).add);
    expect(duplicateAction([tag], 5)).toEqual([tag]);
  });

  it('moves up and down, clamped at the ends', () => {
    const list = [tag, wait, notify];
    expect(moveAction(list, 2, 1).map((a) => a.id)).toEqual(['setTags_1', 'notify_1', 'wait_1']);
    expect(moveAction(list, 0, 2).map((a) => a.id)).toEqual(['wait_1', 'notify_1', 'setTags_1']);
    expect(moveAction(list, 0, -1)).toEqual(list);
    expect(moveAction(list, 2, 3)).toEqual(list);
  });

  it('reads Alt+ArrowUp and Alt+ArrowDown as moves, nothing else', () => {
    const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });
    expect(moveKey(key('ArrowUp', { altKey: true }))).toBe(-1);
    expect(moveKey(key('ArrowDown', { altKey: true }))).toBe(1);
    expect(moveKey(key('ArrowDown'))).toBeNull();
    expect(moveKey(key('ArrowUp', { altKey: true, ctrlKey: true }))).toBeNull();
    expect(moveKey(key('Enter', { altKey: true }))).toBeNull();
  });
});
