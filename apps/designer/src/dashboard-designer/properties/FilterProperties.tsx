import type { ProblemFieldError } from '@bankforge/client';
import { DASHBOARD_FILTER_TYPES, type DashboardDefinition, type DashboardFilter, type DashboardFilterType, type DashboardWidget } from '@bankforge/report-engine';
import type { TFunction } from 'i18next';
import { useId, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectControl, TextControl } from '../../data-model/controls/Controls.js';
import type { DesignerLanguage } from '../../form-designer/workspace/localized.js';
import { problemMessage, problemsUnder } from '../../shell/api/problems.js';
import { fieldLabel } from '../catalog/field-label.js';
import { filterFieldChoices, filterLandings, type DashboardCatalog, type Landing } from '../model/catalog.js';
import { filterKeys } from '../model/dashboard-document.js';
import { moveFilterField, renameFilter, withFilterDefault, withFilterFields, withFilterLabel, withFilterType } from '../model/filters.js';
import type { DashboardChange } from './change.js';
import { FilterDefault } from './FilterDefault.js';
import { FilterKeyField } from './FilterKeyField.js';

export interface FilterPropertiesProps {
  dashboard: DashboardDefinition;
  filter: DashboardFilter;
  label: string;
  catalog: DashboardCatalog | null;
  language: DesignerLanguage;
  problems: readonly ProblemFieldError[];
  titleOf(widget: DashboardWidget): string;
  headingRef: Ref<HTMLHeadingElement>;
  onChange: DashboardChange;
  onRenamed(key: string): void;
  onRemove(): void;
}

