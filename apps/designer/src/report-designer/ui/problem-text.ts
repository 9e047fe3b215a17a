import type { TFunction } from 'i18next';
import type { DesignerLanguage } from '../../form-designer/workspace/localized.js';
import type { ReportProblem } from '../model/problems.js';

/** Codes whose English message quotes the expression's construct: Chinese says what is wrong and keeps the quote. */
const QUOTING = new Set(['feelSyntax', 'notPushedDown', 'typeMismatch']);

/** The part of an expression the database cannot compute, as the engine quotes it: `"count(amount)" (column 1)`. */
const CONSTRUCT = /("(?:[^"\\]|\\.)*") \(column (\d+)\)/;

/**
 * A problem in the reader's language. The engine writes English with the names involved, which
 * English readers get as written; Chinese readers get the server's Chinese, or the designer's
 * sentence for the code (the control it sits beside names the field).
 */
export function problemText(problem: ReportProblem, language: DesignerLanguage, t: TFunction, exists: (key: string) => boolean): string {
  if (language !== 'zh-CN') return problem.message;
  if (problem.messageZh) return problem.messageZh;
  const key = `reportDesigner:problems.codes.${problem.code}`;
  if (!exists(key)) return problem.message;
  const construct = problem.code === 'notPushedDown' ? CONSTRUCT.exec(problem.message) : null;
  if (construct) return t('problems.notPushedDownAt', { quote: construct[1], column: construct[2] });
  const text = t(`problems.codes.${problem.code}`);
  return QUOTING.has(problem.code) ? `${text}（${problem.message}）` : text;
}
