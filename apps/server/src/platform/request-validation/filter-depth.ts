import { ProblemError, type ProblemFieldError } from '../problem/problem-error.js';

/**
 * How many `and`/`or`/`not` levels a filter may nest. A person's filter rarely needs four; the
 * databases give up long before the JSON does (SQLite's expression tree stops at 1,000 levels,
 * MariaDB's thread stack sooner), and an error there would be a 500 instead of an answer.
 */
export const MAX_FILTER_DEPTH = 32;

/**
 * The first place where a filter (`{and: [...]}`, `{or: [...]}`, `{not: {...}}` or a condition)
 * nests more than `limit` levels, as a 422 field error at its JSON Pointer; undefined when it does
 * not. Walks with its own stack and ignores whatever is not a filter shape: the schema says that.
 */
export function filterDepthProblem(filter: unknown, path: string, limit = MAX_FILTER_DEPTH): ProblemFieldError | undefined {
  const pending: { filter: unknown; path: string; depth: number }[] = [{ filter, path, depth: 0 }];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (next.filter === null || typeof next.filter !== 'object' || Array.isArray(next.filter)) continue;
    const node = next.filter as Record<string, unknown>;
    const children: { filter: unknown; path: string }[] = [];
    for (const key of ['and', 'or'] as const) {
      const list = node[key];
      if (Array.isArray(list)) list.forEach((child: unknown, index) => children.push({ filter: child, path: `${next.path}/${key}/${index}` }));
    }
    if ('not' in node) children.push({ filter: node.not, path: `${next.path}/not` });
    if (children.length === 0 && !('and' in node || 'or' in node || 'not' in node)) continue;
    const depth = next.depth + 1;
    if (depth > limit) {
      return { path: next.path, code: 'filterTooDeep', message: `A filter may nest and, or and not at most ${limit} levels deep` };
    }
    for (const child of children) pending.push({ ...child, depth });
  }
  return undefined;
}

/** Wraps a body parser so that a query's `filter` nesting too deep is refused (422 `invalidQuery`, the error `filterTooDeep` at its path) before anything recurses into it. */
export function refusingDeepFilters<T>(parse: (body: unknown) => T): (body: unknown) => T {
  return (body: unknown): T => {
    const filter = body !== null && typeof body === 'object' ? (body as { filter?: unknown }).filter : undefined;
    const problem = filter === undefined ? undefined : filterDepthProblem(filter, '/filter');
    if (problem) throw ProblemError.invalid(`The filter nests more than ${MAX_FILTER_DEPTH} levels of and, or and not.`, [problem], 'invalidQuery');
    return parse(body);
  };
}

/** The filters of a report artifact (its own, each one-to-many join's and each measure's), each checked for depth. */
export function reportFilterDepthProblems(report: unknown): ProblemFieldError[] {
  if (report === null || typeof report !== 'object') return [];
  const { filter, joins, measures } = report as { filter?: unknown; joins?: unknown; measures?: unknown };
  const located: { filter: unknown; path: string }[] = [{ filter, path: '/filter' }];
  for (const [name, list] of [['joins', joins], ['measures', measures]] as const) {
    if (Array.isArray(list)) list.forEach((item: unknown, index) => located.push({ filter: (item as { filter?: unknown } | null)?.filter, path: `/${name}/${index}/filter` }));
  }
  return located.flatMap(({ filter: f, path }) => {
    const problem = f === undefined ? undefined : filterDepthProblem(f, path);
    return problem ? [problem] : [];
  });
}