/** A shared filter: key, label, type, the fields it tries in order, where it lands on each widget, and the value it opens with. */
export function FilterProperties({ dashboard, filter, label, catalog, language, problems, titleOf, headingRef, onChange, onRenamed, onRemove }: FilterPropertiesProps) {
  const { t, i18n } = useTranslation('dashboardDesigner');
  const id = useId();
  const key = filter.key;
  const path = `/filters/${(dashboard.filters ?? []).indexOf(filter)}`;
  const of = (part: string) => problemsUnder(problems, `${path}${part}`);
  const choices = catalog ? filterFieldChoices(dashboard, catalog, filter.type) : [];
  const widgetNames = (ids: readonly string[]) => ids.map((w) => dashboard.widgets.find((x) => x.id === w)).filter((w) => w !== undefined).map(titleOf).join(', ');
  const nameOf = (fieldPath: string) => {
    const choice = choices.find((c) => c.field.path === fieldPath);
    return choice && catalog ? fieldLabel(choice.field, catalog, language, t) : fieldPath;
  };
  const first = choices.find((c) => c.field.path === filter.fields[0])?.field;
  const options = first && catalog?.entities.get(first.entity)?.fields.find((f) => f.key === first.field)?.options;
  const landings = catalog ? filterLandings(dashboard, filter, catalog) : [];
  const taken = new Set([...filterKeys(dashboard)].filter((k) => k !== key));
  const fieldProblems = of('/fields');

  return (
    <>
      <h2 ref={headingRef} tabIndex={-1}>
        {t('filter.heading', { label })}
      </h2>
      {problemsUnder(problems, path).filter((p) => p.path === path).map((p, i) => (
        <p key={i} className="notice notice-warning">
          {problemMessage(p, i18n.language)}
        </p>
      ))}
      <FilterKeyField
        value={key}
        taken={taken}
        problems={of('/key')}
        onRename={(next) => {
          onChange((d) => renameFilter(d, key, next));
          onRenamed(next);
        }}
      />
      <div className="form-pair">
        <TextControl label={t('filter.labelEn')} lang="en" value={filter.label?.en ?? ''} placeholder={key} problems={of('/label/en')} onChange={(v) => onChange((d) => withFilterLabel(d, key, 'en', v), `filter:${key}:label.en`)} />
        <TextControl label={t('filter.labelZh')} lang="zh-CN" value={filter.label?.['zh-CN'] ?? ''} placeholder={key} problems={of('/label/zh-CN')} onChange={(v) => onChange((d) => withFilterLabel(d, key, 'zh-CN', v), `filter:${key}:label.zh`)} />
      </div>
      <SelectControl
        label={t('filter.type')}
        help={t(`filter.typeHelp.${filter.type}`)}
        value={filter.type}
        choices={DASHBOARD_FILTER_TYPES.map((type) => ({ value: type, label: t(`filter.types.${type}`) }))}
        problems={of('/type')}
        onChange={(type) => catalog && onChange((d) => withFilterType(d, key, type as DashboardFilterType, filterFieldChoices(d, catalog, type as DashboardFilterType)))}
      />
      <fieldset>
        <legend>{t('filter.fields.legend')}</legend>
        <p className="help" id={`${id}-fields-help`}>
          {t('filter.fields.help')}
        </p>
        <ol className="dashboard-field-list" aria-describedby={`${id}-fields-help`}>
          {filter.fields.map((fieldPath, index) => {
            const name = nameOf(fieldPath);
            const widgets = choices.find((c) => c.field.path === fieldPath)?.widgets ?? [];
            return (
              <li key={fieldPath}>
                <div className="dashboard-field-list__row">
                  <span className="dashboard-field-list__name">
                    {name}
                    {widgets.length > 0 && <span className="help">{t('filter.fields.widgets', { widgets: widgetNames(widgets) })}</span>}
                  </span>
                  <span className="row-actions">
                    <button type="button" aria-label={t('filter.fields.up', { field: name })} title={t('filter.fields.up', { field: name })} disabled={index === 0} onClick={() => onChange((d) => moveFilterField(d, key, fieldPath, -1))}>
                      ↑
                    </button>
                    <button type="button" aria-label={t('filter.fields.down', { field: name })} title={t('filter.fields.down', { field: name })} disabled={index === filter.fields.length - 1} onClick={() => onChange((d) => moveFilterField(d, key, fieldPath, 1))}>
                      ↓
                    </button>
                    <button
                      type="button"
                      aria-label={t('filter.fields.remove', { field: name })}
                      title={filter.fields.length === 1 ? t('filter.fields.lastOne') : t('filter.fields.remove', { field: name })}
                      disabled={filter.fields.length === 1}
                      onClick={() => onChange((d) => withFilterFields(d, key, filter.fields.filter((f) => f !== fieldPath)))}
                    >
                      ×
                    </button>
                  </span>
                </div>
              </li>
            );
          })}
        </ol>
        {fieldProblems.length > 0 && (
          <ul className="field-errors">
            {fieldProblems.map((p, i) => (
              <li key={i}>{problemMessage(p, i18n.language)}</li>
            ))}
          </ul>
        )}
        <SelectControl
          label={t('filter.fields.add')}
          value=""
          choices={[
            { value: '', label: t('filter.fields.choose') },
            ...choices
              .filter((c) => !filter.fields.includes(c.field.path))
              .map((c) => ({ value: c.field.path, label: `${nameOf(c.field.path)} · ${t('filter.fields.widgets', { widgets: widgetNames(c.widgets) })}` })),
          ]}
          onChange={(fieldPath) => fieldPath !== '' && onChange((d) => withFilterFields(d, key, [...filter.fields, fieldPath]))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('filter.landings.legend')}</legend>
        {dashboard.widgets.length === 0 ? (
          <p className="help">{t('filter.landings.none')}</p>
        ) : (
          <ul className="dashboard-landings">
            {landings.map((landing) => (
              <li key={landing.widget.id} className={landing.status === 'field' ? 'is-on' : 'is-off'}>
                {landingText(landing, titleOf(landing.widget), (f) => (catalog ? fieldLabel(f, catalog, language, t) : f.path), t)}
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset>
        <legend>{t('filter.default.legend')}</legend>
        <FilterDefault filter={filter} options={options} language={language} onChange={(value) => onChange((d) => withFilterDefault(d, key, value), `filter:${key}:default`)} />
      </fieldset>
      <div className="button-row">
        <button type="button" className="danger" onClick={onRemove}>
          {t('filter.remove')}
        </button>
      </div>
    </>
  );
}

function landingText(landing: Landing, widget: string, field: (f: Extract<Landing, { status: 'field' }>['field']) => string, t: TFunction): string {
  switch (landing.status) {
    case 'field':
      return t(landing.chosen ? 'filter.landings.chosen' : 'filter.landings.field', { widget, field: field(landing.field) });
    case 'off':
      return t('filter.landings.off', { widget });
    case 'none':
      return t('filter.landings.missing', { widget });
    case 'unknown':
      return t('filter.landings.unknown', { widget });
  }
}
