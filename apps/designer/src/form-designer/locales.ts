/** Messages of this area (i18next namespace `formDesigner`); every key exists in both languages. */
export const formDesignerMessages = {
  en: {},
  'zh-CN': {},
} satisfies Record<'en' | 'zh-CN', Record<string, unknown>>;
