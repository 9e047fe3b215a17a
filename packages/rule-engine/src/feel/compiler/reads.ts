/** The free variables of an expression: first names of paths not bound inside it, not built-ins. */
import type { IterationContext, Node } from '../syntax/ast.js';
import { children } from './compile-node.js';

export function freeVariables(node: Node, isBuiltin: (name: string) => boolean): string[] {
  const reads = new Set<string>();
  walk(node, new Set(), reads, isBuiltin);
  return [...reads];
}

function walk(node: Node, bound: ReadonlySet<string>, reads: Set<string>, isBuiltin: (name: string) => boolean): void {
  const go = (n: Node, b: ReadonlySet<string> = bound): void => walk(n, b, reads, isBuiltin);
  switch (node.kind) {
    case 'name':
      if (node.name !== '?' && !bound.has(node.name)) reads.add(node.name);
      return;
    case 'call':
      if (node.callee.kind === 'name') {
        const name = node.callee.name;
        if (!bound.has(name) && !isBuiltin(name)) reads.add(name);
      } else go(node.callee);
      for (const a of node.args) go(a.value);
      return;
    case 'context': {
      const inner = new Set(bound);
      for (const e of node.entries) {
        go(e.value, inner);
        inner.add(e.key);
      }
      return;
    }
    case 'filter': {
      go(node.target);
      go(node.filter, new Set([...bound, 'item']));
      return;
    }
    case 'for': {
      const inner = iteration(node.contexts, bound, go);
      inner.add('partial');
      go(node.body, inner);
      return;
    }
    case 'quantified':
      go(node.condition, iteration(node.contexts, bound, go));
      return;
    case 'function':
      go(node.body, new Set([...bound, ...node.parameters.map((p) => p.name)]));
      return;
    case 'path':
      go(node.target);
      return;
    default:
      for (const child of children(node)) go(child);
  }
}

function iteration(contexts: IterationContext[], bound: ReadonlySet<string>, go: (n: Node, b: ReadonlySet<string>) => void): Set<string> {
  const inner = new Set(bound);
  for (const c of contexts) {
    go(c.domain, inner);
    if (c.domainEnd) go(c.domainEnd, inner);
    inner.add(c.name);
  }
  return inner;
}
