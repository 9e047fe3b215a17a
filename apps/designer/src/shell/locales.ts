/** Messages of this area (i18next namespace `shell`); every key exists in both languages. */
export const shellMessages = {
  en: {},
  'zh-CN': {},
} satisfies Record<'en' | 'zh-CN', Record<string, unknown>>;
