import { CALENDAR_UNITS, type CalendarUnit } from '@bankforge/data-model';
import type { Dimension } from '@bankforge/report-engine';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canBin, canBucket, canGroupBy } from '../model/fields.js';
import { columnKeys } from '../model/keys.js';
import { labelInput, labelText, withLabelIn } from '../model/labels.js';
import { useBothLanguages } from '../ui/both-languages.js';
import { addDimension, moveDimension, removeDimension, updateDimension } from '../model/report-edits.js';
import { Field, KeyInput, ProblemsAt, RowActions } from '../ui/controls.js';
import { pathName } from '../ui/field-names.js';
import { FieldSelect } from '../ui/FieldSelect.js';
import { useReportEditing } from '../ui/report-context.js';
import { Section } from '../ui/Section.js';

type Grouping = 'value' | CalendarUnit | 'bin';

const groupingOf = (d: Dimension): Grouping => d.date ?? (d.bin ? 'bin' : 'value');

/** Dimensions: what the rows are grouped by (a branch, a month of submission, amount bands, the top 5 RMs). */
export function DimensionsSection() {
  const { t } = useTranslation('reportDesigner');
  const { report, fields, catalog, language, update, announce } = useReportEditing();
  const dimensions = report.dimensions ?? [];
  const [field, setField] = useState('');
  const addId = useId();
  const inBoth = useBothLanguages();
  const groupable = fields.filter(canGroupBy);
  const picked = groupable.some((f) => f.path === field) ? field : (groupable[0]?.path ?? '');
  return (
    <Section title={t('dimensions.title')} help={t('dimensions.help')} path="/dimensions">
      {dimensions.length > 0 && (
        <ol className="report-rows">
          {dimensions.map((d, i) => (
            <li key={`${i}-${d.key}`} className="report-row">
              <DimensionRow dimension={d} index={i} />
            </li>
          ))}
        </ol>
      )}
      <div className="inline-form">
        <span className="field-inline">
          <label htmlFor={addId}>{t('dimensions.newField')}</label>
          <FieldSelect id={addId} value={picked} accept={canGroupBy} onChange={setField} />
        </span>
        <button
          type="button"
          disabled={picked === ''}
          onClick={() => {
            const label = inBoth((say, spoken) => pathName(picked, fields, catalog, spoken, say));
            update((r) => addDimension(r, { field: picked, label }));
            announce(t('dimensions.added', { name: labelText(label, language) }));
          }}
        >
          {t('dimensions.add')}
        </button>
      </div>
    </Section>
  );
}

