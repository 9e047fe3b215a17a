/** The drag data type a palette entry carries to the canvas (its value: the node type). */
export const PALETTE_DRAG_TYPE = 'application/x-bankforge-flow-node';
