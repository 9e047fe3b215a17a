import type { ApiProblem, ProblemFieldError } from '@bankforge/client';
import { problemMessage } from '../../shell/api/problems.js';

/**
 * A refused request's field errors by the field they are about (the first segment of each path:
 * `/roles/1` is about `roles`), in the reader's language, and the ones about no known field.
 */
export function fieldProblems(problem: ApiProblem, fields: readonly string[], language: string): { byField: Record<string, string>; other: ProblemFieldError[] } {
  const byField: Record<string, string> = {};
  const other: ProblemFieldError[] = [];
  for (const error of problem.errors) {
    const field = error.path.split('/')[1] ?? '';
    if (fields.includes(field) && byField[field] === undefined) byField[field] = problemMessage(error, language);
    else other.push(error);
  }
  return { byField, other };
}
