import type { Measure, MeasureAggregate } from '@bankforge/report-engine';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FilterBuilder } from '../filter/FilterBuilder.js';
import { canAggregate, type ReportFieldChoice } from '../model/fields.js';
import { newCondition } from '../../filter-builder/filter-values.js';
import { columnKeys } from '../model/keys.js';
import { labelInput, labelText, withLabelIn } from '../model/labels.js';
import { useBothLanguages } from '../ui/both-languages.js';
import { addMeasure, moveMeasure, removeMeasure, updateMeasure } from '../model/report-edits.js';
import { Field, KeyInput, ProblemsAt, RowActions } from '../ui/controls.js';
import { pathName } from '../ui/field-names.js';
import { FieldSelect } from '../ui/FieldSelect.js';
import { useReportEditing } from '../ui/report-context.js';
import { Section } from '../ui/Section.js';

const AGGREGATES: readonly MeasureAggregate[] = ['count', 'countDistinct', 'sum', 'avg', 'min', 'max', 'ratio'];

const accepts = (agg: MeasureAggregate) => (choice: ReportFieldChoice) => agg !== 'ratio' && canAggregate(agg, choice);

/** A measure's name as it is added: "Count", "Sum of Amount"... in the analyst's language. */
function defaultLabel(agg: MeasureAggregate, field: string | undefined, fieldName: (path: string) => string, t: TFunction): string {
  if (field === undefined || agg === 'ratio') return t(`measures.defaultLabel.${agg}`);
  return t(`measures.defaultLabelOf.${agg}`, { field: fieldName(field) });
}

/** Measures: what is counted or added up in each group (applications, approved ones, volume, approval rate). */
export function MeasuresSection() {
  const { t } = useTranslation('reportDesigner');
  const { report, fields, catalog, language, update, announce } = useReportEditing();
  const measures = report.measures ?? [];
  const [agg, setAgg] = useState<MeasureAggregate>('count');
  const [field, setField] = useState('');
  const aggId = useId();
  const fieldId = useId();
  const inBoth = useBothLanguages();
  const fitting = fields.filter(accepts(agg));
  // A count counts rows unless a field is chosen (then the rows where it has a value); the others need a field.
  const picked = fitting.some((f) => f.path === field) ? field : agg === 'count' || agg === 'ratio' ? '' : (fitting[0]?.path ?? '');
  const add = () => {
    const label = inBoth((say, spoken) => defaultLabel(agg, picked === '' ? undefined : picked, (path) => pathName(path, fields, catalog, spoken, say), say));
    // A ratio is most often the last measure added (approved ones) over the first (all of them).
    const others = measures.filter((m) => m.agg !== 'ratio');
    const [denominator, numerator] = [others[0], others.length > 1 ? others.at(-1) : undefined];
    const measure: Omit<Measure, 'key'> =
      agg === 'ratio' ? { agg, label, ...(numerator ? { numerator: numerator.key } : {}), ...(denominator ? { denominator: denominator.key } : {}) } : { agg, label, ...(picked === '' ? {} : { field: picked }) };
    update((r) => addMeasure(r, measure));
    announce(t('measures.added', { name: labelText(label, language) }));
  };
  return (
    <Section title={t('measures.title')} help={t('measures.help')}>
      {measures.length === 0 && <p className="help">{t('measures.none')}</p>}
      {measures.length > 0 && (
        <ol className="report-rows">
          {measures.map((m, i) => (
            <li key={`${i}-${m.key}`} className="report-row">
              <MeasureRow measure={m} index={i} />
            </li>
          ))}
        </ol>
      )}
      <div className="inline-form">
        <span className="field-inline">
          <label htmlFor={aggId}>{t('measures.newAggregate')}</label>
          <select id={aggId} value={agg} onChange={(e) => setAgg(e.target.value as MeasureAggregate)}>
            {AGGREGATES.map((a) => (
              <option key={a} value={a}>
                {t(`aggregates.${a}`)}
              </option>
            ))}
          </select>
        </span>
        {agg !== 'ratio' && (
          <span className="field-inline">
            <label htmlFor={fieldId}>{t('measures.newField')}</label>
            <FieldSelect id={fieldId} value={picked} accept={accepts(agg)} empty={agg === 'count' ? t('measures.rows') : undefined} onChange={setField} />
          </span>
        )}
        <button type="button" disabled={agg !== 'count' && agg !== 'ratio' && picked === ''} onClick={add}>
          {t('measures.add')}
        </button>
      </div>
    </Section>
  );
}

