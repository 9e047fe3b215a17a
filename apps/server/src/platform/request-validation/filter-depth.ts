import { filterDepthProblem, MAX_FILTER_DEPTH } from '@bankforge/data-model';
import { ProblemError, type ProblemFieldError } from '../problem/problem-error.js';

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
