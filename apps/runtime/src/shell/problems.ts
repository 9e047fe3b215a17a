import type { ApiProblem, ProblemFieldError } from '@bankforge/client';
import type { FieldError } from '@bankforge/data-model';

/** A problem's field errors as the form engine's errors (the server may leave out the Chinese text). */
export function fieldErrorsOf(problem: ApiProblem): FieldError[] {
  return problem.errors.map((error: ProblemFieldError) => ({
    path: error.path,
    code: error.code,
    message: error.message,
    messageZh: error.messageZh ?? error.message,
  }));
}

/** What to tell the reader about a problem: the server's detail, else its title. */
export function problemText(problem: ApiProblem): string {
  return problem.detail || problem.title;
}
