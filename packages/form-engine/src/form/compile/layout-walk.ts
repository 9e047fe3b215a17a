/** One pass over a form's layout: every node with its document path and the nodes gating it. */
import type { FormFieldNode, FormNode, FormRepeatingGroup } from '../form-definition.js';

export interface WalkedNode {
  readonly id: string;
  readonly path: string;
  /** The node itself, or null for a column or tab (they carry no rules). */
  readonly node: FormNode | null;
  /** Ids of the enclosing nodes that have a `visibleWhen`, outermost first (the node itself not included). */
  readonly ancestorGates: readonly string[];
  /** For a column of a repeating group: the group's key. */
  readonly group: string | null;
}

export interface WalkedField {
  readonly node: FormFieldNode;
  readonly path: string;
  readonly gates: readonly string[];
}

export interface WalkedGroup {
  readonly node: FormRepeatingGroup;
  readonly path: string;
  readonly gates: readonly string[];
}

export interface LayoutWalk {
  readonly nodes: WalkedNode[];
  readonly fields: WalkedField[];
  readonly groups: WalkedGroup[];
}

const withGate = (gates: readonly string[], node: { id: string; visibleWhen?: string }): readonly string[] =>
  node.visibleWhen === undefined ? gates : [...gates, node.id];

/** The top-level layout in document order (the columns of a repeating group are left to the group). */
export function walkLayout(layout: readonly FormNode[]): LayoutWalk {
  const walk: LayoutWalk = { nodes: [], fields: [], groups: [] };
  const visit = (children: readonly FormNode[], base: string, gates: readonly string[]): void => {
    children.forEach((node, i) => {
      const path = `${base}/${i}`;
      walk.nodes.push({ id: node.id, path, node, ancestorGates: gates, group: null });
      const inner = withGate(gates, node);
      switch (node.type) {
        case 'field':
          walk.fields.push({ node, path, gates: inner });
          break;
        case 'section':
          visit(node.children, `${path}/children`, inner);
          break;
        case 'columns':
          node.columns.forEach((column, c) => {
            walk.nodes.push({ id: column.id, path: `${path}/columns/${c}`, node: null, ancestorGates: inner, group: null });
            visit(column.children, `${path}/columns/${c}/children`, inner);
          });
          break;
        case 'tabs':
          node.tabs.forEach((tab, t) => {
            walk.nodes.push({ id: tab.id, path: `${path}/tabs/${t}`, node: null, ancestorGates: inner, group: null });
            visit(tab.children, `${path}/tabs/${t}/children`, inner);
          });
          break;
        case 'repeatingGroup':
          walk.groups.push({ node, path, gates: inner });
          node.fields.forEach((column, c) => {
            walk.nodes.push({ id: column.id, path: `${path}/fields/${c}`, node: column, ancestorGates: inner, group: node.key });
          });
          break;
      }
    });
  };
  visit(layout, '/layout', []);
  return walk;
}
