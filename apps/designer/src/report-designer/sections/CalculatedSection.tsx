import { SYSTEM_COLUMN_TYPES } from '@bankforge/data-model';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { FeelEditor } from '../../form-designer/feel-editor/FeelEditor.js';
import { calculatedKeys } from '../model/keys.js';
import { problemsAt } from '../model/problems.js';
import { labelInput, labelText, withLabelIn } from '../model/labels.js';
import { addCalculated, removeCalculated, updateCalculated } from '../model/report-edits.js';
import { KeyInput, ProblemMessages, RowActions } from '../ui/controls.js';
import { useReportEditing } from '../ui/report-context.js';
import { Section } from '../ui/Section.js';

/** Calculated fields: FEEL over the report's fields that the database computes (arithmetic, comparisons, if-then-else...). */
export function CalculatedSection() {
  const { t } = useTranslation('reportDesigner');
  const { report, catalog, problems, language, update } = useReportEditing();
  const source = catalog.get(report.source);
  const sourceKeys = [...(source?.fields.map((f) => f.key) ?? []), ...Object.keys(SYSTEM_COLUMN_TYPES)];
  const calculated = report.calculated ?? [];
  // What an expression may read: the source's fields, a join by its alias (`customer.segment`), the calculated fields.
  const names = new Set([...sourceKeys, ...(report.joins ?? []).map((j) => j.alias), ...calculated.map((c) => c.key)]);
  const unknownName = useCallback((name: string) => t('calculated.unknownName', { name }), [t]);
  return (
    <Section title={t('calculated.title')} help={t('calculated.help')}>
      {calculated.length > 0 && (
        <ol className="report-rows">
          {calculated.map((field, i) => {
            const number = i + 1;
            const name = t('calculated.field', { number });
            const path = `/calculated/${i}`;
            // The editor says syntax errors itself, with their line and column; the engine's other findings follow it.
            const found = problemsAt(problems, `${path}/expression`);
            return (
              <li key={i} className="report-row" role="group" aria-label={name}>
                <div className="report-row-head">
                  <p className="report-row-title">{labelText(field.label, language) || field.key}</p>
                  <RowActions name={name} index={i} count={calculated.length} onRemove={() => update((r) => removeCalculated(r, i))} />
                </div>
                <div className="report-row-fields">
                  <KeyInput label={t('calculated.key', { number })} path={`${path}/key`} value={field.key} taken={calculatedKeys(report, sourceKeys).filter((k) => k !== field.key)} onCommit={(key) => update((r) => updateCalculated(r, i, { key }))} />
                  <div className="form-row">
                    <label htmlFor={`report-calculated-${i}-label`}>{t('calculated.label', { number })}</label>
                    <input id={`report-calculated-${i}-label`} value={labelInput(field.label, 'en')} onChange={(e) => update((r) => updateCalculated(r, i, { label: withLabelIn(field.label, 'en', e.target.value) }), `calculated-${i}-label`)} />
                  </div>
                </div>
                <div id={`report-calculated-${i}-expression`}>
                  <FeelEditor
                    label={t('calculated.expression', { number })}
                    value={field.expression}
                    onChange={(expression) => update((r) => updateCalculated(r, i, { expression }), `calculated-${i}-expression`)}
                    names={names}
                    unknownNameText={unknownName}
                    invalid={found.length > 0}
                  />
                  <ProblemMessages problems={found.filter((p) => p.code !== 'feelSyntax')} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" onClick={() => update((r) => addCalculated(r, { expression: '' }, sourceKeys))}>
        {t('calculated.add')}
      </button>
    </Section>
  );
}
