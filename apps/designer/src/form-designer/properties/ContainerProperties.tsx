import type { FormColumns, FormSection, FormTabs } from '@bankforge/form-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { allIds } from '../tree/form-tree.js';
import { IdAllocator, withColumnCount, withNewTab, withoutTab } from '../tree/new-nodes.js';
import { useDesigner } from '../workspace/DesignerContext.js';
import { LocalizedTextFields } from './LocalizedTextFields.js';
import { RuleField } from './RuleField.js';
import { useNodeChange, withOptional } from './useNodeChange.js';

export function SectionProperties({ node }: { node: FormSection }) {
  const { t } = useTranslation('formDesigner');
  const set = useNodeChange(node);
  return (
    <>
      <LocalizedTextFields name={t('properties.title')} value={node.title} onChange={(v) => v && set('title', (n) => ({ ...n, title: v }))} />
      <RuleField label={t('rules.visibleWhen')} value={node.visibleWhen} onChange={(v) => set('visibleWhen', (n) => withOptional(n, 'visibleWhen', v))} />
    </>
  );
}

export const MAX_COLUMNS = 4;

export function ColumnsProperties({ node }: { node: FormColumns }) {
  const { t } = useTranslation('formDesigner');
  const { form } = useDesigner();
  const set = useNodeChange(node);
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{t('properties.columnCount')}</label>
      <select id={id} value={node.columns.length} onChange={(e) => set(null, (n) => withColumnCount(n, Number(e.target.value), new IdAllocator(allIds(form.layout))))}>
        {Array.from({ length: MAX_COLUMNS }, (_, i) => i + 1).map((count) => (
          <option key={count} value={count}>
            {count}
          </option>
        ))}
      </select>
      <RuleField label={t('rules.visibleWhen')} value={node.visibleWhen} onChange={(v) => set('visibleWhen', (n) => withOptional(n, 'visibleWhen', v))} />
    </>
  );
}

export function TabsProperties({ node }: { node: FormTabs }) {
  const { t } = useTranslation('formDesigner');
  const { form } = useDesigner();
  const set = useNodeChange(node);
  return (
    <>
      {node.tabs.map((tab, i) => (
        <fieldset key={tab.id} className="fd-fieldset">
          <legend>{t('properties.tabNumber', { number: i + 1 })}</legend>
          <LocalizedTextFields
            name={t('properties.title')}
            value={tab.title}
            onChange={(v) => v && set(`${tab.id}.title`, (n) => ({ ...n, tabs: n.tabs.map((x) => (x.id === tab.id ? { ...x, title: v } : x)) }))}
          />
          <button type="button" disabled={node.tabs.length === 1} onClick={() => set(null, (n) => withoutTab(n, tab.id))}>
            {t('properties.removeTab', { number: i + 1 })}
          </button>
        </fieldset>
      ))}
      <button type="button" onClick={() => set(null, (n) => withNewTab(n, new IdAllocator(allIds(form.layout))))}>
        {t('properties.addTab')}
      </button>
      <RuleField label={t('rules.visibleWhen')} value={node.visibleWhen} onChange={(v) => set('visibleWhen', (n) => withOptional(n, 'visibleWhen', v))} />
    </>
  );
}
