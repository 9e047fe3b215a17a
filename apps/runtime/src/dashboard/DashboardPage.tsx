import { formatReportValue, languageOf, useApiClient, type ChartPick, type ReportValue, type ValueWords } from '@bankforge/app-shell';
import type { DashboardView, DashboardWidgetView, WidgetRunResult } from '@bankforge/client';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { ListLinkState } from '../entity-list/filters/link-filters.js';
import { useShellContext } from '../shell/apps/AppHome.js';
import { useNarrowScreen } from '../shell/layout/useNarrowScreen.js';
import { useLoad } from '../shell/load/useLoad.js';
import { Loading } from '../shell/Loading.js';
import { localized } from '../shell/localized.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { crossChip, pickKey, pickText, type PickText } from './chips.js';
import { clickOutcome, drillBack, isPickable } from './clicks.js';
import { DashboardWidget } from './DashboardWidget.js';
import { readState, widgetRequest, writeState, type DashboardState } from './dashboard-state.js';
import { FilterBar } from './FilterBar.js';
import './dashboard.css';

/** `/dashboards/:key` (and `/dashboards/:key/widgets/:widget`, one widget alone): a published dashboard as the reader may see it. */
export default function DashboardPage() {
  const { t } = useTranslation('dashboard');
  const api = useApiClient();
  const { key = '', widget } = useParams();
  const read = useCallback(() => api.dashboard(key), [api, key]);
  const { load, reload } = useLoad(read);
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <ProblemNotice message={t('loadFailed')} problem={load.error} onRetry={reload} />;
  // Another dashboard (or a new version) starts afresh: its own results and the texts of its picks.
  return <DashboardBoard key={`${load.value.key}@${load.value.version}`} view={load.value} only={widget} />;
}

/** The words charts and chips use in the reader's language. */
function useValueWords(): ValueWords {
  const { t, i18n } = useTranslation('appShell');
  const language = languageOf(i18n.language);
  return useMemo(() => ({ language, empty: t('chart.empty'), yes: t('chart.yes'), no: t('chart.no') }), [language, t]);
}

/** The page's history entry: the texts of the picks its link names. */
interface PicksState {
  picks: [string, PickText][];
}

const inReadingOrder = (a: DashboardWidgetView, b: DashboardWidgetView) => a.layout.y - b.layout.y || a.layout.x - b.layout.x;

function DashboardBoard({ view, only }: { view: DashboardView; only: string | undefined }) {
  const { t } = useTranslation('dashboard');
  const words = useValueWords();
  const navigate = useNavigate();
  const narrow = useNarrowScreen();
  const { apps } = useShellContext();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readState(params, view), [params, view]);
  const [results, setResults] = useState<Readonly<Record<string, WidgetRunResult>>>({});
  // What the picks so far read as travels in the page's history, so Back and a reload still name them.
  const historyState = useLocation().state as PicksState | null;
  const remembered = useMemo(() => new Map(historyState?.picks ?? []), [historyState]);

  // Filters are edited in place; a drill or a click is a step the Back button takes back.
  const show = (next: DashboardState, step: boolean, texts: ReadonlyMap<string, PickText> = remembered) =>
    setParams(writeState(next, view), { replace: !step, state: { picks: [...texts] } satisfies PicksState });
  const onResult = useCallback(
    (widget: string, result: WidgetRunResult) => setResults((current) => (current[widget] === result ? current : { ...current, [widget]: result })),
    [],
  );
  const pickTexts = useMemo(() => {
    const texts = new Map(remembered);
    for (const cross of state.cross) {
      const key = pickKey(cross.widget, cross.dimension, cross.value);
      const text = texts.has(key) ? undefined : pickText(results[cross.widget], cross.dimension, cross.value, words);
      if (text) texts.set(key, text);
    }
    return texts;
  }, [remembered, state.cross, results, words]);

  const onPick = (widget: DashboardWidgetView, level: number, pick: ChartPick, result: WidgetRunResult) => {
    const text = pickText(result, pick.dimension, pick.value, words);
    const texts = text ? new Map(remembered).set(pickKey(widget.id, pick.dimension, pick.value), text) : remembered;
    const outcome = clickOutcome(view, widget, level, pick, state, apps);
    if (outcome.kind === 'show') show(outcome.state, true, texts);
    // A list of an RM's records says whose they are: the picked value's label goes with the link.
    else if (outcome.kind === 'open') void navigate(outcome.to, { state: { ownerName: text?.value } satisfies ListLinkState });
  };
  const breadcrumbs = (widget: DashboardWidgetView): string[] =>
    (state.drill[widget.id] ?? []).map((step) => {
      // A step's values are scalars: the link's are checked when read, a click's are the chart's.
      const [dimension, value] = (Object.entries(step)[0] ?? ['', null]) as [string, ReportValue];
      return pickTexts.get(pickKey(widget.id, dimension, value))?.value ?? formatReportValue(value, { type: 'text' }, undefined, words);
    });

  const title = view.label ? localized(view.label, words.language) : view.title;
  const widgets = [...view.widgets].filter((w) => only === undefined || w.id === only).sort(inReadingOrder);
  const query = params.toString();
  return (
    <section className="dashboard" aria-labelledby="dashboard-title">
      <div className="page-header">
        <h1 id="dashboard-title">{title}</h1>
        {only !== undefined && <Link to={`/dashboards/${encodeURIComponent(view.key)}${query ? `?${query}` : ''}`}>{t('widget.back')}</Link>}
      </div>
      <FilterBar
        filters={view.filters}
        values={state.filters}
        words={words}
        onChange={(key, value) => show({ ...state, filters: { ...state.filters, [key]: value } }, false)}
        onReset={() => show({ ...readState(new URLSearchParams(), view), cross: state.cross, drill: state.drill }, false)}
      />
      {state.cross.length > 0 && (
        <section className="cross-chips" aria-label={t('cross.label')}>
          <ul>
            {state.cross.map((cross) => {
              const text = crossChip(cross, pickTexts.get(pickKey(cross.widget, cross.dimension, cross.value)), t, words);
              return (
                <li key={pickKey(cross.widget, cross.dimension, cross.value)} className="chip">
                  <span>{text}</span>
                  <button
                    type="button"
                    className="chip-clear"
                    aria-label={t('cross.clear', { filter: text })}
                    onClick={() => show({ ...state, cross: state.cross.filter((c) => c !== cross) }, true)}
                  >
                    ×
                  </button>
                </li>
              );
            })}
          </ul>
          {state.cross.length > 1 && (
            <button type="button" onClick={() => show({ ...state, cross: [] }, true)}>
              {t('cross.clearAll')}
            </button>
          )}
        </section>
      )}
      {widgets.length === 0 && only !== undefined && <p className="notice">{t('widget.notFound', { widget: only })}</p>}
      <div className="dashboard-grid">
        {widgets.map((widget) => (
          <DashboardWidget
            key={widget.id}
            dashboard={view.key}
            widget={widget}
            filters={view.filters}
            request={widgetRequest(widget, state)}
            selected={state.cross.find((c) => c.widget === widget.id)}
            breadcrumbs={breadcrumbs(widget)}
            words={words}
            pickTexts={pickTexts}
            narrow={narrow}
            alone={only !== undefined}
            {...(isPickable(widget) ? { onPick } : {})}
            onDrillBack={(w, level) => show(drillBack(state, w, level), true)}
            onResult={onResult}
          />
        ))}
      </div>
    </section>
  );
}
