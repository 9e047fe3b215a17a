import type { AppDocument } from '@bankforge/client';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { LeaveGuard, LoadFailed, useArtifactEditor, useDesignerShortcuts } from '../shell/artifact-editor/index.js';
import { newAppDocument } from '../shell/artifact-list/new-artifact.js';
import { Loading } from '../shell/Loading.js';
import { PublishBar } from '../shell/PublishBar.js';
import { usePlaceOf } from '../shell/problem-places/usePlaceOf.js';
import { TabList, tabIds } from '../shell/tabs/TabList.js';
import { restoreInto, VersionHistory } from '../shell/VersionHistory.js';
import { AppContents } from './AppContents.js';
import { AppProperties } from './AppProperties.js';
import { APP_READING } from './problem-places.js';
import { useAppContentCatalog } from './useAppContentCatalog.js';
import './app-designer.css';
import { artifactTitle } from '../shell/artifact-title.js';

type Panel = 'contents' | 'properties' | 'versions';

/** The app designer (route `app/:key`): the pages of a generated app in menu order, and its name. */
export default function AppDesigner() {
  const { key = '' } = useParams();
  const { t, i18n } = useTranslation('appDesigner');
  const editor = useArtifactEditor<AppDocument>('app', key, useCallback(() => newAppDocument(key, key), [key]));
  useDesignerShortcuts({ undo: editor.undo, redo: editor.redo, save: () => void editor.save() });
  const catalog = useAppContentCatalog();
  const [panel, setPanel] = useState<Panel>('contents');
  const placeOf = usePlaceOf(editor.document, APP_READING);

  if (editor.status === 'loading') return <Loading />;
  if (editor.status === 'error') return <LoadFailed message={t('loadFailed', { message: editor.error?.detail || editor.error?.title })} onRetry={editor.reload} />;

  const app = editor.document;
  const ids = tabIds('app', panel);
  return (
    <main className="page designer">
      <LeaveGuard dirty={editor.dirty} />
      <div className="page-header">
        <h1>{t('title', { title: artifactTitle(app, i18n.language) })}</h1>
        <code className="artifact-key">{app.key}</code>
      </div>
      <PublishBar editor={editor} problemPlace={placeOf} />
      <TabList
        label={t('tabs.label')}
        prefix="app"
        tabs={[
          { id: 'contents', label: t('tabs.contents') },
          { id: 'properties', label: t('tabs.properties') },
          { id: 'versions', label: t('tabs.versions') },
        ]}
        selected={panel}
        onSelect={setPanel}
      />
      <section role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} className="tab-panel">
        {panel === 'contents' && <AppContents app={app} catalog={catalog} problems={editor.problems} onChange={editor.update} />}
        {panel === 'properties' && <AppProperties app={app} problems={editor.problems} onChange={editor.update} />}
        {panel === 'versions' && <VersionHistory kind="app" artifactKey={key} latestVersion={editor.latestVersion} onRestore={restoreInto(editor)} />}
      </section>
    </main>
  );
}
