import type { FlowNodeType } from '@bankforge/flow-engine';

export interface Size {
  width: number;
  height: number;
}

const TASK: Size = { width: 180, height: 64 };
const SMALL: Size = { width: 150, height: 48 };

/** The size the canvas draws a node at (and the layout plans for): tasks are larger than events and gateways. */
export function nodeSize(type: FlowNodeType): Size {
  switch (type) {
    case 'approval':
    case 'decision':
    case 'service':
    case 'notify':
    case 'timer':
    case 'subflow':
      return TASK;
    default:
      return SMALL;
  }
}
