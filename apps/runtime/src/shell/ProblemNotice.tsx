import type { ApiProblem } from '@bankforge/client';
import { languageOf } from '@bankforge/app-shell';
import { useTranslation } from 'react-i18next';
import { problemText } from './problems.js';

export interface ProblemNoticeProps {
  /** What failed, already translated, e.g. "The records could not be loaded." */
  message: string;
  problem: ApiProblem;
  onRetry?: () => void;
}

/** A failed request: what it was, the server's explanation (detail and field errors), and a way to try again. */
export function ProblemNotice({ message, problem, onRetry }: ProblemNoticeProps) {
  const { t, i18n } = useTranslation('shell');
  const chinese = languageOf(i18n.language) === 'zh-CN';
  return (
    <div role="alert" className="notice notice-error">
      <p>
        <strong>{message}</strong> {problemText(problem, i18n.language)}
      </p>
      {problem.errors.length > 0 && (
        <ul>
          {problem.errors.map((error) => (
            <li key={`${error.path} ${error.code}`}>{chinese ? (error.messageZh ?? error.message) : error.message}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}
