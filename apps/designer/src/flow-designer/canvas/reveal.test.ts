// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { whollyInView } from './reveal.js';

const pane = { width: 600, height: 400 };
const size = { width: 180, height: 64 };

describe('revealing a step', () => {
  it('leaves a step wholly in view where it is, and brings one the edge of the view cuts into it', () => {
    const viewport = { x: -100, y: 50, zoom: 0.5 };
    expect(whollyInView({ x: 400, y: 100 }, size, viewport, pane)).toBe(true);
    // At half size the step is 90 wide: from 560 it ends at 650, past the pane's 600.
    expect(whollyInView({ x: 1320, y: 100 }, size, viewport, pane)).toBe(false);
    expect(whollyInView({ x: 400, y: -120 }, size, viewport, pane)).toBe(false);
  });
});
