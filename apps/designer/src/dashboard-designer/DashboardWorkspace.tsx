import type { ArtifactSummary, ProblemFieldError } from '@bankforge/client';
import type { DashboardDefinition, DashboardFilter, DashboardWidget, WidgetLayout } from '@bankforge/report-engine';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localized, type DesignerLanguage } from '../form-designer/workspace/localized.js';
import type { ArtifactEditor } from '../shell/artifact-editor/index.js';
import { isTextEditing } from '../shell/artifact-editor/useDesignerShortcuts.js';
import type { CatalogState } from './catalog/useDashboardCatalog.js';
import { ChecksPanel, type ProblemPlace } from './checks/ChecksPanel.js';
import { AddFilterDialog } from './dialogs/AddFilterDialog.js';
import { AddWidgetDialog } from './dialogs/AddWidgetDialog.js';
import { FilterBar } from './FilterBar.js';
import { KeyboardHelp } from './grid/KeyboardHelp.js';
import { WidgetGrid } from './grid/WidgetGrid.js';
import { gridCommand, layoutStep } from './model/grid-keys.js';
import { closeGaps, movedWidgets, moveWidgetBy, placeWidget, resizeWidgetBy } from './model/layout.js';
import { addFilter, removeFilter } from './model/filters.js';
import { addWidget, duplicateWidget, removeWidget } from './model/widgets.js';
import { usePreviewRuns } from './preview/usePreviewRuns.js';
import { DashboardProperties } from './properties/DashboardProperties.js';
import { FilterProperties } from './properties/FilterProperties.js';
import { WidgetProperties } from './properties/WidgetProperties.js';

/** One thing said to the analyst (and read out): a message of `announce` and its values. */
interface Said {
  key: string;
  values?: Record<string, string | number>;
}

type Selection = { kind: 'dashboard' } | { kind: 'widget'; id: string } | { kind: 'filter'; key: string };
const DASHBOARD: Selection = { kind: 'dashboard' };

export interface DashboardWorkspaceProps {
  editor: ArtifactEditor<DashboardDefinition>;
  catalog: CatalogState;
  onReloadCatalog(): void;
  language: DesignerLanguage;
  /** What publishing would refuse and warn of: the server's last answer and the live check together. */
  problems: readonly ProblemFieldError[];
  warnings: readonly ProblemFieldError[];
  checkStatus: 'checking' | 'checked' | 'unavailable';
}

