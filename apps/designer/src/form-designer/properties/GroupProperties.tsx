import { IDENTIFIER_PATTERN } from '@bankforge/data-model';
import type { FormRepeatingGroup } from '@bankforge/form-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { allIds } from '../tree/form-tree.js';
import { IdAllocator, newField } from '../tree/new-nodes.js';
import { useDesigner } from '../workspace/DesignerContext.js';
import { localized } from '../workspace/localized.js';
import { LocalizedTextFields } from './LocalizedTextFields.js';
import { RuleField } from './RuleField.js';
import { useNodeChange, withOptional } from './useNodeChange.js';

const identifier = new RegExp(IDENTIFIER_PATTERN);
const rowCount = (text: string): number | undefined => (text === '' ? undefined : Math.max(0, Math.trunc(Number(text))));

/** A sub-table of a related entity's records: which entity, how its rows point back, which columns. */
export function GroupProperties({ node }: { node: FormRepeatingGroup }) {
  const { t } = useTranslation('formDesigner');
  const { form, entities, entityKeys, language } = useDesigner();
  const set = useNodeChange(node);
  const id = useId();
  const related = node.entity ? entities[node.entity] : undefined;
  const references = (related?.fields ?? []).filter((f) => f.type === 'reference' && (f.reference?.entity ?? form.entity) === form.entity);
  const shown = new Set(node.fields.map((f) => f.field));
  const toggleField = (key: string, on: boolean) =>
    set(null, (n) => ({
      ...n,
      fields: on ? [...n.fields, newField(new IdAllocator(allIds(form.layout)), key)] : n.fields.filter((f) => f.field !== key),
    }));

  return (
    <>
      <label htmlFor={`${id}-key`}>{t('properties.groupKey')}</label>
      <input id={`${id}-key`} value={node.key} aria-invalid={!identifier.test(node.key) || undefined} onChange={(e) => set('key', (n) => ({ ...n, key: e.target.value }))} />
      <LocalizedTextFields name={t('properties.title')} value={node.title} onChange={(v) => v && set('title', (n) => ({ ...n, title: v }))} />
      <label htmlFor={`${id}-entity`}>{t('properties.groupEntity')}</label>
      <select id={`${id}-entity`} value={node.entity} onChange={(e) => set(null, (n) => ({ ...n, entity: e.target.value, foreignKey: '', fields: [] }))}>
        <option value="">{t('properties.choose')}</option>
        {entityKeys
          .filter((key) => key !== form.entity)
          .map((key) => (
            <option key={key} value={key}>
              {key}
            </option>
          ))}
      </select>
      <label htmlFor={`${id}-fk`}>{t('properties.groupForeignKey')}</label>
      <select id={`${id}-fk`} value={node.foreignKey} onChange={(e) => set(null, (n) => ({ ...n, foreignKey: e.target.value }))}>
        <option value="">{t('properties.choose')}</option>
        {references.map((f) => (
          <option key={f.key} value={f.key}>
            {localized(f.label, language) || f.key}
          </option>
        ))}
      </select>
      {related && (
        <fieldset className="fd-fieldset">
          <legend>{t('properties.groupFields')}</legend>
          {related.fields
            .filter((f) => f.key !== node.foreignKey)
            .map((f) => (
              <label key={f.key} className="fd-check">
                <input type="checkbox" checked={shown.has(f.key)} onChange={(e) => toggleField(f.key, e.target.checked)} />
                {localized(f.label, language) || f.key}
              </label>
            ))}
        </fieldset>
      )}
      <label htmlFor={`${id}-min`}>{t('properties.minRows')}</label>
      <input id={`${id}-min`} type="number" min={0} value={node.minRows ?? ''} onChange={(e) => set('minRows', (n) => withOptional(n, 'minRows', rowCount(e.target.value)))} />
      <label htmlFor={`${id}-max`}>{t('properties.maxRows')}</label>
      <input id={`${id}-max`} type="number" min={0} value={node.maxRows ?? ''} onChange={(e) => set('maxRows', (n) => withOptional(n, 'maxRows', rowCount(e.target.value)))} />
      <RuleField label={t('rules.visibleWhen')} value={node.visibleWhen} onChange={(v) => set('visibleWhen', (n) => withOptional(n, 'visibleWhen', v))} />
    </>
  );
}
