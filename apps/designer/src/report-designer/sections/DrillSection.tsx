import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDrillLevel, moveDrillLevel, removeDrillDown, removeDrillLevel, startDrillDown, updateDrillLevel } from '../model/report-edits.js';
import { labelInput, labelText, withLabelIn } from '../model/labels.js';
import { withoutUndefined } from '../model/lists.js';
import { Field, RowActions } from '../ui/controls.js';
import { useReportEditing } from '../ui/report-context.js';
import { Section } from '../ui/Section.js';
import { KeyChecks } from './ChartSection.js';
import { useColumns } from './columns.js';

/** Drill-down: the levels a reader goes down (branch, then RM, then customer), each grouping by its dimensions. */
export function DrillSection() {
  const { t } = useTranslation('reportDesigner');
  const { report, language, update } = useReportEditing();
  const dimensions = useColumns().filter((c) => c.role === 'dimension');
  const levels = report.drillDown?.levels ?? [];
  const [next, setNext] = useState('');
  const nextId = useId();
  const picked = dimensions.some((d) => d.key === next) ? next : (dimensions[0]?.key ?? '');
  return (
    <Section title={t('drill.title')} help={t('drill.help')} path="/drillDown">
      {!report.drillDown ? (
        <>
          <button type="button" disabled={dimensions.length < 2} aria-describedby={dimensions.length < 2 ? 'report-drill-needs' : undefined} onClick={() => update(startDrillDown)}>
            {t('drill.start')}
          </button>
          {dimensions.length < 2 && (
            <p id="report-drill-needs" className="help">
              {t('drill.needsTwo')}
            </p>
          )}
        </>
      ) : (
        <>
          <ol className="report-rows">
            {levels.map((level, i) => {
              const number = i + 1;
              const name = t('drill.level', { number });
              const path = `/drillDown/levels/${i}`;
              return (
                <li key={i} className="report-row" role="group" aria-label={name}>
                  <div className="report-row-head">
                    <p className="report-row-title">{labelText(level.label, language) || name}</p>
                    <RowActions name={name} index={i} count={levels.length} onMove={(to) => update((r) => moveDrillLevel(r, i, to))} onRemove={() => update((r) => removeDrillLevel(r, i))} />
                  </div>
                  <Field label={t('drill.label', { number })} path={`${path}/label`}>
                    {(control) => <input {...control} value={labelInput(level.label, 'en')} onChange={(e) => update((r) => updateDrillLevel(r, i, withoutUndefined({ ...level, label: withLabelIn(level.label, 'en', e.target.value) })), `drill-${i}-label`)} />}
                  </Field>
                  <KeyChecks legend={t('drill.dimensions', { number })} path={`${path}/dimensions`} choices={dimensions} chosen={level.dimensions} onChange={(keys) => update((r) => updateDrillLevel(r, i, { ...level, dimensions: keys }))} />
                </li>
              );
            })}
          </ol>
          <div className="inline-form">
            <span className="field-inline">
              <label htmlFor={nextId}>{t('drill.nextDimension')}</label>
              <select id={nextId} value={picked} onChange={(e) => setNext(e.target.value)}>
                {dimensions.map((d) => (
                  <option key={d.key} value={d.key}>
                    {d.name}
                  </option>
                ))}
              </select>
            </span>
            <button type="button" disabled={picked === '' || levels.length >= 6} onClick={() => update((r) => addDrillLevel(r, picked))}>
              {t('drill.addLevel')}
            </button>
            <button type="button" onClick={() => update(removeDrillDown)}>
              {t('drill.remove')}
            </button>
          </div>
        </>
      )}
    </Section>
  );
}
