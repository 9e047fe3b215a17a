import type { DecisionArtifact } from '@bankforge/rule-engine';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import { LeaveGuard, LoadFailed, useArtifactEditor, useDesignerShortcuts } from '../shell/artifact-editor/index.js';
import { Loading } from '../shell/Loading.js';
import { PublishBar } from '../shell/PublishBar.js';
import { defaultDecision, newDecisionArtifact, replaceModel, tableOf, withTable } from './document/decision-document.js';
import { DecisionPicker } from './page/DecisionPicker.js';
import { DmnFileActions } from './page/DmnFileActions.js';
import { LogicView } from './page/LogicView.js';
import { TableWorkspace } from './page/TableWorkspace.js';
import './decision-designer.css';

/**
 * The decision designer (route `decision/:key`; `?decision=<name>` picks one of the model's
 * decisions): the chosen decision's table in an editable grid, checked and analysed as it changes,
 * saved and published through the shared editor; DMN XML in and out.
 */
export default function DecisionDesigner() {
  const { key = '' } = useParams();
  const { t } = useTranslation('decisionDesigner');
  const [search, setSearch] = useSearchParams();
  const editor = useArtifactEditor<DecisionArtifact>('decision', key, useCallback(() => newDecisionArtifact(key), [key]));
  useDesignerShortcuts({ undo: editor.undo, redo: editor.redo, save: () => void editor.save() });

  if (editor.status === 'loading') return <Loading />;
  if (editor.status === 'error') return <LoadFailed message={t('loadFailed', { message: editor.error?.detail || editor.error?.title })} onRetry={editor.reload} />;

  const artifact = editor.document;
  const named = artifact.decisions.findIndex((d) => d.name === search.get('decision'));
  const index = named >= 0 ? named : defaultDecision(artifact);
  const decision = artifact.decisions[index];
  const table = tableOf(artifact, index);

  return (
    <main className="page designer decision-designer">
      <LeaveGuard dirty={editor.dirty} />
      <div className="page-header">
        <h1>{t('title', { title: artifact.title })}</h1>
        <code className="artifact-key">{artifact.key}</code>
      </div>
      <PublishBar editor={editor} />
      <DmnFileActions artifact={artifact} onImport={(result) => editor.update((current) => replaceModel(current, result.model))} />
      {artifact.decisions.length > 1 && (
        <DecisionPicker decisions={artifact.decisions} selected={index} onSelect={(i) => setSearch({ decision: artifact.decisions[i]!.name }, { replace: true })} />
      )}
      {table !== null ? (
        <TableWorkspace
          key={index}
          artifact={artifact}
          decision={index}
          table={table}
          problems={editor.problems}
          onChange={(change, label) => editor.update((current) => withTable(current, index, change), label)}
          latestVersion={editor.latestVersion}
          onArtifactChange={(next) => editor.update(() => next)}
        />
      ) : (
        decision !== undefined && <LogicView decision={decision} />
      )}
    </main>
  );
}
