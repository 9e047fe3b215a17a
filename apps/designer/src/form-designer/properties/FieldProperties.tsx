import { WIDGETS_FOR_FIELD_TYPE, type FormFieldNode, type WidgetType } from '@bankforge/form-engine';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesigner } from '../workspace/DesignerContext.js';
import { localized } from '../workspace/localized.js';
import { DefaultValueInput } from './DefaultValueInput.js';
import { LocalizedTextFields } from './LocalizedTextFields.js';
import { OptionsEditor } from './OptionsEditor.js';
import { RuleField } from './RuleField.js';
import { useNodeChange, withOptional } from './useNodeChange.js';
import { CHOICE_WIDGETS } from './widgets.js';

/** A placed field: texts, widget, default, rules and options. */
export function FieldProperties({ node }: { node: FormFieldNode }) {
  const { t } = useTranslation('formDesigner');
  const { entity, language } = useDesigner();
  const set = useNodeChange(node);
  const id = useId();
  const field = entity?.fields.find((f) => f.key === node.field);
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
      <RuleField label={t('rules.visibleWhen')} value={node.visibleWhen} onChange={(v) => set('visibleWhen', (n) => withOptional(n, 'visibleWhen', v))} />
      <RuleField label={t('rules.requiredWhen')} value={node.requiredWhen} onChange={(v) => set('requiredWhen', (n) => withOptional(n, 'requiredWhen', v))} />
      <RuleField label={t('rules.readonlyWhen')} value={node.readonlyWhen} onChange={(v) => set('readonlyWhen', (n) => withOptional(n, 'readonlyWhen', v))} />
      <RuleField label={t('rules.value')} value={node.value} onChange={(v) => set('value', (n) => withOptional(n, 'value', v))} />
      {widget !== undefined && CHOICE_WIDGETS.has(widget) && <OptionsEditor value={node.options} onChange={(v) => set('options', (n) => withOptional(n, 'options', v))} />}
    </>
  );
}
