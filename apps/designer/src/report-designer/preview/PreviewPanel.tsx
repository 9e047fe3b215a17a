import type { ReportPreviewRequest } from '@bankforge/client';
import type { ReportParameter } from '@bankforge/report-engine';
import { formatReportValue, ReportChart, type ChartPick, type ValueWords } from '@bankforge/app-shell';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePlaceOf } from '../../shell/problem-places/usePlaceOf.js';
import { ProblemList } from '../../shell/publish/ProblemList.js';
import { REPORT_READING } from '../model/problem-places.js';
import { parameterText, parameterValue } from '../model/parameter-values.js';
import { useReportEditing } from '../ui/report-context.js';
import { previewPlace } from './preview-places.js';
import { usePreview } from './usePreview.js';

/** A row gone down into: the values that fix the level above, and how the row read. */
interface DrillStep {
  selection: Record<string, unknown>;
  name: string;
}

export interface PreviewPanelProps {
  /** Problems the browser's check finds: the server would refuse the same draft, so the preview waits for them to go. */
  localProblems: number;
  /** The published entities are loaded (the check has run). */
  checked: boolean;
}

/**
 * The live preview: the draft run by the server on real data under its row cap, as the analyst may
 * read it, after each pause in the editing, drawn by the chart the apps draw it with. Parameters
 * are filled in here; a drill-down is tried by picking a value of the level's dimension.
 */