function MeasureRow({ measure, index }: { measure: Measure; index: number }) {
  const { t } = useTranslation('reportDesigner');
  const { report, fields, language, update, announce } = useReportEditing();
  const number = index + 1;
  const name = t('measures.measure', { number });
  const path = `/measures/${index}`;
  const measures = report.measures ?? [];
  const change = (c: Partial<Measure>, label?: string) => update((r) => updateMeasure(r, index, c), label);
  const parts = measures.filter((m) => m.agg !== 'ratio' && m.key !== measure.key);
  const partSelect = (which: 'numerator' | 'denominator') => (
    <Field label={t(`measures.${which}`, { number })} path={`${path}/${which}`}>
      {(control) => (
        <select {...control} value={measure[which] ?? ''} onChange={(e) => change({ [which]: e.target.value === '' ? undefined : e.target.value })}>
          <option value="">{t('measures.chooseMeasure')}</option>
          {measure[which] !== undefined && !parts.some((m) => m.key === measure[which]) && <option value={measure[which]}>{t('fields.unknown', { path: measure[which] })}</option>}
          {parts.map((m) => (
            <option key={m.key} value={m.key}>
              {labelText(m.label, language) || m.key}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
  const first = fields.find((f) => f.origin.kind !== 'calculated');
  return (
    <div role="group" aria-label={name}>
      <div className="report-row-head">
        <p className="report-row-title">{labelText(measure.label, language) || measure.key}</p>
        <RowActions
          name={name}
          index={index}
          count={measures.length}
          onMove={(to) => {
            update((r) => moveMeasure(r, index, to));
            announce(t('rows.moved', { name, position: to + 1 }));
          }}
          onRemove={() => update((r) => removeMeasure(r, index))}
        />
      </div>
      <ProblemsAt path={path} />
      <div className="report-row-fields">
        <Field label={t('measures.aggregate', { number })} path={`${path}/agg`}>
          {(control) => (
            <select {...control} value={measure.agg} onChange={(e) => change({ agg: e.target.value as MeasureAggregate })}>
              {AGGREGATES.map((a) => (
                <option key={a} value={a}>
                  {t(`aggregates.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {measure.agg === 'ratio' ? (
          <>
            {partSelect('numerator')}
            {partSelect('denominator')}
          </>
        ) : (
          <Field label={t('measures.field', { number })} path={`${path}/field`}>
            {(control) => (
              <FieldSelect
                {...control}
                value={measure.field}
                accept={accepts(measure.agg)}
                empty={measure.agg === 'count' ? t('measures.rows') : undefined}
                onChange={(field) => change({ field: field === '' ? undefined : field })}
              />
            )}
          </Field>
        )}
        <Field label={t('measures.label', { number })} path={`${path}/label`}>
          {(control) => <input {...control} lang="en" value={labelInput(measure.label, 'en')} onChange={(e) => change({ label: withLabelIn(measure.label, 'en', e.target.value) }, `measure-${index}-label-en`)} />}
        </Field>
        <Field label={t('measures.labelZh', { number })} path={`${path}/label/zh-CN`} help={t('names.chineseHelp')}>
          {(control) => <input {...control} lang="zh-CN" value={labelInput(measure.label, 'zh-CN')} onChange={(e) => change({ label: withLabelIn(measure.label, 'zh-CN', e.target.value) }, `measure-${index}-label-zh`)} />}
        </Field>
        <KeyInput label={t('measures.key', { number })} path={`${path}/key`} value={measure.key} taken={columnKeys(report).filter((k) => k !== measure.key)} onCommit={(key) => change({ key })} />
      </div>
      {measure.agg !== 'ratio' &&
        (measure.filter === undefined ? (
          <button type="button" disabled={!first} onClick={() => first && change({ filter: newCondition(first.path, first.type) })}>
            {t('measures.addFilter', { number })}
          </button>
        ) : (
          <FilterBuilder
            legend={t('measures.filter', { number })}
            emptyText={t('measures.filterEmpty')}
            filter={measure.filter}
            onChange={(filter) => change({ filter })}
            path={`${path}/filter`}
            fields={fields}
            parameters={report.parameters ?? []}
          />
        ))}
    </div>
  );
}
