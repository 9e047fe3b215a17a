import type { LocalizedText } from '@bankforge/data-model';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface LocalizedTextFieldsProps {
  /** The property's name in the designer's language, e.g. "Label". */
  name: string;
  value: LocalizedText | undefined;
  /** Undefined when both texts are empty and the text is optional. */
  onChange(value: LocalizedText | undefined): void;
  optional?: boolean;
}

/** One text in both languages: two labelled inputs, "Label (English)" and "Label (Chinese)". */
export function LocalizedTextFields({ name, value, onChange, optional = false }: LocalizedTextFieldsProps) {
  const { t } = useTranslation('formDesigner');
  const id = useId();
  const set = (language: keyof LocalizedText, text: string) => {
    const next: LocalizedText = { en: value?.en ?? '', 'zh-CN': value?.['zh-CN'] ?? '', [language]: text };
    onChange(optional && next.en === '' && next['zh-CN'] === '' ? undefined : next);
  };
  return (
    <div className="fd-localized">
      <label htmlFor={`${id}-en`}>{t('properties.inEnglish', { name })}</label>
      <input id={`${id}-en`} lang="en" value={value?.en ?? ''} onChange={(e) => set('en', e.target.value)} />
      <label htmlFor={`${id}-zh`}>{t('properties.inChinese', { name })}</label>
      <input id={`${id}-zh`} lang="zh-CN" value={value?.['zh-CN'] ?? ''} onChange={(e) => set('zh-CN', e.target.value)} />
    </div>
  );
}
