import { Position } from '@xyflow/react';
import type { Size } from '../layout/node-size.js';

/** The connection points' ids: React Flow finds the handle under a dropped connection by `node-id-handle-id`, so both sides must name them alike. */
export const TARGET_HANDLE = 'in';
export const SOURCE_HANDLE = 'out';

/** Drawn this large (CSS), so an analyst can grab one at the canvas's smallest zoom. */
export const HANDLE_SIZE = 14;

/**
 * The handles a node of `size` has, known before the DOM is measured (edges are drawn at once):
 * in on the left edge, out on the right, each centred on the border as the CSS draws it.
 */
export function nodeHandles(size: Size) {
  const y = size.height / 2 - HANDLE_SIZE / 2;
  return [
    { id: TARGET_HANDLE, type: 'target' as const, position: Position.Left, x: -HANDLE_SIZE / 2, y, width: HANDLE_SIZE, height: HANDLE_SIZE },
    { id: SOURCE_HANDLE, type: 'source' as const, position: Position.Right, x: size.width - HANDLE_SIZE / 2, y, width: HANDLE_SIZE, height: HANDLE_SIZE },
  ];
}
