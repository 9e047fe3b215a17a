import type { FilterProblem } from './record-filter.js';

/**
 * How many `and`/`or`/`not` levels a filter may nest. A person's filter rarely needs four; the
 * databases give up long before the JSON does (SQLite's expression tree stops at 1,000 levels,
 * MariaDB's thread stack sooner), and an error there would be a 500 instead of an answer.
 */
export const MAX_FILTER_DEPTH = 32;

/**
 * The first place where a filter (`{and: [...]}`, `{or: [...]}`, `{not: {...}}` or a condition)
 * nests more than `limit` levels, as a `filterTooDeep` problem at its JSON Pointer; undefined when
 * it does not. Walks with its own stack, so that a hostile filter cannot overflow the caller's
 * before anything else looks at it, and ignores whatever is not a filter shape: a schema says that.
 */
export function filterDepthProblem(
  filter: unknown,
  path: string,
  limit = MAX_FILTER_DEPTH,
): FilterProblem | undefined {
  const pending: { filter: unknown; path: string; depth: number }[] = [{ filter, path, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.filter === null || typeof next.filter !== 'object' || Array.isArray(next.filter)) continue;
    const node = next.filter as Record<string, unknown>;
    const children: { filter: unknown; path: string }[] = [];
    for (const key of ['and', 'or'] as const) {
      const list = node[key];
      if (Array.isArray(list))
        list.forEach((child: unknown, index) =>
          children.push({ filter: child, path: `${next.path}/${key}/${index}` }),
        );
    }
    if ('not' in node) children.push({ filter: node.not, path: `${next.path}/not` });
    if (children.length === 0 && !('and' in node || 'or' in node || 'not' in node)) continue;
    const depth = next.depth + 1;
    if (depth > limit) {
      return {
        path: next.path,
        code: 'filterTooDeep',
        message: `A filter may nest and, or and not at most ${limit} levels deep`,
      };
    }
    for (const child of children) pending.push({ ...child, depth });
  }
  return undefined;
}
