/** Messages of the shared shell pieces (i18next namespace `appShell`); every key exists in both languages. */
export const appShellMessages = {
  en: {
    language: { label: 'Language', en: 'English', zh: '中文' },
    user: { signedInAs: 'Signed in as {{name}}', signOut: 'Sign out', signingOut: 'Signing out…' },
  },
  'zh-CN': {
    language: { label: '语言', en: 'English', zh: '中文' },
    user: { signedInAs: '当前用户：{{name}}', signOut: '退出登录', signingOut: '正在退出…' },
  },
} satisfies Record<'en' | 'zh-CN', Record<string, unknown>>;

export const APP_SHELL_NAMESPACE = 'appShell';
