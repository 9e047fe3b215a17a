import { ApiProblem } from '@bankforge/client';

/** Every failure as an ApiProblem, so the UI has one shape to show. */
export function asProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  return new ApiProblem(0, 'unexpected', 'Unexpected error', error instanceof Error ? error.message : String(error));
}
