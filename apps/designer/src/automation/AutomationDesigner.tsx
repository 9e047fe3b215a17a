import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { designerLanguage } from '../form-designer/workspace/localized.js';
import { LeaveGuard, LoadFailed, useArtifactEditor, useDesignerShortcuts, type ArtifactEditor } from '../shell/artifact-editor/index.js';
import { Loading } from '../shell/Loading.js';
import { PublishBar } from '../shell/PublishBar.js';
import { usePlaceOf } from '../shell/problem-places/usePlaceOf.js';
import { TabList, tabIds } from '../shell/tabs/TabList.js';
import { restoreInto, VersionHistory } from '../shell/VersionHistory.js';
import { ActionList } from './actions/ActionList.js';
import './automation.css';
import { useAutomationCatalog } from './catalog/useAutomationCatalog.js';
import { useCaseEntity } from './catalog/useCaseEntity.js';
import { newAutomationDocument, withLabel, type AutomationDocument } from './model/automation-document.js';
import { liveProblems, mergeProblems } from './model/live-checks.js';
import { AUTOMATION_READING } from './model/problem-places.js';
import { triggerEntity } from './model/trigger.js';
import { RunsTab } from './runs/RunsTab.js';
import { TestPanel } from './test-panel/TestPanel.js';
import { TriggerEditor } from './trigger/TriggerEditor.js';
import { ControlProblems, TextControl } from './ui/controls.js';
import { AutomationEditingContext, useAutomationEditing, type AutomationEditing } from './ui/editing-context.js';

type View = 'design' | 'test' | 'runs' | 'versions';

/**
 * The automation designer (route `automation/:key`): "when this happens (and this holds), do these
 * things in order". Its name, the trigger, the ordered actions; a test run on a real record that
 * writes nothing; the published automation's runs with replay; saved, published and versioned like
 * every artifact, the server's problems shown beside the trigger or action field they are about.
 */
export default function AutomationDesigner() {
  const { key = '' } = useParams();
  const { t } = useTranslation('automationDesigner');
  // Opened at an address with no draft: the analyst picks the entity first (the dialog asks it up front).
  const editor = useArtifactEditor<AutomationDocument>('automation', key, useCallback(() => newAutomationDocument(key, key, ''), [key]));
  useDesignerShortcuts({ undo: editor.undo, redo: editor.redo, save: () => void editor.save() });
  if (editor.status === 'loading') return <Loading />;
  if (editor.status === 'error') return <LoadFailed message={t('loadFailed', { message: editor.error?.detail || editor.error?.title })} onRetry={editor.reload} />;
  return <LoadedAutomation editor={editor} />;
}

function LoadedAutomation({ editor }: { editor: ArtifactEditor<AutomationDocument> }) {
  const { t, i18n } = useTranslation('automationDesigner');
  const language = designerLanguage(i18n.language);
  const catalog = useAutomationCatalog();
  const [view, setView] = useState<View>('design');
  const [announcement, setAnnouncement] = useState('');
  const automation = editor.document;
  // A case trigger's record is of its flow's entity: the actions' pickers read that one.
  const caseEntity = useCaseEntity(automation.trigger, catalog.flows);
  const entityKey = triggerEntity(automation.trigger) ?? caseEntity;
  // The engine's check as the server runs it on publish, live; the server's last answer beside it.
  const local = useMemo(() => liveProblems(automation, catalog.entities, catalog.loaded), [automation, catalog.entities, catalog.loaded]);
  const problems = useMemo(() => mergeProblems(local, editor.problems), [local, editor.problems]);
  const editing: AutomationEditing = useMemo(
    () => ({
      document: automation,
      catalog,
      entity: entityKey ? catalog.entities.get(entityKey) : undefined,
      problems,
      language,
      update: editor.update,
      announce: setAnnouncement,
    }),
    [automation, catalog, entityKey, problems, editor.update, language],
  );
  const ids = tabIds('automation', view);
  const name = automation.label[language] || automation.label.en || automation.title;
  const placeOf = usePlaceOf(automation, AUTOMATION_READING);

  return (
    <AutomationEditingContext.Provider value={editing}>
      <main className="page designer automation-designer">
        <LeaveGuard dirty={editor.dirty} />
        <div className="page-header">
          <h1>{t('title', { title: name })}</h1>
          <code className="artifact-key">{automation.key}</code>
        </div>
        <PublishBar editor={editor} publishBlocked={local.length > 0 ? t('publishBlocked', { count: local.length }) : undefined} problemPlace={placeOf} />
        {catalog.failed && (
          <div role="alert" className="notice notice-error">
            {t('catalogFailed', { message: catalog.failed })}
          </div>
        )}
        <TabList
          label={t('tabs.label')}
          prefix="automation"
          tabs={[
            { id: 'design', label: t('tabs.design') },
            { id: 'test', label: t('tabs.test') },
            { id: 'runs', label: t('tabs.runs') },
            { id: 'versions', label: t('tabs.versions') },
          ]}
          selected={view}
          onSelect={setView}
        />
        <section role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} className="tab-panel">
          {view === 'design' && (
            <div className="automation-workspace">
              <ControlProblems id="automation-document-problems" control="document" />
              <NameSection />
              <TriggerEditor />
              <ActionList />
            </div>
          )}
          {view === 'test' && <TestPanel />}
          {view === 'runs' && <RunsTab automationKey={automation.key} published={editor.latestVersion !== null} publishedDocument={editor.published} />}
          {view === 'versions' && <VersionHistory kind="automation" artifactKey={automation.key} latestVersion={editor.latestVersion} onRestore={restoreInto(editor)} />}
        </section>
        <p role="status" aria-live="polite" className="visually-hidden">
          {announcement}
        </p>
      </main>
    </AutomationEditingContext.Provider>
  );
}

/** The automation's name in both languages, and whether it runs once published. */
function NameSection() {
  const { t } = useTranslation('automationDesigner');
  const { document, update } = useAutomationEditing();
  return (
    <section className="automation-section" aria-labelledby="automation-name-heading">
      <h2 id="automation-name-heading">{t('name.legend')}</h2>
      <ControlProblems id="automation-label-problems" control="label" />
      <div className="automation-inline">
        <TextControl label={t('name.en')} control="label.en" value={document.label.en} onChange={(text) => update((d) => withLabel(d, 'en', text), 'label.en')} />
        <TextControl label={t('name.zh')} control="label.zh-CN" value={document.label['zh-CN']} onChange={(text) => update((d) => withLabel(d, 'zh-CN', text), 'label.zh-CN')} />
      </div>
      <div className="form-row">
        <label className="checkbox">
          <input type="checkbox" role="switch" aria-describedby="automation-enabled-help" checked={document.enabled !== false} onChange={(e) => update((d) => ({ ...d, enabled: e.target.checked }))} /> {t('name.enabled')}
        </label>
        <p id="automation-enabled-help" className="help">
          {t('name.enabledHelp')}
        </p>
        <ControlProblems id="automation-enabled-problems" control="enabled" />
      </div>
    </section>
  );
}