export function PreviewPanel({ localProblems, checked }: PreviewPanelProps) {
  const { t } = useTranslation('reportDesigner');
  const { report, language } = useReportEditing();
  const words: ValueWords = useMemo(() => ({ language, empty: t('preview.empty'), yes: t('values.yes'), no: t('values.no') }), [language, t]);
  const formId = useId();
  const placeOf = usePlaceOf(report, REPORT_READING);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const parameters = report.parameters ?? [];
  const values: Record<string, unknown> = {};
  for (const p of parameters) {
    const value = parameterValue(p, typed[p.key] ?? '');
    if (value !== undefined) values[p.key] = value;
  }
  const missing = parameters.filter((p) => p.required && values[p.key] === undefined && p.default === undefined);
  // A drill-down path changed in the editor starts the preview at its top again.
  const levels = JSON.stringify(report.drillDown?.levels.map((l) => l.dimensions) ?? []);
  const [drill, setDrill] = useState<{ levels: string; steps: DrillStep[] }>({ levels, steps: [] });
  const steps = drill.levels === levels ? drill.steps : [];
  const selections = steps.map((s) => s.selection);
  const request: ReportPreviewRequest = {
    document: report,
    ...(Object.keys(values).length > 0 ? { parameters: values } : {}),
    ...(selections.length > 0 ? { drill: selections } : {}),
  };
  const blocked = !checked ? t('preview.checking') : localProblems > 0 ? t('preview.blocked', { count: localProblems }) : missing.length > 0 ? t('preview.missing', { names: missing.map((p) => p.label || p.key).join(', ') }) : null;
  const { state, rerun } = usePreview(request, blocked === null);
  const result = blocked !== null ? null : state.status === 'done' ? state.result : state.status === 'running' ? state.previous : null;
  const drillLevels = report.drillDown?.levels ?? [];
  const level = selections.length;
  // A level grouped by one dimension is gone down by picking one of its values (as the apps do).
  const drilled = drillLevels[level]?.dimensions;
  const drillable = result !== null && level < drillLevels.length - 1 && drilled?.length === 1;
  const drillInto = (pick: ChartPick) => {
    if (!result || !drillable || pick.dimension !== drilled[0]) return;
    const name = formatReportValue(pick.value, { type: 'text' }, result.presentation?.[pick.dimension], words);
    setDrill({ levels, steps: [...steps, { selection: { [pick.dimension]: pick.value }, name }] });
  };
  const status =
    blocked ?? (state.status === 'running' ? t('preview.running') : state.status === 'done' ? t('preview.rows', { count: state.result.rows.length }) : state.status === 'failed' ? t('preview.failed') : t('preview.waiting'));
  return (
    <section className="report-preview" aria-labelledby={`${formId}-heading`} aria-busy={state.status === 'running' && blocked === null}>
      <div className="report-preview-head">
        <h2 id={`${formId}-heading`}>{t('preview.title')}</h2>
        <button type="button" onClick={rerun} disabled={blocked !== null || state.status === 'running'}>
          {t('preview.rerun')}
        </button>
      </div>
      <p className="help">{t('preview.help')}</p>
      {parameters.length > 0 && (
        <fieldset className="report-preview-parameters">
          <legend>{t('preview.parameters')}</legend>
          {parameters.map((p) => (
            <span key={p.key} className="field-inline">
              <label htmlFor={`${formId}-${p.key}`}>{t('preview.parameterValue', { name: p.label || p.key })}</label>
              <ParameterInput id={`${formId}-${p.key}`} parameter={p} value={typed[p.key] ?? ''} onChange={(text) => setTyped((cur) => ({ ...cur, [p.key]: text }))} />
            </span>
          ))}
        </fieldset>
      )}
      {steps.length > 0 && (
        <nav aria-label={t('preview.drillPath')} className="report-drill-path">
          {/* "All" › "Branch: Pudong" › ...: each step names the level its value was picked at. */}
          <ol>
            <li>
              <button type="button" onClick={() => setDrill({ levels, steps: [] })}>
                {t('preview.drillTop')}
              </button>
            </li>
            {steps.map((step, i) => {
              const name = t('preview.drillStep', { level: drillLevels[i]?.label || t('drill.level', { number: i + 1 }), value: step.name });
              return (
                <li key={i}>
                  {i === level - 1 ? (
                    <span aria-current="step">{name}</span>
                  ) : (
                    <button type="button" onClick={() => setDrill({ levels, steps: steps.slice(0, i + 1) })}>
                      {name}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </nav>
      )}
      <p role="status" aria-live="polite" className="report-preview-status">
        {status}
      </p>
      {blocked === null && state.status === 'failed' && (
        <div role="alert" className="notice notice-error">
          <strong>{state.problem.title}</strong> {state.problem.detail}
          <ProblemList problems={state.problem.errors} placeOf={(path) => previewPlace(state.problem.code, path, report, placeOf)} />
        </div>
      )}
      {result && (
        <div className={state.status === 'running' ? 'report-preview-result report-preview-stale' : 'report-preview-result'}>
          {drillable && <p className="help">{t('preview.drillHint')}</p>}
          {result.truncated && <p className="help">{t('preview.truncated', { count: result.rows.length })}</p>}
          <ReportChart result={result} height={320} {...(drillable ? { onPick: drillInto } : {})} />
        </div>
      )}
    </section>
  );
}

/**
 * A parameter's value as the person running the report gives it: one of its options, yes or no, a
 * day from the calendar, or typed (numbers, a list separated by commas); empty takes the default.
 */
function ParameterInput({ id, parameter, value, onChange }: { id: string; parameter: ReportParameter; value: string; onChange(text: string): void }) {
  const { t } = useTranslation('reportDesigner');
  const required = parameter.required === true && parameter.default === undefined ? { 'aria-required': true as const } : {};
  const fallback = parameter.default !== undefined ? t('preview.byDefault', { value: parameterText(parameter.default) }) : t('preview.none');
  if (!parameter.multiple && (parameter.type === 'select' || parameter.type === 'boolean')) {
    const choices = parameter.type === 'boolean' ? [{ value: 'true', label: t('values.yes') }, { value: 'false', label: t('values.no') }] : (parameter.options ?? []).map((o) => ({ value: o, label: o }));
    return (
      <select id={id} {...required} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{fallback}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    );
  }
  if (!parameter.multiple && parameter.type === 'date') return <input id={id} {...required} type="date" value={value} onChange={(e) => onChange(e.target.value)} />;
  return (
    <input
      id={id}
      {...required}
      value={value}
      placeholder={parameter.default !== undefined ? parameterText(parameter.default) : t(parameter.multiple ? 'parameters.listHelp' : `parameters.placeholders.${parameter.type}`)}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
