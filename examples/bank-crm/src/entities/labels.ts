import type { EntityDefinition, FieldDefinition } from '@bankforge/data-model';

type LocalizedText = EntityDefinition['label'];
type SelectOption = NonNullable<FieldDefinition['options']>[number];

/** A label in both shipped languages. */
export function text(en: string, zh: string): LocalizedText {
  return { en, 'zh-CN': zh };
}

/** A select option; a tag's option may name its chip colour. */
export function option(value: string, en: string, zh: string, color?: SelectOption['color']): SelectOption {
  return color ? { value, label: text(en, zh), color } : { value, label: text(en, zh) };
}
