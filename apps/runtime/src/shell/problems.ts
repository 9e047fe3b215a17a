import type { ApiProblem, ProblemFieldError } from '@bankforge/client';
import type { FieldError } from '@bankforge/data-model';
import { languageOf } from '@bankforge/app-shell';

/** A problem's field errors as the form engine's errors (the server may leave out the Chinese text). */
export function fieldErrorsOf(problem: ApiProblem): FieldError[] {
  return problem.errors.map((error: ProblemFieldError) => ({
    path: error.path,
    code: error.code,
    message: error.message,
    messageZh: error.messageZh ?? error.message,
  }));
}

/** What to tell the reader about a problem: the server's detail (its Chinese `messageZh` to a Chinese reader), else its title. */
export function problemText(problem: ApiProblem, language = 'en'): string {
  const chinese = languageOf(language) === 'zh-CN' ? problem.body.messageZh : undefined;
  return (typeof chinese === 'string' && chinese) || problem.detail || problem.title;
}
