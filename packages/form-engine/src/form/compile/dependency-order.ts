/**
 * Orders computed values so each comes after the values it reads, and finds the cycles that make
 * an order impossible (Tarjan's strongly connected components: each is emitted after everything
 * it reads, which is exactly evaluation order).
 */

export interface DependencyOrder {
  /** Every node, each after the nodes it reads (members of a cycle in no useful order). */
  readonly order: readonly string[];
  /** Each cycle as the path around it, starting and ending at the same node (`a, b, c, a`). */
  readonly cycles: readonly (readonly string[])[];
}

/** `reads` maps each node to the nodes it reads; nodes read but not listed are not ordered. */
export function dependencyOrder(reads: ReadonlyMap<string, ReadonlySet<string>>): DependencyOrder {
  const order: string[] = [];
  const cycles: string[][] = [];
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  let counter = 0;

  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of reads.get(node) ?? []) {
      if (!reads.has(next)) continue;
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    component.reverse();
    order.push(...component);
    if (component.length > 1 || reads.get(node)?.has(node)) cycles.push(cyclePath(component, reads));
  };

  for (const node of reads.keys()) if (!index.has(node)) connect(node);
  return { order, cycles };
}

/** A path around a strongly connected component, in the direction values flow (`a` feeds `b` feeds `c` feeds `a`). */
function cyclePath(component: readonly string[], reads: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const members = new Set(component);
  const start = component[0] as string;
  // walk "is read by" edges from start until back at start (always possible inside a component)
  const readBy = (node: string): string[] => component.filter((m) => reads.get(m)?.has(node));
  const path: string[] = [start];
  const seen = new Set<string>([start]);
  const search = (node: string): boolean => {
    for (const next of readBy(node)) {
      if (next === start) return true;
      if (seen.has(next) || !members.has(next)) continue;
      seen.add(next);
      path.push(next);
      if (search(next)) return true;
      path.pop();
    }
    return false;
  };
  search(start);
  return [...path, start];
}
