import { Dialog } from '@bankforge/app-shell';
import { DASHBOARD_FILTER_TYPES, type DashboardDefinition, type DashboardFilter, type DashboardFilterType, type DashboardWidget } from '@bankforge/report-engine';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectControl, TextControl } from '../../data-model/controls/Controls.js';
import type { DesignerLanguage } from '../../form-designer/workspace/localized.js';
import { fieldLabel, ownName } from '../catalog/field-label.js';
import { filterFieldChoices, type DashboardCatalog } from '../model/catalog.js';
import { filterKeys, freeKey, isIdentifier } from '../model/dashboard-document.js';

export interface AddFilterDialogProps {
  dashboard: DashboardDefinition;
  catalog: DashboardCatalog;
  language: DesignerLanguage;
  titleOf(widget: DashboardWidget): string;
  onAdd(filter: DashboardFilter): void;
  onClose(): void;
}

interface Draft {
  type: DashboardFilterType;
  field: string;
  key: string;
  en: string;
  zh: string;
  /** Whether the analyst typed the key or labels: then a new field no longer renames them. */
  named: boolean;
}

/**
 * A new shared filter: its type and the first field it filters (one of the widgets' reports'
 * fields that fit the type), named after the field (or "Period") unless the analyst names it.
 */
export function AddFilterDialog({ dashboard, catalog, language, titleOf, onAdd, onClose }: AddFilterDialogProps) {
  const { t, i18n } = useTranslation('dashboardDesigner');
  const taken = filterKeys(dashboard);
  const named = (type: DashboardFilterType, field: string): Pick<Draft, 'key' | 'en' | 'zh'> => {
    const choice = filterFieldChoices(dashboard, catalog, type).find((c) => c.field.path === field)?.field;
    if (type === 'period' || choice === undefined) {
      const period = (lng: string) => i18n.getFixedT(lng, 'dashboardDesigner')('filter.types.period');
      return { key: freeKey('period', taken), en: period('en'), zh: period('zh-CN') };
    }
    return { key: freeKey(choice.field, taken), en: ownName(choice, catalog, 'en', i18n.getFixedT('en', 'dashboardDesigner')), zh: ownName(choice, catalog, 'zh-CN', i18n.getFixedT('zh-CN', 'dashboardDesigner')) };
  };
  const start = (type: DashboardFilterType): Draft => {
    const field = filterFieldChoices(dashboard, catalog, type)[0]?.field.path ?? '';
    return { type, field, ...named(type, field), named: false };
  };
  const [draft, setDraft] = useState<Draft>(() => start('period'));
  const [tried, setTried] = useState(false);
  const choices = filterFieldChoices(dashboard, catalog, draft.type);
  const keyError = !isIdentifier(draft.key) ? t('filter.keyInvalid') : taken.has(draft.key) ? t('filter.keyTaken', { key: draft.key }) : undefined;
  const missing = (text: string) => (tried && text.trim() === '' ? [{ path: '', code: 'required', message: t('addFilter.required') }] : []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (keyError || draft.field === '' || draft.en.trim() === '' || draft.zh.trim() === '') return;
    onAdd({ key: draft.key, label: { en: draft.en.trim(), 'zh-CN': draft.zh.trim() }, type: draft.type, fields: [draft.field] });
  };

  return (
    <Dialog title={t('addFilter.title')} onClose={onClose}>
      <form className="stack" noValidate onSubmit={submit}>
        {dashboard.widgets.length === 0 && <p className="notice notice-warning">{t('addFilter.noWidgets')}</p>}
        <SelectControl
          label={t('addFilter.type')}
          help={t(`filter.typeHelp.${draft.type}`)}
          value={draft.type}
          choices={DASHBOARD_FILTER_TYPES.map((type) => ({ value: type, label: t(`filter.types.${type}`) }))}
          onChange={(type) => setDraft((d) => (d.named ? { ...start(type as DashboardFilterType), key: d.key, en: d.en, zh: d.zh, named: true } : start(type as DashboardFilterType)))}
        />
        {choices.length === 0 && dashboard.widgets.length > 0 ? (
          <p className="notice notice-warning">{t('addFilter.noFields', { type: t(`filter.types.${draft.type}`) })}</p>
        ) : (
          <SelectControl
            label={t('addFilter.field')}
            help={t('addFilter.fieldHelp')}
            value={draft.field}
            choices={choices.map((c) => ({ value: c.field.path, label: `${fieldLabel(c.field, catalog, language, t)} · ${t('filter.fields.widgets', { widgets: c.widgets.map((id) => titleOf(dashboard.widgets.find((w) => w.id === id)!)).join(', ') })}` }))}
            onChange={(field) => setDraft((d) => ({ ...d, field, ...(d.named ? {} : named(d.type, field)) }))}
          />
        )}
        <TextControl
          label={t('addFilter.key')}
          help={t('filter.keyHelp')}
          value={draft.key}
          spellCheck={false}
          problems={tried && keyError ? [{ path: '', code: 'key', message: keyError }] : []}
          onChange={(key) => setDraft((d) => ({ ...d, key, named: true }))}
        />
        <div className="form-pair">
          <TextControl label={t('addFilter.labelEn')} lang="en" value={draft.en} problems={missing(draft.en)} onChange={(en) => setDraft((d) => ({ ...d, en, named: true }))} />
          <TextControl label={t('addFilter.labelZh')} lang="zh-CN" value={draft.zh} problems={missing(draft.zh)} onChange={(zh) => setDraft((d) => ({ ...d, zh, named: true }))} />
        </div>
        <div className="button-row">
          <button type="submit" className="primary" disabled={draft.field === ''}>
            {t('addFilter.add')}
          </button>
          <button type="button" onClick={onClose}>
            {t('addFilter.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
