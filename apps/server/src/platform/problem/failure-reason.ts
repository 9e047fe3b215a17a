import { ProblemError } from './problem-error.js';

/** Why work failed, fit to store: a problem's code, or an error's system code or class; never its message, which may quote values. */
export function failureReason(error: unknown): string {
  if (error instanceof ProblemError) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.name : 'error';
}
