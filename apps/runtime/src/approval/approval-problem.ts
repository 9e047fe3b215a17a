import type { ApiProblem } from '@bankforge/client';
import type { TFunction } from 'i18next';

/** The refusals of the approval API that the screens explain in the reader's language. */
const KNOWN = [
  'makerChecker',
  'notAssignee',
  'taskNotOpen',
  'actionNotAllowed',
  'withdrawNotAllowed',
  'fieldControlledByFlow',
  'authorityExceeded',
  'conflict',
  'notYourTurn',
] as const;

function known(code: string): (typeof KNOWN)[number] | undefined {
  return KNOWN.find((candidate) => candidate === code);
}

/** Another approver acted on the task between reading and acting (409 `conflict`, or a 409 the screens do not know): the page reloads it. */
export function actedFirst(problem: ApiProblem): boolean {
  return problem.code === 'conflict' || (problem.status === 409 && known(problem.code) === undefined);
}

/** What a refusal means, in the reader's language (`approval` namespace), or `fallback` for one the screens do not know. */
export function approvalProblemText(problem: ApiProblem, t: TFunction<'approval'>, fallback: string): string {
  const code = known(problem.code);
  if (code !== undefined) return t(`problem.${code}`);
  return actedFirst(problem) ? t('problem.conflict') : fallback;
}