/** The toolbar, the shared filters, the grid of widgets with their data, the checks, and the selected element's properties. */
export function DashboardWorkspace({ editor, catalog: catalogState, onReloadCatalog, language, problems, warnings, checkStatus }: DashboardWorkspaceProps) {
  const { t } = useTranslation('dashboardDesigner');
  const dashboard = editor.document;
  const update = editor.update;
  const catalog = catalogState.status === 'ready' ? catalogState.catalog : null;
  const unpublished: readonly ArtifactSummary[] = catalogState.status === 'ready' ? catalogState.unpublished : [];
  const [chosen, setChosen] = useState<Selection>(DASHBOARD);
  const [dialog, setDialog] = useState<'widget' | 'filter' | null>(null);
  // Kept as message keys, so that what was said reads in the language switched to.
  const [announcement, setAnnouncement] = useState<readonly Said[]>([]);
  const say = (...said: Said[]) => setAnnouncement(said);
  const [focusWanted, setFocusWanted] = useState<{ widget: string } | { add: true } | { heading: true } | null>(null);
  const handles = useRef(new Map<string, HTMLButtonElement>());
  const addButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const { runs, refresh } = usePreviewRuns(dashboard.widgets.map((w) => w.report));
  const helpId = 'dashboard-keys';

  // Undo can take the selected widget or filter away: the dashboard's properties show instead.
  const selection: Selection =
    (chosen.kind === 'widget' && !dashboard.widgets.some((w) => w.id === chosen.id)) || (chosen.kind === 'filter' && !(dashboard.filters ?? []).some((f) => f.key === chosen.key)) ? DASHBOARD : chosen;

  useEffect(() => {
    if (focusWanted === null) return;
    if ('widget' in focusWanted) handles.current.get(focusWanted.widget)?.focus();
    else if ('add' in focusWanted) addButton.current?.focus();
    else heading.current?.focus();
    // Focus follows each request once what it names is drawn.
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the request is served once
    setFocusWanted(null);
  }, [focusWanted]);

  const titleOf = useCallback(
    (widget: DashboardWidget) => localized(widget.title, language) || catalog?.reports.get(widget.report)?.definition.title || widget.report,
    [catalog, language],
  );
  const labelOf = useCallback((filter: DashboardFilter) => localized(filter.label, language) || filter.key, [language]);
  const all = useMemo(() => [...problems, ...warnings], [problems, warnings]);
  const problemsOf = useCallback((index: number) => all.filter((p) => p.path === `/widgets/${index}` || p.path.startsWith(`/widgets/${index}/`)), [all]);
  const handleRef = useCallback(
    (id: string) => (element: HTMLButtonElement | null) => {
      if (element) handles.current.set(id, element);
      else handles.current.delete(id);
    },
    [],
  );

  /** Applies a layout change and says where the widget is now, and which widgets it moved down. */
  const relayout = (id: string, next: DashboardDefinition, kind: 'moved' | 'resized') => {
    const widget = next.widgets.find((w) => w.id === id);
    if (!widget) return;
    const title = titleOf(widget);
    if (next === dashboard) {
      say({ key: 'edge', values: { title } });
      return;
    }
    update(() => next, layoutStep(id));
    const { x, y, w, h } = widget.layout;
    const others = movedWidgets(dashboard, next).filter((m) => m.id !== id);
    const rowOf = (w: DashboardWidget) => dashboard.widgets.find((b) => b.id === w.id)!.layout.y;
    const names = (list: DashboardWidget[]) => list.map(titleOf).join(', ');
    const down = others.filter((m) => m.layout.y > rowOf(m));
    const up = others.filter((m) => m.layout.y < rowOf(m));
    const said: Said = kind === 'moved' ? { key: 'moved', values: { title, column: x + 1, row: y + 1 } } : { key: 'resized', values: { title, w, h } };
    say(said, ...(up.length > 0 ? [{ key: 'raised', values: { names: names(up) } }] : []), ...(down.length > 0 ? [{ key: 'pushed', values: { names: names(down) } }] : []));
  };

  const remove = (id: string) => {
    const index = dashboard.widgets.findIndex((w) => w.id === id);
    const widget = dashboard.widgets[index];
    if (!widget) return;
    update((d) => removeWidget(d, id));
    say({ key: 'removed', values: { title: titleOf(widget) } });
    const next = dashboard.widgets[index + 1] ?? dashboard.widgets[index - 1];
    setFocusWanted(next ? { widget: next.id } : { add: true });
  };

  const duplicate = (id: string) => {
    const copy = duplicateWidget(dashboard, id);
    if (!copy) return;
    update(() => copy.dashboard);
    const made = copy.dashboard.widgets.find((w) => w.id === copy.id)!;
    setChosen({ kind: 'widget', id: copy.id });
    say({ key: 'duplicated', values: { title: titleOf(made), column: made.layout.x + 1, row: made.layout.y + 1 } });
    setFocusWanted({ widget: copy.id });
  };

  const onGridKey = (id: string, event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.defaultPrevented || isTextEditing(event.target)) return;
    const command = gridCommand(event.nativeEvent);
    if (command === null) return;
    event.preventDefault();
    switch (command.kind) {
      case 'move':
        return relayout(id, moveWidgetBy(dashboard, id, command.dx, command.dy), 'moved');
      case 'resize':
        return relayout(id, resizeWidgetBy(dashboard, id, command.dw, command.dh), 'resized');
      case 'remove':
        return remove(id);
      case 'properties':
        setChosen({ kind: 'widget', id });
        setFocusWanted({ heading: true });
        return;
    }
  };

  const onPlace = (id: string, layout: WidgetLayout) => {
    const widget = dashboard.widgets.find((w) => w.id === id);
    if (!widget) return;
    const resized = widget.layout.w !== layout.w || widget.layout.h !== layout.h;
    const next = placeWidget(dashboard, id, layout);
    if (next !== dashboard) relayout(id, next, resized ? 'resized' : 'moved');
  };

  const add = (report: string) => {
    setDialog(null);
    const added = addWidget(dashboard, report);
    update(() => added.dashboard);
    const made = added.dashboard.widgets.find((w) => w.id === added.id)!;
    setChosen({ kind: 'widget', id: added.id });
    say({ key: 'added', values: { title: titleOf(made), column: made.layout.x + 1, row: made.layout.y + 1 } });
    setFocusWanted({ widget: added.id });
  };

  const showProblem = (place: ProblemPlace) => {
    if (place.kind === 'widget') {
      setChosen({ kind: 'widget', id: place.id });
      setFocusWanted({ widget: place.id });
    } else {
      setChosen(place.kind === 'filter' ? { kind: 'filter', key: place.key } : DASHBOARD);
      setFocusWanted({ heading: true });
    }
  };
  const placeOf = (path: string): ProblemPlace => {
    const [, collection, index] = path.split('/');
    const at = Number(index);
    if (collection === 'widgets' && dashboard.widgets[at]) return { kind: 'widget', id: dashboard.widgets[at].id, name: titleOf(dashboard.widgets[at]) };
    const filter = dashboard.filters?.[at];
    if (collection === 'filters' && filter) return { kind: 'filter', key: filter.key, name: labelOf(filter) };
    return { kind: 'dashboard' };
  };

  const selectedWidget = selection.kind === 'widget' ? dashboard.widgets.find((w) => w.id === selection.id) : undefined;
  const selectedFilter = selection.kind === 'filter' ? dashboard.filters?.find((f) => f.key === selection.key) : undefined;
  const propertiesLabel = selectedWidget ? t('widget.heading', { title: titleOf(selectedWidget) }) : selectedFilter ? t('filter.heading', { label: labelOf(selectedFilter) }) : t('dashboard.heading');

  return (
    <>
      <div role="toolbar" aria-label={t('toolbar.label')} className="toolbar dashboard-toolbar">
        <button ref={addButton} type="button" className="primary" disabled={catalog === null} onClick={() => setDialog('widget')}>
          {t('toolbar.addWidget')}
        </button>
        <button type="button" disabled={catalog === null} onClick={() => setDialog('filter')}>
          {t('toolbar.addFilter')}
        </button>
        <button
          type="button"
          disabled={dashboard.widgets.length === 0}
          onClick={() => {
            const closed = closeGaps(dashboard);
            if (closed !== dashboard) update(() => closed);
            say({ key: closed === dashboard ? 'noGaps' : 'gapsClosed' });
          }}
        >
          {t('toolbar.closeGaps')}
        </button>
        <button type="button" disabled={dashboard.widgets.length === 0} onClick={refresh}>
          {t('toolbar.refresh')}
        </button>
        <span className="toolbar-spacer" />
        <button type="button" aria-pressed={selection.kind === 'dashboard'} onClick={() => setChosen(DASHBOARD)}>
          {t('toolbar.properties')}
        </button>
      </div>
      {catalogState.status === 'loading' && (
        <p role="status" className="help">
          {t('catalog.loading')}
        </p>
      )}
      {catalogState.status === 'error' && (
        <div role="alert" className="notice notice-error">
          {t('catalog.failed', { message: catalogState.error.detail || catalogState.error.title })}{' '}
          <button type="button" onClick={onReloadCatalog}>
            {t('catalog.retry')}
          </button>
        </div>
      )}
      <p role="status" aria-live="polite" className="dashboard-announce">
        {announcement.map((said) => t(`announce.${said.key}`, said.values ?? {})).join(' ')}
      </p>
      <div className="dashboard-workspace">
        <div className="dashboard-main">
          <FilterBar dashboard={dashboard} selected={selectedFilter?.key ?? null} labelOf={labelOf} problems={all} onSelect={(key) => setChosen({ kind: 'filter', key })} />
          <WidgetGrid
            dashboard={dashboard}
            catalog={catalog}
            runs={runs}
            selected={selectedWidget?.id ?? null}
            titleOf={titleOf}
            problemsOf={problemsOf}
            helpId={helpId}
            handleRef={handleRef}
            onSelect={(id) => setChosen({ kind: 'widget', id })}
            onKeyDown={onGridKey}
            onPlace={onPlace}
            onDuplicate={duplicate}
            onRemove={remove}
          />
          <KeyboardHelp id={helpId} />
          <ChecksPanel problems={problems} warnings={warnings} status={checkStatus} placeOf={placeOf} onShow={showProblem} />
        </div>
        <aside className="dashboard-properties" aria-label={propertiesLabel}>
          {selectedWidget ? (
            <WidgetProperties
              key={selectedWidget.id}
              dashboard={dashboard}
              widget={selectedWidget}
              title={titleOf(selectedWidget)}
              catalog={catalog}
              language={language}
              problems={all}
              headingRef={heading}
              onChange={update}
              onDuplicate={() => duplicate(selectedWidget.id)}
              onRemove={() => remove(selectedWidget.id)}
            />
          ) : selectedFilter ? (
            <FilterProperties
              key={selectedFilter.key}
              dashboard={dashboard}
              filter={selectedFilter}
              label={labelOf(selectedFilter)}
              catalog={catalog}
              language={language}
              problems={all}
              titleOf={titleOf}
              headingRef={heading}
              onChange={update}
              onRenamed={(key) => setChosen({ kind: 'filter', key })}
              onRemove={() => {
                update((d) => removeFilter(d, selectedFilter.key));
                say({ key: 'filterRemoved', values: { label: labelOf(selectedFilter) } });
                setChosen(DASHBOARD);
              }}
            />
          ) : (
            <DashboardProperties dashboard={dashboard} language={language} problems={all} headingRef={heading} onChange={update} />
          )}
        </aside>
      </div>
      {dialog === 'widget' && catalog && <AddWidgetDialog catalog={catalog} unpublished={unpublished} onAdd={add} onClose={() => setDialog(null)} />}
      {dialog === 'filter' && catalog && (
        <AddFilterDialog
          dashboard={dashboard}
          catalog={catalog}
          language={language}
          titleOf={titleOf}
          onClose={() => setDialog(null)}
          onAdd={(filter) => {
            setDialog(null);
            update((d) => addFilter(d, filter));
            setChosen({ kind: 'filter', key: filter.key });
            say({ key: 'filterAdded', values: { label: labelOf(filter) } });
            setFocusWanted({ heading: true });
          }}
        />
      )}
    </>
  );
}
