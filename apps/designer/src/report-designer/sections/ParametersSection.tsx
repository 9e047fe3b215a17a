import type { ParameterType, ReportParameter } from '@bankforge/report-engine';
import { useTranslation } from 'react-i18next';
import { parameterKeys } from '../model/keys.js';
import { problemsUnder } from '../model/problems.js';
import { labelInput, labelText, withLabelIn } from '../model/labels.js';
import { addParameter, removeParameter, updateParameter } from '../model/report-edits.js';
import { Field, KeyInput, ProblemMessages, RowActions } from '../ui/controls.js';
import { useReportEditing } from '../ui/report-context.js';
import { Section } from '../ui/Section.js';
import { parameterText, parameterValue } from '../model/parameter-values.js';

const TYPES: readonly ParameterType[] = ['text', 'select', 'number', 'integer', 'boolean', 'date', 'datetime'];

/** Parameters: the values a person fills in when they run the report (a period's start, a branch), which filters compare with. */
export function ParametersSection() {
  const { t } = useTranslation('reportDesigner');
  const { report, problems, language, update } = useReportEditing();
  const parameters = report.parameters ?? [];
  return (
    <Section title={t('parameters.title')} help={t('parameters.help')}>
      {parameters.length > 0 && (
        <ol className="report-rows">
          {parameters.map((parameter, i) => {
            const number = i + 1;
            const name = t('parameters.parameter', { number });
            const path = `/parameters/${i}`;
            const change = (c: Partial<ReportParameter>, label?: string) => update((r) => updateParameter(r, i, c), label);
            const bounded = parameter.type === 'number' || parameter.type === 'integer' || parameter.type === 'date' || parameter.type === 'datetime';
            return (
              <li key={i} className="report-row" role="group" aria-label={name}>
                <div className="report-row-head">
                  <p className="report-row-title">{labelText(parameter.label, language) || parameter.key}</p>
                  <RowActions name={name} index={i} count={parameters.length} onRemove={() => update((r) => removeParameter(r, i))} />
                </div>
                {/* The engine addresses a parameter's default by its key. */}
                <ProblemMessages problems={problemsUnder(problems, `/parameters/${parameter.key}`)} />
                <div className="report-row-fields">
                  <KeyInput label={t('parameters.key', { number })} path={`${path}/key`} value={parameter.key} taken={parameterKeys(report).filter((k) => k !== parameter.key)} onCommit={(key) => change({ key })} />
                  <Field label={t('parameters.label', { number })} path={`${path}/label`}>
                    {(control) => <input {...control} value={labelInput(parameter.label, 'en')} onChange={(e) => change({ label: withLabelIn(parameter.label, 'en', e.target.value) }, `parameter-${i}-label`)} />}
                  </Field>
                  <Field label={t('parameters.type', { number })} path={`${path}/type`}>
                    {(control) => (
                      <select {...control} value={parameter.type} onChange={(e) => change({ type: e.target.value as ParameterType })}>
                        {TYPES.map((type) => (
                          <option key={type} value={type}>
                            {t(`parameters.types.${type}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                </div>
                <div className="check-row">
                  <label className="check-label">
                    <input type="checkbox" checked={parameter.required === true} onChange={(e) => change({ required: e.target.checked || undefined })} />
                    {t('parameters.required', { number })}
                  </label>
                  <label className="check-label">
                    <input type="checkbox" checked={parameter.multiple === true} onChange={(e) => change({ multiple: e.target.checked || undefined, default: undefined })} />
                    {t('parameters.multiple', { number })}
                  </label>
                </div>
                <div className="report-row-fields">
                  {parameter.type === 'select' && (
                    <Field label={t('parameters.options', { number })} path={`${path}/options`} help={t('parameters.optionsHelp')}>
                      {(control) => (
                        <input
                          {...control}
                          key={(parameter.options ?? []).join(',')}
                          defaultValue={(parameter.options ?? []).join(', ')}
                          onBlur={(e) => change({ options: e.target.value.split(',').map((s) => s.trim()).filter((s) => s !== '') })}
                        />
                      )}
                    </Field>
                  )}
                  <Field label={t('parameters.default', { number })} path={`${path}/default`} help={parameter.multiple ? t('parameters.listHelp') : undefined}>
                    {(control) => (
                      <input
                        {...control}
                        key={parameterText(parameter.default)}
                        defaultValue={parameterText(parameter.default)}
                        placeholder={t(`parameters.placeholders.${parameter.type}`)}
                        onBlur={(e) => change({ default: parameterValue(parameter, e.target.value) })}
                      />
                    )}
                  </Field>
                  {bounded && (
                    <>
                      <Field label={t('parameters.min', { number })} path={`${path}/min`}>
                        {(control) => <input {...control} key={String(parameter.min ?? '')} defaultValue={String(parameter.min ?? '')} onBlur={(e) => change({ min: bound(parameter, e.target.value) })} />}
                      </Field>
                      <Field label={t('parameters.max', { number })} path={`${path}/max`}>
                        {(control) => <input {...control} key={String(parameter.max ?? '')} defaultValue={String(parameter.max ?? '')} onBlur={(e) => change({ max: bound(parameter, e.target.value) })} />}
                      </Field>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" onClick={() => update((r) => addParameter(r, { type: 'date' }))}>
        {t('parameters.add')}
      </button>
    </Section>
  );
}

/** A bound as typed: a number for numeric parameters, the text (an ISO date) otherwise; none when empty. */
function bound(parameter: ReportParameter, text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const numeric = parameter.type === 'number' || parameter.type === 'integer';
  return numeric && Number.isFinite(Number(trimmed)) ? Number(trimmed) : trimmed;
}
