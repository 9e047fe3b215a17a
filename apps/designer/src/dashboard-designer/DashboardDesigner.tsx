import type { DashboardDefinition } from '@bankforge/report-engine';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { designerLanguage, type DesignerLanguage } from '../form-designer/workspace/localized.js';
import { LeaveGuard, LoadFailed, useArtifactEditor, useDesignerShortcuts, type ArtifactEditor } from '../shell/artifact-editor/index.js';
import { artifactTitle } from '../shell/artifact-title.js';
import { Loading } from '../shell/Loading.js';
import { PublishBar } from '../shell/PublishBar.js';
import { usePlaceOf } from '../shell/problem-places/usePlaceOf.js';
import { TabList, tabIds } from '../shell/tabs/TabList.js';
import { restoreInto, VersionHistory } from '../shell/VersionHistory.js';
import { useDashboardCatalog } from './catalog/useDashboardCatalog.js';
import { distinctProblems } from './checks/live-checks.js';
import { useLiveChecks } from './checks/useLiveChecks.js';
import { DashboardWorkspace } from './DashboardWorkspace.js';
import { newDashboardDocument } from './model/dashboard-document.js';
import { DASHBOARD_READING } from './model/problem-places.js';
import './dashboard-designer.css';

type View = 'design' | 'versions';

/**
 * The dashboard designer (route `dashboard/:key`): published reports as widgets on a 12-column grid,
 * laid out by mouse or keyboard, with shared filters, each widget's chart, filters, cross-filtering
 * and drill target, previewed with real data, checked as the server will check it, saved and
 * published through the shared editor.
 */
export default function DashboardDesigner() {
  const { key = '' } = useParams();
  const { t, i18n } = useTranslation('dashboardDesigner');
  const editor = useArtifactEditor<DashboardDefinition>('dashboard', key, useCallback(() => newDashboardDocument(key, key), [key]));
  useDesignerShortcuts({ undo: editor.undo, redo: editor.redo, save: () => void editor.save() });
  if (editor.status === 'loading') return <Loading />;
  if (editor.status === 'error') return <LoadFailed message={t('loadFailed', { message: editor.error?.detail || editor.error?.title })} onRetry={editor.reload} />;
  return <LoadedDashboard editor={editor} language={designerLanguage(i18n.language)} />;
}

function LoadedDashboard({ editor, language }: { editor: ArtifactEditor<DashboardDefinition>; language: DesignerLanguage }) {
  const { t } = useTranslation('dashboardDesigner');
  const [view, setView] = useState<View>('design');
  const { state: catalog, reload } = useDashboardCatalog();
  const dashboard = editor.document;
  const checks = useLiveChecks(dashboard, catalog.status === 'ready' ? catalog.catalog : null);
  const outcome = editor.outcome;
  const problems = useMemo(() => distinctProblems(editor.problems, checks?.problems ?? []), [editor.problems, checks]);
  const warnings = useMemo(() => distinctProblems(outcome?.kind === 'published' ? outcome.warnings : [], checks?.warnings ?? []), [outcome, checks]);
  const ids = tabIds('dashboard', view);
  const name = artifactTitle(dashboard, language);
  const blocking = checks?.problems.length ?? 0;
  const placeOf = usePlaceOf(dashboard, DASHBOARD_READING);
  return (
    <main className="page designer dashboard-designer">
      <LeaveGuard dirty={editor.dirty} />
      <div className="page-header">
        <h1>{t('title', { title: name })}</h1>
        <code className="artifact-key">{dashboard.key}</code>
      </div>
      <PublishBar editor={editor} publishBlocked={blocking > 0 ? t('publishBlocked', { count: blocking }) : undefined} problemPlace={placeOf} />
      <TabList
        label={t('tabs.label')}
        prefix="dashboard"
        tabs={[
          { id: 'design', label: t('tabs.design') },
          { id: 'versions', label: t('tabs.versions') },
        ]}
        selected={view}
        onSelect={setView}
      />
      <section role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} className="tab-panel">
        {view === 'design' && (
          <DashboardWorkspace
            editor={editor}
            catalog={catalog}
            onReloadCatalog={reload}
            language={language}
            problems={problems}
            warnings={warnings}
            checkStatus={catalog.status === 'error' ? 'unavailable' : checks === null ? 'checking' : 'checked'}
          />
        )}
        {view === 'versions' && <VersionHistory kind="dashboard" artifactKey={dashboard.key} latestVersion={editor.latestVersion} onRestore={restoreInto(editor)} />}
      </section>
    </main>
  );
}
