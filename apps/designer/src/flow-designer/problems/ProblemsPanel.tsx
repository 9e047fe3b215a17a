import type { FlowDefinition, FlowProblem } from '@bankforge/flow-engine';
import { useTranslation } from 'react-i18next';
import type { DesignerLanguage } from '../document/names.js';
import { problemText } from './problem-text.js';

export interface ProblemsPanelProps {
  flow: FlowDefinition;
  problems: readonly FlowProblem[];
  language: DesignerLanguage;
  /** Selects the node or edge a problem is about (or the flow, for its own). */
  onShow(problem: FlowProblem): void;
}

/** Everything that keeps the flow from being published, as the engine checks it while the analyst edits. */
export function ProblemsPanel({ flow, problems, language, onShow }: ProblemsPanelProps) {
  const { t } = useTranslation('flowDesigner');
  return (
    <section className="flow-problems" aria-labelledby="flow-problems-title">
      <h2 id="flow-problems-title">{t('problems.title', { count: problems.length })}</h2>
      {problems.length === 0 ? (
        <p className="help">{t('problems.none')}</p>
      ) : (
        <ul>
          {problems.map((problem, i) => (
            <li key={`${problem.path}-${problem.code}-${i}`}>
              <button type="button" className="link-button" onClick={() => onShow(problem)}>
                {problemText(problem, flow, language, t)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
