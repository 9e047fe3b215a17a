import type { Viewport } from '@xyflow/react';
import type { Size } from '../layout/node-size.js';
import type { NodePosition } from '../document/node-types.js';

/**
 * Whether a step at `position` (flow coordinates) lies wholly inside a pane of `pane` pixels under
 * `viewport`. Reckoned from the viewport, not from the screen: focusing an element makes the browser
 * scroll the diagram's clipped box to it for a moment, so the screen tells where it is not.
 */
export function whollyInView(position: NodePosition, size: Size, viewport: Viewport, pane: Size): boolean {
  const left = position.x * viewport.zoom + viewport.x;
  const top = position.y * viewport.zoom + viewport.y;
  return left >= 0 && top >= 0 && left + size.width * viewport.zoom <= pane.width && top + size.height * viewport.zoom <= pane.height;
}
