import type { FlowDefinition } from '@bankforge/flow-engine';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { NodePosition } from '../document/node-types.js';
import { layoutFlow } from './elk-layout.js';

/**
 * Places for nodes that have none (a flow written by hand or by the example, never drawn): laid out
 * for display only, so opening a flow does not change it; "Auto-layout" writes positions for real.
 * Laid out again only when the set of unplaced nodes changes.
 */
export function useFallbackLayout(flow: FlowDefinition): ReadonlyMap<string, NodePosition> {
  const unplaced = flow.nodes.filter((n) => n.position === undefined).map((n) => n.id).join(' ');
  const latest = useRef(flow);
  useLayoutEffect(() => {
    latest.current = flow;
  });
  const [layout, setLayout] = useState<{ unplaced: string; positions: ReadonlyMap<string, NodePosition> }>({ unplaced: '', positions: new Map() });
  useEffect(() => {
    if (unplaced === '') return;
    let live = true;
    void layoutFlow(latest.current).then((positions) => live && setLayout({ unplaced, positions }));
    return () => {
      live = false;
    };
  }, [unplaced]);
  return layout.positions;
}
