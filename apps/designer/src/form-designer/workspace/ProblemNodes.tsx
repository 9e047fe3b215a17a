import type { ProblemFieldError } from '@bankforge/client';
import { useTranslation } from 'react-i18next';
import { nodeIdAtPointer } from '../tree/pointer-node.js';
import { useDesigner } from './DesignerContext.js';
import { targetName } from './target-name.js';

/** The nodes the server's last refusal (422) is about, each a button that shows it on the canvas. */
export function ProblemNodes({ problems, onShowNode }: { problems: readonly ProblemFieldError[]; onShowNode(id: string): void }) {
  const { t } = useTranslation('formDesigner');
  const { form, entity, language } = useDesigner();
  const nodes = [...new Set(problems.map((p) => nodeIdAtPointer(form, p.path)).filter((id): id is string => id !== null))];
  if (nodes.length === 0) return null;
  return (
    <nav className="fd-problem-nodes" aria-label={t('problems.label')}>
      {t('problems.label')}:{' '}
      {nodes.map((id) => (
        <button key={id} type="button" className="fd-link" onClick={() => onShowNode(id)}>
          {t('problems.show', { name: targetName(id, form, entity, language, t) })}
        </button>
      ))}
    </nav>
  );
}
