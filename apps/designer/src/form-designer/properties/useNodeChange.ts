import type { FormNode } from '@bankforge/form-engine';
import { updateNode } from '../tree/form-tree.js';
import { useDesigner } from '../workspace/DesignerContext.js';
import { withLayout } from '../workspace/form-actions.js';

/**
 * Changes one node. `property` names what is edited, so typing into one property makes one undo
 * step while a different property (or node) starts a new one; null: a step of its own (add, remove).
 */
export function useNodeChange<N extends FormNode>(node: N): (property: string | null, update: (node: N) => N) => void {
  const { change } = useDesigner();
  return (property, update) =>
    change((f) => withLayout(f, updateNode(f.layout, node.id, (n) => (n.type === node.type ? update(n as N) : n))), property === null ? undefined : `${node.id}:${property}`);
}

/** Sets or removes (when empty) an optional property. */
export function withOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined | ''): T {
  const next = { ...target };
  if (value === undefined || value === '') delete next[key];
  else next[key] = value;
  return next;
}
