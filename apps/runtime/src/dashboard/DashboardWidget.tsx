import { ReportChart, type ChartPick, type ValueWords } from '@bankforge/app-shell';
import type { DashboardFilterView, DashboardWidgetView, WidgetRunRequest, WidgetRunResult } from '@bankforge/client';
import { useEffect, useId, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../shell/Loading.js';
import { localized } from '../shell/localized.js';
import { ProblemNotice } from '../shell/ProblemNotice.js';
import { crossChip, filterChip, pickKey, type PickText } from './chips.js';
import { useWidgetRun } from './useWidgetRun.js';
import { WidgetExport } from './WidgetExport.js';

/** A grid row's height and the gap between cells in pixels, as the dashboard designer draws them (dashboard.css says the same). */
const ROW_HEIGHT = 56;
const CELL_GAP = 12;
/** What a widget's title takes above its chart; chips and breadcrumbs make the widget taller, not the chart smaller. */
const HEADER_HEIGHT = 52;

/** The dimensions a click does something with: any while it drills or opens a page, else those that filter the other widgets. */
function pickableOf(widget: DashboardWidgetView, level: number): readonly string[] | undefined {
  return level < widget.drillLevels - 1 || widget.drill !== undefined ? undefined : widget.clickable;
}

export interface DashboardWidgetProps {
  dashboard: string;
  widget: DashboardWidgetView;
  filters: readonly DashboardFilterView[];
  /** What the widget is asked: the filters that land on it, clicks on the other widgets, its drill-down. */
  request: WidgetRunRequest;
  /** The widget's own click, marked on its chart. */
  selected: ChartPick | undefined;
  /** The drill-down path's texts, from the top. */
  breadcrumbs: readonly string[];
  words: ValueWords;
  /** Texts of picks, kept from the results they were made in. */
  pickTexts: ReadonlyMap<string, PickText>;
  narrow: boolean;
  /** The layout's place; a widget shown alone takes the whole row. */
  alone?: boolean;
  onPick?(widget: DashboardWidgetView, level: number, pick: ChartPick, result: WidgetRunResult): void;
  onDrillBack(widget: DashboardWidgetView, level: number): void;
  onResult(widget: string, result: WidgetRunResult): void;
}

/**
 * One widget: its title, what filters it (chips), its drill-down path, its chart, and export. It
 * runs on its own, so a slow report does not hold the others back; a problem is told on it.
 */
export function DashboardWidget({
  dashboard,
  widget,
  filters,
  request,
  selected,
  breadcrumbs,
  words,
  pickTexts,
  narrow,
  alone = false,
  onPick,
  onDrillBack,
  onResult,
}: DashboardWidgetProps) {
  const { t } = useTranslation('dashboard');
  const titleId = useId();
  const title = localized(widget.title, words.language);
  const run = useWidgetRun(dashboard, widget.id, request);
  const { result } = run;
  useEffect(() => {
    if (result) onResult(widget.id, result);
  }, [result, widget.id, onResult]);

  const chips = [
    ...(result?.applied.filters ?? []).flatMap((key) => {
      const filter = filters.find((f) => f.key === key);
      return filter ? [{ key: `f:${key}`, text: filterChip(filter, request.filters?.[key], t, words) }] : [];
    }),
    ...(result?.applied.cross ?? []).map((cross) => ({
      key: `c:${pickKey(cross.widget, cross.dimension, cross.value)}`,
      text: crossChip(cross, pickTexts.get(pickKey(cross.widget, cross.dimension, cross.value)), t, words),
    })),
  ];
  const { x, y, w, h } = widget.layout;
  const place = alone ? { x: 0, y: 0, w: 12, h } : { x, y, w, h };
  const style = { '--x': place.x, '--y': place.y, '--w': place.w, '--h': place.h } as CSSProperties;
  const height = narrow ? 280 : Math.max(120, h * ROW_HEIGHT + (h - 1) * CELL_GAP - HEADER_HEIGHT);

  return (
    <article className="dashboard-widget" aria-labelledby={titleId} aria-busy={run.loading} style={style}>
      <header className="widget-header">
        <h2 id={titleId}>{title}</h2>
        {widget.exportable && <WidgetExport dashboard={dashboard} widget={widget.id} title={title} request={request} />}
      </header>
      {breadcrumbs.length > 0 && (
        <nav aria-label={t('widget.drill', { title })} className="widget-breadcrumbs">
          <ol>
            {[t('widget.drillTop'), ...breadcrumbs].map((text, level) => (
              <li key={level}>
                {level === breadcrumbs.length ? (
                  <span aria-current="location">{text}</span>
                ) : (
                  <button type="button" className="link-button" onClick={() => onDrillBack(widget, level)}>
                    {text}
                  </button>
                )}
              </li>
            ))}
          </ol>
        </nav>
      )}
      {chips.length > 0 && (
        <ul className="widget-chips" aria-label={t('widget.applied', { title })}>
          {chips.map((chip) => (
            <li key={chip.key} className="chip">
              {chip.text}
            </li>
          ))}
        </ul>
      )}
      {run.error && <ProblemNotice message={t('widget.failed')} problem={run.error} onRetry={run.retry} />}
      {result ? (
        <div className="widget-body">
          <ReportChart
            result={result}
            height={height}
            {...(selected ? { selected } : {})}
            {...(onPick ? { onPick: (pick: ChartPick) => onPick(widget, result.level, pick, result) } : {})}
            {...(pickableOf(widget, result.level) ? { pickable: pickableOf(widget, result.level) } : {})}
          />
        </div>
      ) : (
        !run.error && <Loading label={t('widget.loading', { title })} />
      )}
    </article>
  );
}
