/** The element editors' problems in the reader's language. */
import type { TFunction } from 'i18next';
import type { NameProblem } from '../document/element-names.js';
import type { LogicProblem } from '../document/logic-check.js';
import { problemText } from '../grid/messages.js';

/** Why a name is refused; `sibling`: among a context's entries or a model's parameters, not the model's elements. */
export function nameProblemText(t: TFunction<'decisionDesigner'>, problem: NameProblem, sibling = false): string {
  return problem === 'taken' && sibling ? t('names.takenSibling') : t(`names.${problem}`);
}

export function logicProblemText(t: TFunction<'decisionDesigner'>, problem: LogicProblem): string {
  if (problem.code === 'notRequired') return t('problem.notRequired', { name: problem.name });
  if (problem.code === 'name') return nameProblemText(t, problem.problem, true);
  return problemText(t, problem);
}
