import type { ServiceNode } from '@bankforge/flow-engine';
import type { EntityDefinition } from '@bankforge/data-model';
import { useTranslation } from 'react-i18next';
import { freeKey, removeEntry, setEntry } from '../document/map-edits.js';
import { FieldErrors } from './FieldErrors.js';
import { usePanel } from './panel-context.js';
import { usePublishedArtifacts, usePublishedDocument } from './usePublished.js';

type Config = ServiceNode['config'];
type Value = Config[string];
const VALUE_KINDS = ['text', 'number', 'yes', 'no', 'empty'] as const;
type ValueKind = (typeof VALUE_KINDS)[number];

function kindOf(value: Value): ValueKind {
  if (value === null) return 'empty';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return 'text';
}

function valueOf(kind: ValueKind, text: string): Value {
  switch (kind) {
    case 'number':
      return Number(text) || 0;
    case 'yes':
      return true;
    case 'no':
      return false;
    case 'empty':
      return null;
    case 'text':
      return text;
  }
}

/**
 * What a record update writes: a value per field of the case's record. The server writes these
 * values as they are (no FEEL is evaluated here: computed values belong in the record binding's
 * writes, which are FEEL).
 */
export function RecordValuesTable({ config, path, onChange }: { config: Config; path: string; onChange(config: Config): void }) {
  const { t } = useTranslation('flowDesigner');
  const { flow, problemsAt } = usePanel();
  const entities = usePublishedArtifacts('entity');
  const entity = usePublishedDocument<EntityDefinition>('entity', flow.entity, entities);
  const fields = entity?.fields.map((f) => f.key) ?? [];
  const entries = Object.entries(config);
  const rename = (from: string, to: string) => {
    if (to !== from && to in config) return;
    onChange(setEntry(config, to, config[from] ?? null, from));
  };
  return (
    <fieldset className="flow-map">
      <legend>{t('service.recordValues')}</legend>
      <p className="help">{t(flow.entity ? 'service.recordValuesHelp' : 'service.recordWithoutEntity')}</p>
      <ol>
        {entries.map(([field, value], index) => {
          const number = index + 1;
          const kind = kindOf(value);
          return (
            <li key={index} className="flow-map__row">
              {fields.length > 0 ? (
                <select aria-label={t('service.field', { number })} value={field} onChange={(e) => rename(field, e.target.value)}>
                  {[...new Set([field, ...fields])].map((f) => <option key={f} value={f}>{f}</option>)}
                </select>
              ) : (
                <input aria-label={t('service.field', { number })} value={field} spellCheck={false} onChange={(e) => rename(field, e.target.value)} />
              )}
              <select aria-label={t('service.valueKind', { number })} value={kind} onChange={(e) => onChange(setEntry(config, field, valueOf(e.target.value as ValueKind, typeof value === 'string' ? value : String(value ?? ''))))}>
                {VALUE_KINDS.map((k) => <option key={k} value={k}>{t(`service.valueKinds.${k}`)}</option>)}
              </select>
              {(kind === 'text' || kind === 'number') && (
                <input aria-label={t('service.value', { number })} type={kind === 'number' ? 'number' : 'text'} value={String(value ?? '')} onChange={(e) => onChange(setEntry(config, field, valueOf(kind, e.target.value)))} />
              )}
              <FieldErrors problems={problemsAt(`${path}/${field}`)} />
              <button type="button" onClick={() => onChange(removeEntry(config, field))}>{t('map.remove', { name: t('service.field', { number }) })}</button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange(setEntry(config, freeKey(config, fields.find((f) => !(f in config)) ?? 'field'), ''))}>{t('service.addValue')}</button>
    </fieldset>
  );
}
