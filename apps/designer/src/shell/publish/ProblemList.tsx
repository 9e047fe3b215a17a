import type { ProblemFieldError } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problems.js';

/** The errors of a refused save or publish, each with the JSON Pointer of what it is about. */
export function ProblemList({ problems, showPaths = true }: { problems: readonly ProblemFieldError[]; showPaths?: boolean }) {
  const { i18n } = useTranslation('shell');
  if (problems.length === 0) return null;
  return (
    <ul className="problem-list">
      {problems.map((problem, i) => (
        <li key={`${problem.path}-${problem.code}-${i}`}>
          {showPaths && problem.path && <><code>{problem.path}</code>{' '}</>}
          {problemMessage(problem, i18n.language)}
        </li>
      ))}
    </ul>
  );
}
