import type { DecisionArtifact } from '@bankforge/rule-engine';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { LeaveGuard, LoadFailed, useArtifactEditor, useDesignerShortcuts } from '../shell/artifact-editor/index.js';
import { Loading } from '../shell/Loading.js';
import { PublishBar } from '../shell/PublishBar.js';
import { usePlaceOf } from '../shell/problem-places/usePlaceOf.js';
import { newDecisionArtifact, replaceModel } from './document/decision-document.js';
import type { ElementRef } from './document/element-names.js';
import { DECISION_READING } from './document/problem-places.js';
import { DecisionPicker } from './page/DecisionPicker.js';
import { DmnFileActions } from './page/DmnFileActions.js';
import { DrgSection } from './page/DrgSection.js';
import { selectedElement, selectionSearch } from './page/element-selection.js';
import { ElementWorkspace } from './page/ElementWorkspace.js';
import './decision-designer.css';

/**
 * The decision designer (route `decision/:key`; `?decision=`, `?bkm=` or `?inputData=` picks an
 * element of the model): the requirements diagram of a model of several elements, the selected
 * element's properties and its logic (a table in the grid, a literal expression, a context, a
 * knowledge model), checked as it changes, saved and published through the shared editor; DMN XML
 * in and out.
 */
export default function DecisionDesigner() {
  const { key = '' } = useParams();
  const { t } = useTranslation('decisionDesigner');
  const [search, setSearch] = useSearchParams();
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const editor = useArtifactEditor<DecisionArtifact>('decision', key, useCallback(() => newDecisionArtifact(key), [key]));
  useDesignerShortcuts({ undo: editor.undo, redo: editor.redo, save: () => void editor.save() });
  const placeOf = usePlaceOf(editor.document, DECISION_READING);

  if (editor.status === 'loading') return <Loading />;
  if (editor.status === 'error') return <LoadFailed message={t('loadFailed', { message: editor.error?.detail || editor.error?.title })} onRetry={editor.reload} />;

  const artifact = editor.document;
  const selected = selectedElement(artifact, search);
  const select = (element: ElementRef | null) => setSearch(selectionSearch(element), { replace: true });

  return (
    <main className="page designer decision-designer">
      <LeaveGuard dirty={editor.dirty} />
      <div className="page-header">
        <h1>{t('title', { title: artifact.title })}</h1>
        <code className="artifact-key">{artifact.key}</code>
      </div>
      <PublishBar editor={editor} problemPlace={placeOf} />
      <DmnFileActions artifact={artifact} onImport={(result) => editor.update((current) => replaceModel(current, result.model))} />
      <DrgSection
        artifact={artifact}
        selected={selected}
        onSelect={select}
        onOpen={(element) => {
          select(element);
          // The properties' heading takes the focus once the element's editor is drawn.
          requestAnimationFrame(() => heading.current?.focus());
        }}
        onChange={(change) => editor.update(change)}
        onAnnounce={setAnnouncement}
      />
      {artifact.decisions.length > 1 && (
        <DecisionPicker
          decisions={artifact.decisions}
          selected={selected?.kind === 'decision' ? selected.index : -1}
          onSelect={(i) => select({ kind: 'decision', name: artifact.decisions[i]!.name })}
        />
      )}
      {selected !== null && (
        <ElementWorkspace
          key={`${selected.kind}:${selected.index}`}
          artifact={artifact}
          selected={selected}
          problems={editor.problems}
          latestVersion={editor.latestVersion}
          onUpdate={(change, label) => editor.update(change, label)}
          onSelect={select}
          onAnnounce={setAnnouncement}
          headingRef={heading}
        />
      )}
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
    </main>
  );
}
