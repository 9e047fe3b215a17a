import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n, setLanguage } from './init-i18n.js';
import { initialLanguage, LANGUAGE_STORAGE_KEY, languageOf } from './languages.js';

beforeAll(async () => {
  localStorage.clear();
  await initI18n({ namespaces: { shell: { en: { hello: 'Hello' }, 'zh-CN': { hello: '你好' } } }, defaultNS: 'shell', language: 'en' });
});

describe('initI18n', () => {
  it("serves the app's namespaces and the shared one, and marks the page's language", async () => {
    expect(i18next.t('hello')).toBe('Hello');
    expect(i18next.t('user.signOut', { ns: 'appShell' })).toBe('Sign out');
    expect(document.documentElement.lang).toBe('en');
    setLanguage('zh-CN');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(i18next.t('hello')).toBe('你好');
    expect(i18next.t('user.signOut', { ns: 'appShell' })).toBe('退出登录');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
  });
});

describe('initialLanguage', () => {
  it('takes the stored choice first, else the browser language', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(initialLanguage()).toBe('en');
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(initialLanguage()).toBe(navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
  });
});

describe('languageOf', () => {
  it('reads every Chinese code as zh-CN and the rest as English', () => {
    expect(['zh', 'zh-CN', 'zh-Hans', 'en-GB', 'fr'].map(languageOf)).toEqual(['zh-CN', 'zh-CN', 'zh-CN', 'en', 'en']);
  });
});
