import type { ProblemFieldError } from '@bankforge/client';

/** A problem's message in the reader's language (the server sends Chinese as `messageZh`). */
export function problemMessage(error: ProblemFieldError, language: string): string {
  return language.startsWith('zh') && error.messageZh ? error.messageZh : error.message;
}

/** The errors addressed to `path` or anything under it (`/fields/3` holds `/fields/3/options/0/value`). */
export function problemsUnder(problems: readonly ProblemFieldError[], path: string): ProblemFieldError[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}/`));
}
