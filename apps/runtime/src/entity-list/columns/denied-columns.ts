import type { ApiProblem, RecordQuery } from '@bankforge/client';

/**
 * The columns a query named that the reader's roles hide from them: the server refuses the whole
 * query (403) and points at each with `/fields/<index>`. The list leaves those columns out.
 */
export function deniedColumns(problem: ApiProblem, query: Pick<RecordQuery, 'fields'>): string[] {
  if (problem.status !== 403) return [];
  return problem.errors.flatMap((error) => {
    const match = /^\/fields\/(\d+)$/.exec(error.path);
    const key = match ? query.fields?.[Number(match[1])] : undefined;
    return key === undefined ? [] : [key];
  });
}
