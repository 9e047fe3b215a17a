import { RECORD_MILESTONES, type FlowRecordBinding } from '@bankforge/flow-engine';
import type { EntityDefinition } from '@bankforge/data-model';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxControl, SelectControl } from '../../data-model/controls/Controls.js';
import { compact, removeEntry, setEntry } from '../document/map-edits.js';
import { FieldErrors } from './FieldErrors.js';
import { MapRows } from './MapRows.js';
import { usePanel } from './panel-context.js';
import { FlowFeelEditor } from './FlowFeelEditor.js';

/** Where a case may write its record: the fixed milestones and the outcomes its ends can give. */
const MILESTONES = [...RECORD_MILESTONES, 'approved', 'rejected'] as const;
/** What a write expression reads besides the variables. */
const WRITE_NAMES = ['initiator', 'actor', 'at'];

/**
 * How a flow reads and writes the record its case is about: variables read from fields when a case
 * starts, the fields only the flow may change, what it writes at each milestone, and whether a
 * record's creation (or a condition on it) starts a case by itself.
 */
export function RecordBindingEditor({ entity }: { entity: EntityDefinition | undefined }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, change, problemsAt, variableNames } = usePanel();
  const binding = flow.record ?? {};
  const fields = entity?.fields.map((f) => f.key) ?? [];
  const controlled = binding.controlledFields ?? [];
  const writes = binding.writes ?? {};
  const unused = MILESTONES.filter((m) => !(m in writes));
  const [milestone, setMilestone] = useState<string>('');
  const chosen = unused.includes(milestone as (typeof MILESTONES)[number]) ? milestone : (unused[0] ?? '');
  const set = (property: string, recipe: (b: FlowRecordBinding) => FlowRecordBinding) =>
    change((f) => {
      const next = compact(recipe(f.record ?? {}));
      return compact({ ...f, record: Object.keys(next).length > 0 ? next : undefined });
    }, `record:${property}`);
  const writeNames = new Set([...variableNames, ...WRITE_NAMES]);
  const startOn = binding.startOn ?? {};
  const setStart = (next: FlowRecordBinding['startOn']) => set('startOn', (b) => ({ ...b, startOn: next && Object.keys(compact(next)).length > 0 ? compact(next) : undefined }));

  return (
    <section aria-labelledby="flow-record-title" className="flow-record">
      <h3 id="flow-record-title">{t('record.title')}</h3>
      <FieldErrors problems={problemsAt('/record').filter((p) => p.path === '/record')} />
      <MapRows
        legend={t('record.variables')}
        help={t('record.variablesHelp')}
        map={binding.variables ?? {}}
        path="/record/variables"
        keyCell={{ kind: 'choice', choices: flow.variables.map((v) => v.name) }}
        valueCell={fields.length > 0 ? { kind: 'choice', choices: fields } : { kind: 'text' }}
        keyLabel={(n) => t('record.variable', { number: n })}
        valueLabel={(n) => t('record.field', { number: n })}
        addLabel={t('record.addVariable')}
        newKey={flow.variables.find((v) => !(v.name in (binding.variables ?? {})))?.name ?? 'variable'}
        onChange={(variables) => set('variables', (b) => ({ ...b, variables: Object.keys(variables).length > 0 ? variables : undefined }))}
      />
      <fieldset>
        <legend>{t('record.controlled')}</legend>
        <p className="help">{t('record.controlledHelp')}</p>
        <div className="check-row">
          {[...new Set([...fields, ...controlled])].map((field) => (
            <CheckboxControl
              key={field}
              label={field}
              checked={controlled.includes(field)}
              onChange={(on) => set('controlledFields', (b) => {
                const list = on ? [...controlled, field] : controlled.filter((f) => f !== field);
                return { ...b, controlledFields: list.length > 0 ? list : undefined };
              })}
            />
          ))}
        </div>
        <FieldErrors problems={problemsAt('/record/controlledFields')} />
      </fieldset>
      <fieldset>
        <legend>{t('record.writes')}</legend>
        <p className="help">{t('record.writesHelp')}</p>
        {Object.entries(writes).map(([at, values]) => (
          <div key={at} className="flow-writes">
            <MapRows
              legend={t('record.writesAt', { milestone: t(`record.milestones.${at}`, { defaultValue: at }) })}
              map={values}
              path={`/record/writes/${at}`}
              keyCell={{ kind: 'choice', choices: controlled }}
              valueCell={{ kind: 'feel', names: writeNames }}
              keyLabel={(n) => t('record.writeField', { number: n, milestone: at })}
              valueLabel={(n) => t('record.writeFeel', { number: n, milestone: at })}
              addLabel={t('record.addWrite', { milestone: t(`record.milestones.${at}`, { defaultValue: at }) })}
              newKey={controlled.find((f) => !(f in values)) ?? 'field'}
              onChange={(next) => set('writes', (b) => ({ ...b, writes: setEntry(b.writes ?? {}, at, next) }))}
            />
            <FieldErrors problems={problemsAt(`/record/writes/${at}`).filter((p) => p.path === `/record/writes/${at}`)} />
            <button type="button" onClick={() => set('writes', (b) => { const next = removeEntry(b.writes ?? {}, at); return { ...b, writes: Object.keys(next).length > 0 ? next : undefined }; })}>
              {t('record.removeMilestone', { milestone: t(`record.milestones.${at}`, { defaultValue: at }) })}
            </button>
          </div>
        ))}
        {unused.length > 0 && (
          <div className="inline-form">
            <SelectControl label={t('record.milestone')} value={chosen} choices={unused.map((m) => ({ value: m, label: t(`record.milestones.${m}`) }))} onChange={setMilestone} />
            <button type="button" onClick={() => set('writes', (b) => ({ ...b, writes: { ...(b.writes ?? {}), [chosen]: {} } }))}>{t('record.addMilestone')}</button>
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('record.startOn')}</legend>
        <CheckboxControl label={t('record.startOnCreated')} checked={startOn.created === true} onChange={(on) => setStart({ ...startOn, created: on ? true : undefined })} />
        <CheckboxControl label={t('record.startOnCondition')} checked={startOn.condition !== undefined} onChange={(on) => setStart({ ...startOn, condition: on ? '' : undefined })} />
        {startOn.condition !== undefined && (
          <>
            <FlowFeelEditor label={t('record.condition')} value={startOn.condition} names={new Set(Object.keys(binding.variables ?? {}))} onChange={(condition) => setStart({ ...startOn, condition })} />
            <FieldErrors problems={problemsAt('/record/startOn/condition')} />
          </>
        )}
      </fieldset>
    </section>
  );
}
