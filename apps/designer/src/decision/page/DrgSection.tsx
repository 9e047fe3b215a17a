import type { DecisionArtifact } from '@bankforge/rule-engine';
import { lazy, Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ElementRef } from '../document/element-names.js';

// React Flow and the layout load only when the diagram is shown: a one-table decision never needs them.
const DrgView = lazy(() => import('../drg/DrgView.js'));

export interface DrgSectionProps {
  artifact: DecisionArtifact;
  selected: ElementRef | null;
  onSelect(element: ElementRef): void;
  onOpen(element: ElementRef): void;
  onChange(change: (artifact: DecisionArtifact) => DecisionArtifact): void;
  onAnnounce(message: string): void;
}

/** Whether a model is worth its diagram at first sight: several decisions, or a knowledge model. */
export function showsDiagramFirst(artifact: DecisionArtifact): boolean {
  return artifact.decisions.length > 1 || (artifact.businessKnowledgeModels?.length ?? 0) > 0;
}

/** The requirements diagram, open at first for a model of several decisions; a button shows or hides it. */
export function DrgSection(props: DrgSectionProps) {
  const { t } = useTranslation('decisionDesigner');
  const id = useId();
  const [open, setOpen] = useState(() => showsDiagramFirst(props.artifact));
  return (
    <section className="dg-drg" aria-labelledby={`${id}-heading`}>
      <div className="dg-drg__head">
        <h2 id={`${id}-heading`}>{t('drg.heading')}</h2>
        <button type="button" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen((o) => !o)}>
          {open ? t('drg.hide') : t('drg.show')}
        </button>
      </div>
      <div id={`${id}-body`} hidden={!open}>
        {open && (
          <Suspense fallback={<p className="help">{t('drg.loading')}</p>}>
            <DrgView {...props} />
          </Suspense>
        )}
      </div>
    </section>
  );
}
