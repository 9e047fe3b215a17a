/** What the run looks up in a definition, indexed once per definition object. */
import type { CompiledExpression } from '@bankforge/rule-engine';
import type { FlowDefinition, FlowEdge, FlowNode, FlowVariable } from '../definition/flow-definition.js';
import { RECORD_WRITE_NAMES } from '../definition/record-binding-problems.js';

export interface DefinitionIndex {
  nodes: Map<string, FlowNode>;
  outgoing: Map<string, FlowEdge[]>;
  /** Incoming edges, loop edges left out (what a join waits for). */
  incoming: Map<string, FlowEdge[]>;
  /** Nodes reachable from a node along non-loop edges (for the inclusive join), filled on demand. */
  reachable: Map<string, Set<string>>;
  edges: Map<string, FlowEdge>;
  variables: Map<string, FlowVariable>;
  /** The names FEEL expressions may read: the variables and `initiator`. */
  feelNames: string[];
  /** Compiled FEEL by source text, filled on demand. */
  expressions: Map<string, CompiledExpression>;
  /** The names the record binding's write expressions may read: the variables, `initiator`, `actor` and `at`. */
  recordNames: string[];
  /** Compiled write expressions by source text, filled on demand (their names differ from the others'). */
  recordExpressions: Map<string, CompiledExpression>;
  /** The first start node. */
  start: FlowNode | undefined;
}

const indexes = new WeakMap<FlowDefinition, DefinitionIndex>();

export function indexOf(def: FlowDefinition): DefinitionIndex {
  let idx = indexes.get(def);
  if (idx !== undefined) return idx;
  const outgoing = new Map<string, FlowEdge[]>();
  const incoming = new Map<string, FlowEdge[]>();
  for (const e of def.edges) {
    let list = outgoing.get(e.source);
    if (list === undefined) outgoing.set(e.source, (list = []));
    list.push(e);
    if (e.loop !== undefined) continue;
    let into = incoming.get(e.target);
    if (into === undefined) incoming.set(e.target, (into = []));
    into.push(e);
  }
  const variables = new Map(def.variables.map((v) => [v.name, v] as const));
  idx = {
    nodes: new Map(def.nodes.map((n) => [n.id, n] as const)),
    outgoing,
    incoming,
    reachable: new Map(),
    edges: new Map(def.edges.map((e) => [e.id, e] as const)),
    variables,
    feelNames: [...variables.keys(), 'initiator'],
    expressions: new Map(),
    recordNames: [...variables.keys(), ...RECORD_WRITE_NAMES],
    recordExpressions: new Map(),
    start: def.nodes.find((n) => n.type === 'start'),
  };
  indexes.set(def, idx);
  return idx;
}
