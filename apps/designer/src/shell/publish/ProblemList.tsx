import type { ProblemFieldError } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../api/problems.js';

/**
 * The errors of a refused save or publish, each with the JSON Pointer of what it is about; a
 * designer that can say where a pointer is (`placeOf`: "Action 1 › Message (English)") shows those
 * words instead, the pointer kept as their tooltip.
 */
export function ProblemList({ problems, showPaths = true, placeOf }: { problems: readonly ProblemFieldError[]; showPaths?: boolean; placeOf?: (path: string) => string | undefined }) {
  const { i18n } = useTranslation('shell');
  if (problems.length === 0) return null;
  return (
    <ul className="problem-list">
      {problems.map((problem, i) => (
        <li key={`${problem.path}-${problem.code}-${i}`}>
          <Place path={problem.path} showPaths={showPaths} placeOf={placeOf} />
          {problemMessage(problem, i18n.language)}
        </li>
      ))}
    </ul>
  );
}

function Place({ path, showPaths, placeOf }: { path: string; showPaths: boolean; placeOf: ((path: string) => string | undefined) | undefined }) {
  if (!showPaths || !path) return null;
  const place = placeOf?.(path);
  return (
    <>
      {place ? (
        <span className="problem-place" title={path}>
          {place}
        </span>
      ) : (
        <code>{path}</code>
      )}{' '}
    </>
  );
}
