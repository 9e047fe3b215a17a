import type { FlowDefinition } from '@bankforge/flow-engine';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { NodePosition } from '../document/node-types.js';
import { layoutFlow } from './elk-layout.js';
import { quickLayout } from './quick-layout.js';

/**
 * From this many steps a flow without places is shown with the quick layout, at once: ELK's first
 * run in the page would keep a large flow unreadable for a second or more (issue 20's 300 steps).
 */
export const QUICK_LAYOUT_FROM = 60;

/**
 * Places for nodes that have none (a flow written by hand or by the example, never drawn): laid out
 * for display only, so opening a flow does not change it; "Auto-layout" writes positions for real.
 * Laid out again only when the set of unplaced nodes changes.
 */
export function useFallbackLayout(flow: FlowDefinition): ReadonlyMap<string, NodePosition> {
  const unplaced = flow.nodes.filter((n) => n.position === undefined).map((n) => n.id).join(' ');
  const large = flow.nodes.length >= QUICK_LAYOUT_FROM;
  const latest = useRef(flow);
  useLayoutEffect(() => {
    latest.current = flow;
  });
  // Computed during the render that needs it: the first drawing already shows every step in place.
  const quick = useMemo(
    () => (large && unplaced !== '' ? quickLayout(flow) : null),
    // Only a change of which steps have no place lays the flow out again (not every edit).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [large, unplaced],
  );
  const [layout, setLayout] = useState<{ unplaced: string; positions: ReadonlyMap<string, NodePosition> }>({ unplaced: '', positions: new Map() });
  useEffect(() => {
    if (unplaced === '' || large) return;
    let live = true;
    void layoutFlow(latest.current).then((positions) => live && setLayout({ unplaced, positions }));
    return () => {
      live = false;
    };
  }, [unplaced, large]);
  return quick ?? layout.positions;
}
