/** Messages of the shared shell pieces (i18next namespace `appShell`); every key exists in both languages. */
export const appShellMessages = {
  en: {
    language: { label: 'Language', en: 'English', zh: '中文' },
    user: { signedInAs: 'Signed in as {{name}}', signOut: 'Sign out', signingOut: 'Signing out…' },
    chart: {
      loading: 'Loading the chart…',
      failed: 'The chart could not be drawn. Reload the page to try again.',
      noData: 'No data.',
      empty: '(empty)',
      yes: 'Yes',
      no: 'No',
      data: 'Data',
      comparison: 'vs {{label}} ({{value}})',
    },
  },
  'zh-CN': {
    language: { label: '语言', en: 'English', zh: '中文' },
    user: { signedInAs: '当前用户：{{name}}', signOut: '退出登录', signingOut: '正在退出…' },
    chart: {
      loading: '正在加载图表…',
      failed: '无法绘制图表。请刷新页面重试。',
      noData: '没有数据。',
      empty: '（空）',
      yes: '是',
      no: '否',
      data: '数据',
      comparison: '对比{{label}}（{{value}}）',
    },
  },
} satisfies Record<'en' | 'zh-CN', Record<string, unknown>>;

export const APP_SHELL_NAMESPACE = 'appShell';
