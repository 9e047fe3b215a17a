import type { ProblemFieldError } from '@bankforge/client';
import type { DashboardDefinition, DashboardWidget } from '@bankforge/report-engine';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxControl, TextControl } from '../../data-model/controls/Controls.js';
import type { DesignerLanguage } from '../../form-designer/workspace/localized.js';
import { problemMessage, problemsUnder } from '../../shell/api/problems.js';
import type { DashboardCatalog } from '../model/catalog.js';
import { withChart, withCrossFilter, withDrill, withFilterChoice, withWidgetTitle } from '../model/widgets.js';
import type { DashboardChange } from './change.js';
import { ChartOverride } from './ChartOverride.js';
import { DrillField } from './DrillField.js';
import { FilterChoices } from './FilterChoices.js';

export interface WidgetPropertiesProps {
  dashboard: DashboardDefinition;
  widget: DashboardWidget;
  /** The widget's name as shown: its title, else its report's. */
  title: string;
  catalog: DashboardCatalog | null;
  language: DesignerLanguage;
  problems: readonly ProblemFieldError[];
  headingRef: Ref<HTMLHeadingElement>;
  onChange: DashboardChange;
  onDuplicate(): void;
  onRemove(): void;
}

/** A widget's properties: its title in both languages, its chart, the shared filters on it, cross-filtering and its drill target. */
export function WidgetProperties({ dashboard, widget, title, catalog, language, problems, headingRef, onChange, onDuplicate, onRemove }: WidgetPropertiesProps) {
  const { t, i18n } = useTranslation('dashboardDesigner');
  const index = dashboard.widgets.indexOf(widget);
  const path = `/widgets/${index}`;
  const of = (part: string) => problemsUnder(problems, `${path}${part}`);
  const report = catalog?.reports.get(widget.report);
  const reportTitle = report?.definition.title ?? widget.report;
  const id = widget.id;
  return (
    <>
      <h2 ref={headingRef} tabIndex={-1}>
        {t('widget.heading', { title })}
      </h2>
      <dl className="dashboard-facts">
        <dt>{t('widget.id')}</dt>
        <dd>
          <code>{widget.id}</code>
        </dd>
        <dt>{t('widget.report')}</dt>
        <dd>{report ? t('widget.reportOf', { title: report.definition.title, version: report.version }) : <code>{widget.report}</code>}</dd>
      </dl>
      {of('/report').length > 0 && (
        <ul className="field-errors">
          {of('/report').map((p, i) => (
            <li key={i}>{problemMessage(p, i18n.language)}</li>
          ))}
        </ul>
      )}
      <div className="form-pair">
        <TextControl label={t('widget.titleEn')} lang="en" placeholder={reportTitle} value={widget.title?.en ?? ''} problems={of('/title/en')} onChange={(v) => onChange((d) => withWidgetTitle(d, id, 'en', v, reportTitle), `widget:${id}:title.en`)} />
        <TextControl label={t('widget.titleZh')} lang="zh-CN" placeholder={reportTitle} value={widget.title?.['zh-CN'] ?? ''} problems={of('/title/zh-CN')} onChange={(v) => onChange((d) => withWidgetTitle(d, id, 'zh-CN', v, reportTitle), `widget:${id}:title.zh`)} />
      </div>
      <p className="help dashboard-help-tight">{t('widget.titleHelp')}</p>
      {report && <ChartOverride report={report.definition} chart={widget.chart} path={`${path}/chart`} problems={problems} onChange={(chart) => onChange((d) => withChart(d, id, chart))} />}
      {catalog && <FilterChoices dashboard={dashboard} widget={widget} catalog={catalog} language={language} path={path} problems={problems} onChange={(filter, choice) => onChange((d) => withFilterChoice(d, id, filter, choice))} />}
      <CheckboxControl label={t('widget.crossFilter')} help={t('widget.crossFilterHelp')} checked={widget.crossFilter !== false} problems={of('/crossFilter')} onChange={(on) => onChange((d) => withCrossFilter(d, id, on))} />
      {catalog && <DrillField widget={widget} catalog={catalog} language={language} path={`${path}/drill`} problems={problems} onChange={(drill) => onChange((d) => withDrill(d, id, drill))} />}
      <div className="button-row">
        <button type="button" onClick={onDuplicate}>
          {t('widget.duplicate')}
        </button>
        <button type="button" className="danger" onClick={onRemove}>
          {t('widget.remove')}
        </button>
      </div>
    </>
  );
}