function DimensionRow({ dimension, index }: { dimension: Dimension; index: number }) {
  const { t } = useTranslation('reportDesigner');
  const { report, fields, language, update, announce } = useReportEditing();
  const number = index + 1;
  const name = t('dimensions.dimension', { number });
  const path = `/dimensions/${index}`;
  const count = report.dimensions?.length ?? 0;
  const change = (c: Partial<Dimension>, label?: string) => update((r) => updateDimension(r, index, c), label);
  const choice = fields.find((f) => f.path === dimension.field);
  const grouping = groupingOf(dimension);
  const measures = report.measures ?? [];
  const setGrouping = (next: Grouping) => {
    if (next === 'value') change({ date: undefined, bin: undefined });
    else if (next === 'bin') change({ date: undefined, bin: dimension.bin ?? { width: 10 } });
    else change({ date: next, bin: undefined });
  };
  return (
    <div role="group" aria-label={name}>
      <div className="report-row-head">
        <p className="report-row-title">{labelText(dimension.label, language) || dimension.key}</p>
        <RowActions
          name={name}
          index={index}
          count={count}
          onMove={(to) => {
            update((r) => moveDimension(r, index, to));
            announce(t('rows.moved', { name, position: to + 1 }));
          }}
          onRemove={() => update((r) => removeDimension(r, index))}
        />
      </div>
      <ProblemsAt path={path} />
      <div className="report-row-fields">
        <Field label={t('dimensions.field', { number })} path={`${path}/field`}>
          {(control) => <FieldSelect {...control} value={dimension.field} accept={canGroupBy} onChange={(field) => change({ field })} />}
        </Field>
        <Field label={t('dimensions.grouping', { number })} path={grouping === 'bin' ? `${path}/bin` : `${path}/date`}>
          {(control) => (
            <select {...control} value={grouping} onChange={(e) => setGrouping(e.target.value as Grouping)}>
              <option value="value">{t('dimensions.groupings.value')}</option>
              {(grouping !== 'value' && grouping !== 'bin') || !choice || canBucket(choice)
                ? CALENDAR_UNITS.map((u) => (
                    <option key={u} value={u}>
                      {t(`dimensions.groupings.${u}`)}
                    </option>
                  ))
                : null}
              {grouping === 'bin' || !choice || canBin(choice) ? <option value="bin">{t('dimensions.groupings.bin')}</option> : null}
            </select>
          )}
        </Field>
        {dimension.bin && (
          <>
            <Field label={t('dimensions.binWidth', { number })} path={`${path}/bin/width`}>
              {(control) => <input {...control} type="number" min={0} step="any" value={dimension.bin!.width} onChange={(e) => change({ bin: { ...dimension.bin!, width: Number(e.target.value) } }, `dimension-${index}-bin`)} />}
            </Field>
            <Field label={t('dimensions.binOrigin', { number })} path={`${path}/bin/origin`}>
              {(control) => (
                <input
                  {...control}
                  type="number"
                  step="any"
                  value={dimension.bin!.origin ?? ''}
                  onChange={(e) => change({ bin: e.target.value === '' ? { width: dimension.bin!.width } : { ...dimension.bin!, origin: Number(e.target.value) } }, `dimension-${index}-bin`)}
                />
              )}
            </Field>
          </>
        )}
        <Field label={t('dimensions.label', { number })} path={`${path}/label`}>
          {(control) => <input {...control} lang="en" value={labelInput(dimension.label, 'en')} onChange={(e) => change({ label: withLabelIn(dimension.label, 'en', e.target.value) }, `dimension-${index}-label-en`)} />}
        </Field>
        <Field label={t('dimensions.labelZh', { number })} path={`${path}/label/zh-CN`} help={t('names.chineseHelp')}>
          {(control) => <input {...control} lang="zh-CN" value={labelInput(dimension.label, 'zh-CN')} onChange={(e) => change({ label: withLabelIn(dimension.label, 'zh-CN', e.target.value) }, `dimension-${index}-label-zh`)} />}
        </Field>
        <KeyInput label={t('dimensions.key', { number })} path={`${path}/key`} value={dimension.key} taken={columnKeys(report).filter((k) => k !== dimension.key)} onCommit={(key) => change({ key })} />
      </div>
      <div className="check-row">
        <label className="check-label">
          <input
            type="checkbox"
            id={`report-dimensions-${index}-top`}
            checked={dimension.top !== undefined}
            disabled={dimension.top === undefined && measures.length === 0}
            onChange={(e) => change({ top: e.target.checked ? { n: 5, by: measures[0]!.key, direction: 'desc' } : undefined })}
          />
          {t('dimensions.top', { number })}
        </label>
        {dimension.top === undefined && measures.length === 0 && <span className="help">{t('dimensions.topNeedsMeasure')}</span>}
      </div>
      <ProblemsAt path={`${path}/top`} />
      {dimension.top && (
        <div className="report-row-fields">
          <Field label={t('dimensions.topN', { number })} path={`${path}/top/n`}>
            {(control) => <input {...control} type="number" min={1} max={1000} value={dimension.top!.n} onChange={(e) => change({ top: { ...dimension.top!, n: Math.round(Number(e.target.value)) } }, `dimension-${index}-top`)} />}
          </Field>
          <Field label={t('dimensions.topBy', { number })} path={`${path}/top/by`}>
            {(control) => (
              <select {...control} value={dimension.top!.by} onChange={(e) => change({ top: { ...dimension.top!, by: e.target.value } })}>
                {!measures.some((m) => m.key === dimension.top!.by) && <option value={dimension.top!.by}>{t('fields.unknown', { path: dimension.top!.by })}</option>}
                {measures.map((m) => (
                  <option key={m.key} value={m.key}>
                    {labelText(m.label, language) || m.key}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('dimensions.topDirection', { number })} path={`${path}/top/direction`}>
            {(control) => (
              <select {...control} value={dimension.top!.direction ?? 'desc'} onChange={(e) => change({ top: { ...dimension.top!, direction: e.target.value === 'asc' ? 'asc' : 'desc' } })}>
                <option value="desc">{t('dimensions.highest')}</option>
                <option value="asc">{t('dimensions.lowest')}</option>
              </select>
            )}
          </Field>
          <Field label={t('dimensions.others', { number })} path={`${path}/top/othersLabel`} help={t('dimensions.othersHelp')}>
            {(control) => {
              const { othersLabel, ...top } = dimension.top!;
              return <input {...control} value={othersLabel ?? ''} onChange={(e) => change({ top: e.target.value === '' ? top : { ...top, othersLabel: e.target.value } }, `dimension-${index}-others`)} />;
            }}
          </Field>
        </div>
      )}
    </div>
  );
}
