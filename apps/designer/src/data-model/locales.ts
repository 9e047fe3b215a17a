/** Messages of this area (i18next namespace `dataModel`); every key exists in both languages. */
export const dataModelMessages = {
  en: {},
  'zh-CN': {},
} satisfies Record<'en' | 'zh-CN', Record<string, unknown>>;
