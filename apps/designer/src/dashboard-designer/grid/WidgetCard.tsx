import type { ProblemFieldError } from '@bankforge/client';
import type { DashboardWidget } from '@bankforge/report-engine';
import type { KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../shell/api/problems.js';
import { DuplicateIcon } from '../../shell/DuplicateIcon.js';
import type { PublishedReport } from '../model/catalog.js';
import { WidgetPreview } from '../preview/WidgetPreview.js';
import type { PreviewRun } from '../preview/usePreviewRuns.js';

export interface WidgetCardProps {
  widget: DashboardWidget;
  title: string;
  report: PublishedReport | undefined;
  run: PreviewRun | undefined;
  selected: boolean;
  problems: readonly ProblemFieldError[];
  chartHeight: number;
  /** The id of the keys' help, which describes every widget. */
  helpId: string;
  handleRef: Ref<HTMLButtonElement>;
  onSelect(): void;
  onKeyDown(event: KeyboardEvent<HTMLButtonElement>): void;
  onDuplicate(): void;
  onRemove(): void;
}

/**
 * One widget on the grid: its title is the handle a mouse drags and the keyboard focuses (arrows
 * move, Shift+arrows resize), its chart the report's real data.
 */
export function WidgetCard({ widget, title, report, run, selected, problems, chartHeight, helpId, handleRef, onSelect, onKeyDown, onDuplicate, onRemove }: WidgetCardProps) {
  const { t, i18n } = useTranslation('dashboardDesigner');
  const { x, y, w, h } = widget.layout;
  const chart = widget.chart?.type ?? report?.definition.chart?.type ?? 'table';
  const reportTitle = report?.definition.title ?? widget.report;
  const ids = { place: `widget-${widget.id}-place`, problems: `widget-${widget.id}-problems` };
  return (
    <div className={`dashboard-widget${selected ? ' is-selected' : ''}${problems.length > 0 ? ' has-problems' : ''}`}>
      <div className="dashboard-widget__header">
        <button
          ref={handleRef}
          type="button"
          className="dashboard-widget__handle"
          aria-label={t('grid.widget', { title })}
          aria-describedby={[ids.place, problems.length > 0 ? ids.problems : '', helpId].filter(Boolean).join(' ')}
          aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Shift+ArrowLeft Shift+ArrowRight Shift+ArrowUp Shift+ArrowDown Delete Enter"
          onClick={onSelect}
          onFocus={onSelect}
          onKeyDown={onKeyDown}
        >
          <span className="dashboard-widget__title">{title}</span>
          <span className="dashboard-widget__meta">{reportTitle === title ? t(`chartTypes.${chart}`) : t('grid.chartOf', { chart: t(`chartTypes.${chart}`), report: reportTitle })}</span>
        </button>
        <span id={ids.place} className="visually-hidden">
          {t('grid.place', { from: x + 1, to: x + w, top: y + 1, bottom: y + h })}
        </span>
        {problems.length > 0 && (
          <span id={ids.problems} className="badge badge-error" title={problems.map((p) => problemMessage(p, i18n.language)).join('\n')}>
            {t('grid.problems', { count: problems.length })}
          </span>
        )}
        <div className="row-actions">
          <button type="button" className="dashboard-widget__action" aria-label={t('grid.duplicate', { title })} title={t('grid.duplicate', { title })} onClick={onDuplicate}>
            <DuplicateIcon />
          </button>
          <button type="button" className="dashboard-widget__action dashboard-widget__action--remove" aria-label={t('grid.remove', { title })} title={t('grid.remove', { title })} onClick={onRemove}>
            <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
              <path d="M4 4l8 8M12 4l-8 8" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
            </svg>
          </button>
        </div>
      </div>
      <div className="dashboard-widget__body">
        <WidgetPreview widget={widget} report={report} run={run} title={title} chart={t(`chartTypes.${chart}`)} height={chartHeight} />
      </div>
    </div>
  );
}
