import type { ProblemFieldError } from '@bankforge/client';
import type { EntityDefinition } from '@bankforge/data-model';
import { useTranslation } from 'react-i18next';
import { problemsUnder } from '../../shell/api/problems.js';
import { ListControl, TextControl } from '../controls/Controls.js';
import { withProperty, withText } from '../entity-document/entity-edits.js';

export interface EntityPropertiesProps {
  entity: EntityDefinition;
  problems: readonly ProblemFieldError[];
  onChange: (change: (entity: EntityDefinition) => EntityDefinition, label?: string) => void;
}

/** The entity's own properties; its key is shown but fixed (it names the table). */
export function EntityProperties({ entity, problems, onChange }: EntityPropertiesProps) {
  const { t } = useTranslation('dataModel');
  const of = (path: string) => problemsUnder(problems, path);
  const plural = entity.pluralLabel;

  return (
    <div className="entity-properties">
      <div className="form-row">
        <span className="label">{t('entity.key')}</span>
        <code>{entity.key}</code>
        <p className="help">{t('entity.keyFixed')}</p>
      </div>
      <TextControl label={t('entity.title')} value={entity.title} problems={of('/title')} onChange={(title) => onChange((e) => ({ ...e, title }), 'entity:title')} />
      <div className="form-pair">
        <TextControl label={t('entity.labelEn')} lang="en" value={entity.label.en} problems={of('/label/en')} onChange={(v) => onChange((e) => ({ ...e, label: withText(e.label, 'en', v) }), 'entity:label.en')} />
        <TextControl label={t('entity.labelZh')} lang="zh-CN" value={entity.label['zh-CN']} problems={of('/label/zh-CN')} onChange={(v) => onChange((e) => ({ ...e, label: withText(e.label, 'zh-CN', v) }), 'entity:label.zh')} />
      </div>
      <div className="form-pair">
        <TextControl label={t('entity.pluralEn')} lang="en" value={plural?.en ?? ''} problems={of('/pluralLabel')} onChange={(v) => onChange((e) => withPlural(e, 'en', v), 'entity:plural.en')} />
        <TextControl label={t('entity.pluralZh')} lang="zh-CN" value={plural?.['zh-CN'] ?? ''} onChange={(v) => onChange((e) => withPlural(e, 'zh-CN', v), 'entity:plural.zh')} />
      </div>
      <TextControl label={t('entity.description')} multiline value={entity.description ?? ''} problems={of('/description')} onChange={(v) => onChange((e) => withProperty(e, 'description', v), 'entity:description')} />
      <ListControl
        label={t('entity.consentPurposes')}
        help={t('entity.consentHelp')}
        value={entity.consentPurposes}
        problems={of('/consentPurposes')}
        onChange={(v) => onChange((e) => withProperty(e, 'consentPurposes', v), 'entity:consentPurposes')}
      />
    </div>
  );
}

/** The plural label is optional: cleared in both languages, it is removed. */
function withPlural(entity: EntityDefinition, language: 'en' | 'zh-CN', value: string): EntityDefinition {
  const text = withText(entity.pluralLabel, language, value);
  return withProperty(entity, 'pluralLabel', text.en === '' && text['zh-CN'] === '' ? undefined : text);
}
