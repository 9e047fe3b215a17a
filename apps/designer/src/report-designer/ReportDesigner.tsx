import { validateReport, type ReportDefinition } from '@bankforge/report-engine';
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
import { usePublishedEntities } from './catalog/usePublishedEntities.js';
import { reportFieldChoices } from './model/fields.js';
import { newReportDocument } from './model/new-report.js';
import { labelProblems } from './model/labels.js';
import { mergeProblems } from './model/problems.js';
import { useBothLanguages } from './ui/both-languages.js';
import { PreviewPanel } from './preview/PreviewPanel.js';
import './report-designer.css';
import { CalculatedSection } from './sections/CalculatedSection.js';
import { ChartSection } from './sections/ChartSection.js';
import { DataSection } from './sections/DataSection.js';
import { DimensionsSection } from './sections/DimensionsSection.js';
import { DrillSection } from './sections/DrillSection.js';
import { FilterSection } from './sections/FilterSection.js';
import { MeasuresSection } from './sections/MeasuresSection.js';
import { ParametersSection } from './sections/ParametersSection.js';
import { SortSection } from './sections/SortSection.js';
import { ProblemSummary } from './ui/ProblemSummary.js';
import { REPORT_READING } from './model/problem-places.js';
import { ReportEditingContext, type ReportEditing } from './ui/report-context.js';

type View = 'design' | 'versions';

/**
 * The report designer (route `report/:key`): the base entity and its joins, calculated fields,
 * parameters, filter, dimensions, measures, sort, chart and drill-down, checked by the report
 * engine in the browser against the published entities as they change, previewed by the server on
 * real data; saved, published and versioned like every artifact.
 */
export default function ReportDesigner() {
  const { key = '' } = useParams();
  const { t } = useTranslation('reportDesigner');
  // A report opened at an address with no draft starts without a base entity: the analyst picks one first.
  const inBoth = useBothLanguages();
  const editor = useArtifactEditor<ReportDefinition>('report', key, useCallback(() => newReportDocument(key, key, '', inBoth((say) => say('measures.defaultLabel.count'))), [key, inBoth]));
  useDesignerShortcuts({ undo: editor.undo, redo: editor.redo, save: () => void editor.save() });
  if (editor.status === 'loading') return <Loading />;
  if (editor.status === 'error') return <LoadFailed message={t('loadFailed', { message: editor.error?.detail || editor.error?.title })} onRetry={editor.reload} />;
  return <LoadedReport editor={editor} />;
}

function LoadedReport({ editor }: { editor: ArtifactEditor<ReportDefinition> }) {
  const { t, i18n } = useTranslation('reportDesigner');
  const language = designerLanguage(i18n.language);
  const entities = usePublishedEntities();
  const [view, setView] = useState<View>('design');
  const [announcement, setAnnouncement] = useState('');
  const report = editor.document;
  const catalog = useMemo(() => (entities.status === 'ready' ? entities.catalog : new Map()), [entities]);
  const checked = entities.status === 'ready';
  // The engine's own check, as the server runs it on publish: every problem where it arises, as the draft changes.
  // A report opened without a draft has no base entity yet: choosing one is all there is to do.
  const local = useMemo(
    () => (report.source === '' ? [{ path: '/source', code: 'required', message: t('data.chooseSource') }] : [...labelProblems(report), ...(checked ? validateReport(report, catalog) : [])]),
    [checked, report, catalog, t],
  );
  const problems = useMemo(() => mergeProblems(local, editor.problems), [local, editor.problems]);
  const fields = useMemo(() => reportFieldChoices(report, catalog), [report, catalog]);
  const editing: ReportEditing = useMemo(
    () => ({ report, catalog, loaded: checked, fields, problems, language, update: editor.update, announce: setAnnouncement }),
    [report, catalog, checked, fields, problems, language, editor.update],
  );
  const placeOf = usePlaceOf(report, REPORT_READING);
  const ids = tabIds('report', view);
  return (
    <ReportEditingContext.Provider value={editing}>
      <main className="page designer report-designer">
        <LeaveGuard dirty={editor.dirty} />
        <div className="page-header">
          <h1>{t('title', { title: report.title })}</h1>
          <code className="artifact-key">{report.key}</code>
        </div>
        <PublishBar editor={editor} publishBlocked={local.length > 0 ? t('publishBlocked', { count: local.length }) : undefined} problemPlace={placeOf} />
        {entities.status === 'error' && (
          <div role="alert" className="notice notice-error">
            {t('entitiesFailed', { message: entities.error.detail || entities.error.title })}{' '}
            <button type="button" onClick={entities.retry}>
              {t('retry')}
            </button>
          </div>
        )}
        <TabList
          label={t('tabs.label')}
          prefix="report"
          tabs={[
            { id: 'design', label: t('tabs.design') },
            { id: 'versions', label: t('tabs.versions') },
          ]}
          selected={view}
          onSelect={setView}
        />
        <section role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} className="tab-panel">
          {view === 'design' ? (
            <div className="report-workspace">
              <div className="report-editor">
                <ProblemSummary problems={problems} placeOf={placeOf} />
                <DataSection />
                {report.source !== '' && (
                  <>
                    <DimensionsSection />
                    <MeasuresSection />
                    <FilterSection />
                    <ParametersSection />
                    <CalculatedSection />
                    <SortSection />
                    <ChartSection />
                    <DrillSection />
                  </>
                )}
              </div>
              {report.source !== '' && <PreviewPanel localProblems={local.length} checked={checked} />}
            </div>
          ) : (
            <VersionHistory kind="report" artifactKey={report.key} latestVersion={editor.latestVersion} onRestore={restoreInto(editor)} />
          )}
        </section>
        <p role="status" aria-live="polite" className="visually-hidden">
          {announcement}
        </p>
      </main>
    </ReportEditingContext.Provider>
  );
}
