// @vitest-environment node
import type { FlowNode } from '@bankforge/flow-engine';
import { describe, expect, it } from 'vitest';
import { newNode } from '../document/new-flow.js';
import { canvasCommand } from './canvas-keys.js';
import { nearestNode } from './nearest-node.js';

const at = (id: string, x: number, y: number): FlowNode => newNode('approval', id, { x, y });
const nodes = [at('here', 0, 0), at('right', 240, 0), at('upRight', 60, -110), at('farRight', 480, 0), at('below', 0, 110)];
const placed = (n: FlowNode) => n.position!;

describe('keyboard', () => {
  it('goes to the nearest node in a direction, the same line first', () => {
    const here = nodes[0]!;
    expect(nearestNode(nodes, here, 'right', placed)?.id).toBe('right');
    expect(nearestNode(nodes, here, 'down', placed)?.id).toBe('below');
    expect(nearestNode(nodes, here, 'up', placed)?.id).toBe('upRight');
    expect(nearestNode(nodes, here, 'left', placed)).toBeUndefined();
  });

  it('maps keys to commands, leaving Alt and unknown keys alone', () => {
    const key = (k: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {}) => canvasCommand({ key: k, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });
    expect(key('ArrowLeft')).toEqual({ kind: 'go', direction: 'left' });
    expect(key('ArrowLeft', { shiftKey: true })).toEqual({ kind: 'nudge', direction: 'left' });
    expect(key('a')).toEqual({ kind: 'addAfter' });
    expect(key('C')).toEqual({ kind: 'connect' });
    expect(key('c', { ctrlKey: true })).toEqual({ kind: 'copy' });
    expect(key('v', { metaKey: true })).toEqual({ kind: 'paste' });
    expect(key('Delete')).toEqual({ kind: 'delete' });
    expect(key('Enter')).toEqual({ kind: 'properties' });
    expect(key('z', { ctrlKey: true })).toBeNull();
    expect(key('a', { altKey: true })).toBeNull();
    expect(key('x')).toBeNull();
  });
});
