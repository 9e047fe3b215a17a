import { WIDGETS_FOR_FIELD_TYPE, type FormFieldNode, type FormRepeatingGroup, type WidgetType } from '@bankforge/form-engine';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../workspace/DesignerContext.js';
import { localized } from '../workspace/localized.js';
import { DefaultValueInput } from './DefaultValueInput.js';
import { LocalizedTextFields } from './LocalizedTextFields.js';
import { OptionsEditor } from './OptionsEditor.js';
import { RuleField } from './RuleField.js';
import { useNodeChange, withOptional } from './useNodeChange.js';
import { CHOICE_WIDGETS } from './widgets.js';

/**
 * A placed field, or a column of a repeating `group`: texts, widget, default, rules and options.
 * A column's rules are evaluated per row, where the row's own values are `item`.
 */
export function FieldProperties({ node, group }: { node: FormFieldNode; group?: FormRepeatingGroup }) {
  const { t } = useTranslation('formDesigner');
  const { entity, entities, fieldNames, language } = useDesigner();
  const set = useNodeChange(node);
  const id = useId();
  const subject = group ? (entities[group.entity] ?? null) : entity;
  const field = subject?.fields.find((f) => f.key === node.field);
  const names = useMemo(() => (group ? new Set([...fieldNames, 'item']) : fieldNames), [group, fieldNames]);
  // Only the widgets that can hold the field's values (publishing refuses the others).
  const widgets = field ? WIDGETS_FOR_FIELD_TYPE[field.type] : [];
  const widget = node.widget ?? widgets[0];

  return (
    <>
      <p className="fd-properties__subject">
        {field ? t('properties.fieldOf', { label: localized(field.label, language), key: field.key, type: field.type }) : t('properties.unknownField', { key: node.field })}
      </p>
      <LocalizedTextFields name={t('properties.label')} optional value={node.label} onChange={(v) => set('label', (n) => withOptional(n, 'label', v))} />
      <LocalizedTextFields name={t('properties.help')} optional value={node.help} onChange={(v) => set('help', (n) => withOptional(n, 'help', v))} />
      <LocalizedTextFields name={t('properties.placeholder')} optional value={node.placeholder} onChange={(v) => set('placeholder', (n) => withOptional(n, 'placeholder', v))} />
      {widgets.length > 0 && (
        <>
          <label htmlFor={`${id}-widget`}>{t('properties.widget')}</label>
          <select id={`${id}-widget`} value={node.widget ?? ''} onChange={(e) => set('widget', (n) => withOptional(n, 'widget', e.target.value as WidgetType | ''))}>
            <option value="">{t('properties.defaultWidget', { widget: t(`widget.${widgets[0]}`) })}</option>
            {widgets.map((w) => (
              <option key={w} value={w}>
                {t(`widget.${w}`)}
              </option>
            ))}
          </select>
        </>
      )}
      {field && <DefaultValueInput field={field} value={node.default} onChange={(v) => set('default', (n) => withOptional(n, 'default', v))} />}
      {group && <p className="help">{t('properties.cellRulesHelp')}</p>}
      <RuleField label={t('rules.visibleWhen')} names={names} value={node.visibleWhen} onChange={(v) => set('visibleWhen', (n) => withOptional(n, 'visibleWhen', v))} />
      <RuleField label={t('rules.requiredWhen')} names={names} value={node.requiredWhen} onChange={(v) => set('requiredWhen', (n) => withOptional(n, 'requiredWhen', v))} />
      <RuleField label={t('rules.readonlyWhen')} names={names} value={node.readonlyWhen} onChange={(v) => set('readonlyWhen', (n) => withOptional(n, 'readonlyWhen', v))} />
      <RuleField label={t('rules.value')} names={names} value={node.value} onChange={(v) => set('value', (n) => withOptional(n, 'value', v))} />
      {widget !== undefined && CHOICE_WIDGETS.has(widget) && <OptionsEditor value={node.options} onChange={(v) => set('options', (n) => withOptional(n, 'options', v))} />}
    </>
  );
}
