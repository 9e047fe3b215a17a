/** The designer's edits of a whole form document, built on the pure tree operations. */
import type { FormDefinition, FormNode } from '@bankforge/form-engine';
import { allIds, childrenOf, findNode, insertNode, isInside, moveNode, removeNode } from '../tree/form-tree.js';
import { IdAllocator, newContainer, newField, type ContainerType } from '../tree/new-nodes.js';
import type { Placement } from '../tree/placement.js';

/** What the palette offers: a layout container or a field of the form's entity. */
export type PaletteEntry = { kind: 'container'; type: ContainerType } | { kind: 'field'; field: string };

export function withLayout(form: FormDefinition, layout: FormNode[]): FormDefinition {
  return { ...form, layout };
}

/** A fresh node for a palette entry, with ids unused in the form. */
export function nodeFor(form: FormDefinition, entry: PaletteEntry): FormNode {
  const ids = new IdAllocator(allIds(form.layout));
  return entry.kind === 'field' ? newField(ids, entry.field) : newContainer(ids, entry.type);
}

export function placeNode(form: FormDefinition, node: FormNode, at: Placement): FormDefinition {
  return withLayout(form, insertNode(form.layout, at.container, node, at.index));
}

/** Moves a node; the same form back when the move changes nothing or is impossible (no empty undo step). */
export function relocateNode(form: FormDefinition, id: string, at: Placement): FormDefinition {
  const location = findNode(form.layout, id);
  const target = childrenOf(form.layout, at.container);
  if (!location || !target || isInside(form.layout, at.container, id)) return form;
  const index = at.index ?? (location.container === at.container ? target.length - 1 : target.length);
  if (location.container === at.container && location.index === index) return form;
  return withLayout(form, moveNode(form.layout, id, at.container, index));
}

export function deleteNode(form: FormDefinition, id: string): FormDefinition {
  return withLayout(form, removeNode(form.layout, id));
}

/** Moves a node one place up (-1) or down (+1) within its container; null when it cannot. */
export function shiftNode(form: FormDefinition, id: string, by: -1 | 1): FormDefinition | null {
  const location = findNode(form.layout, id);
  const siblings = location && childrenOf(form.layout, location.container);
  if (!location || !siblings) return null;
  const index = location.index + by;
  if (index < 0 || index >= siblings.length) return null;
  return withLayout(form, moveNode(form.layout, id, location.container, index));
}
