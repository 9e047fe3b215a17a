import type { ProblemFieldError } from '@bankforge/client';
import { DASHBOARD_COLUMNS, type DashboardDefinition, type DashboardWidget, type WidgetLayout } from '@bankforge/report-engine';
import { useMemo, type KeyboardEvent } from 'react';
import { GridLayout, useContainerWidth, type EventCallback, type Layout } from 'react-grid-layout';
import { noOverlapCompactor } from 'react-grid-layout/core';
import 'react-grid-layout/css/styles.css';
import { useTranslation } from 'react-i18next';
import type { DashboardCatalog } from '../model/catalog.js';
import type { PreviewRun } from '../preview/usePreviewRuns.js';
import { WidgetCard } from './WidgetCard.js';

/** A grid row's height and the gap between cells, in pixels: four rows fit a chart with its title. */
export const ROW_HEIGHT = 56;
export const CELL_GAP = 12;
/** What a widget draws around its chart: its title, padding, and the chart's "Data" disclosure under it. */
const CHROME_HEIGHT = 92;

export interface WidgetGridProps {
  dashboard: DashboardDefinition;
  catalog: DashboardCatalog | null;
  runs: ReadonlyMap<string, PreviewRun>;
  selected: string | null;
  titleOf(widget: DashboardWidget): string;
  problemsOf(index: number): readonly ProblemFieldError[];
  helpId: string;
  /** Where each widget's handle is, so the page can move the focus to one. */
  handleRef(id: string): (element: HTMLButtonElement | null) => void;
  onSelect(id: string): void;
  onKeyDown(id: string, event: KeyboardEvent<HTMLButtonElement>): void;
  /** A widget dropped or resized with the mouse: its new place and size. */
  onPlace(id: string, layout: WidgetLayout): void;
  onDuplicate(id: string): void;
  onRemove(id: string): void;
}

/**
 * The 12-column grid of widgets (react-grid-layout). While a widget is dragged or resized the others
 * stay put under a placeholder; when it is let go, the dashboard's own rule places it and moves
 * down the widgets it covers, as the keyboard's moves do.
 */
export function WidgetGrid(props: WidgetGridProps) {
  const { dashboard, catalog, runs, selected, titleOf, problemsOf, helpId, handleRef, onSelect, onKeyDown, onPlace, onDuplicate, onRemove } = props;
  const { t } = useTranslation('dashboardDesigner');
  const { width, containerRef, mounted } = useContainerWidth();
  const layout = useMemo<Layout>(() => dashboard.widgets.map((w) => ({ i: w.id, ...w.layout })), [dashboard.widgets]);
  const dropped: EventCallback = (_layout, _old, item) => {
    if (item) onPlace(item.i, { x: item.x, y: item.y, w: item.w, h: item.h });
  };

  return (
    <section className="dashboard-grid" aria-label={t('grid.label')}>
      {dashboard.widgets.length === 0 && <p className="empty-state">{t('grid.empty')}</p>}
      <div ref={containerRef}>
      {mounted && dashboard.widgets.length > 0 && (
        <GridLayout
          width={width}
          layout={layout}
          gridConfig={{ cols: DASHBOARD_COLUMNS, rowHeight: ROW_HEIGHT, margin: [CELL_GAP, CELL_GAP], containerPadding: [0, 0] }}
          dragConfig={{ enabled: true, handle: '.dashboard-widget__handle', threshold: 4 }}
          resizeConfig={{ enabled: true, handles: ['se'] }}
          compactor={noOverlapCompactor}
          onDragStop={dropped}
          onResizeStop={dropped}
        >
          {dashboard.widgets.map((widget, index) => (
            <div key={widget.id} className="dashboard-grid__cell">
              <WidgetCard
                widget={widget}
                title={titleOf(widget)}
                report={catalog?.reports.get(widget.report)}
                run={runs.get(widget.report)}
                selected={selected === widget.id}
                problems={problemsOf(index)}
                chartHeight={Math.max(60, widget.layout.h * ROW_HEIGHT + (widget.layout.h - 1) * CELL_GAP - CHROME_HEIGHT)}
                helpId={helpId}
                handleRef={handleRef(widget.id)}
                onSelect={() => onSelect(widget.id)}
                onKeyDown={(event) => onKeyDown(widget.id, event)}
                onDuplicate={() => onDuplicate(widget.id)}
                onRemove={() => onRemove(widget.id)}
              />
            </div>
          ))}
        </GridLayout>
      )}
      </div>
    </section>
  );
}
