import type { FlowDefinition } from '@bankforge/flow-engine';
import { lazy, Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { designerLanguage, type DesignerLanguage } from '../form-designer/workspace/localized.js';
import { LeaveGuard, LoadFailed, useArtifactEditor, useDesignerShortcuts, type ArtifactEditor } from '../shell/artifact-editor/index.js';
import { Loading } from '../shell/Loading.js';
import { PublishBar } from '../shell/PublishBar.js';
import { usePlaceOf } from '../shell/problem-places/usePlaceOf.js';
import { TabList, tabIds } from '../shell/tabs/TabList.js';
import { artifactTitle } from '../shell/artifact-title.js';
import { newFlowDocument } from './document/new-flow.js';
import './flow-designer.css';
import { FlowWorkspace } from './FlowWorkspace.js';
import { FLOW_READING } from './problems/problem-places.js';
import { useLiveProblems } from './problems/useLiveProblems.js';
import { usePublishFlow } from './publish/usePublishFlow.js';
import { FlowVersions } from './versions/FlowVersions.js';

type View = 'design' | 'simulate' | 'versions';

/** Simulate loads its engine run, decision compiler and panels when the analyst first opens it. */
const SimulationView = lazy(() => import('./simulation/SimulationView.js'));

/** The flow designer (route `flow/:key`): draw, check and publish an approval flow. */
export default function FlowDesigner() {
  const { key = '' } = useParams();
  const { t, i18n } = useTranslation('flowDesigner');
  const editor = useArtifactEditor<FlowDefinition>('flow', key, useCallback(() => newFlowDocument(key), [key]));
  useDesignerShortcuts({ undo: editor.undo, redo: editor.redo, save: () => void editor.save() });
  if (editor.status === 'loading') return <Loading />;
  if (editor.status === 'error') return <LoadFailed message={t('loadFailed', { message: editor.error?.detail || editor.error?.title })} onRetry={editor.reload} />;
  return <LoadedFlow editor={editor} language={designerLanguage(i18n.language)} />;
}

function LoadedFlow({ editor, language }: { editor: ArtifactEditor<FlowDefinition>; language: DesignerLanguage }) {
  const { t } = useTranslation('flowDesigner');
  const [view, setView] = useState<View>('design');
  const problems = useLiveProblems(editor.document);
  const flow = editor.document;
  const ids = tabIds('flow', view);
  const name = artifactTitle(flow, language);
  // Publishing shows what happens to the running cases, and lets the analyst move them.
  const publishing = usePublishFlow(editor, name);
  const placeOf = usePlaceOf(flow, FLOW_READING);
  return (
    <main className="page designer flow-designer">
      <LeaveGuard dirty={editor.dirty} />
      <div className="page-header">
        <h1>{t('title', { title: name })}</h1>
        <code className="artifact-key">{flow.key}</code>
      </div>
      <PublishBar editor={editor} onPublish={() => void publishing.start()} publishBlocked={problems.length > 0 ? t('publishBlocked', { count: problems.length }) : undefined} problemPlace={placeOf} />
      {publishing.dialog}
      <TabList
        label={t('tabs.label')}
        prefix="flow"
        tabs={[
          { id: 'design', label: t('tabs.design') },
          { id: 'simulate', label: t('tabs.simulate') },
          { id: 'versions', label: t('tabs.versions') },
        ]}
        selected={view}
        onSelect={setView}
      />
      <section role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} className="tab-panel">
        {view === 'design' && <FlowWorkspace editor={editor} problems={problems} language={language} />}
        {view === 'simulate' && (
          <Suspense fallback={<Loading />}>
            <SimulationView flow={flow} language={language} problemCount={problems.length} />
          </Suspense>
        )}
        {view === 'versions' && <FlowVersions editor={editor} language={language} />}
      </section>
    </main>
  );
}
