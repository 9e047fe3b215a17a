/** Messages of the app shell (i18next namespace `shell`); every key exists in both languages. */
export const shellMessages = {
  en: {
    appName: 'BankForge',
    loading: 'Loading…',
    skipToContent: 'Skip to content',
    retry: 'Retry',
    nav: { label: 'Main', approvals: 'Approvals', more: 'More', morePages: 'More pages' },
    apps: {
      switcher: 'App',
      title: 'Choose an app',
      none: 'No app is published for you yet. Ask an analyst to publish one, or your administrator for access.',
      loadFailed: 'The apps could not be loaded.',
      notFound: 'There is no app "{{app}}", or you have no access to it.',
    },
    notFound: { title: 'Page not found', home: 'Go to the start page' },
    problem: { unexpected: 'Something went wrong.' },
  },
  'zh-CN': {
    appName: 'BankForge',
    loading: '正在加载…',
    skipToContent: '跳到主要内容',
    retry: '重试',
    nav: { label: '主导航', approvals: '审批', more: '更多', morePages: '更多页面' },
    apps: {
      switcher: '应用',
      title: '选择应用',
      none: '还没有为您发布的应用。请业务分析师发布应用，或请管理员为您开通权限。',
      loadFailed: '无法加载应用。',
      notFound: '应用“{{app}}”不存在，或您没有访问权限。',
    },
    notFound: { title: '页面不存在', home: '返回首页' },
    problem: { unexpected: '出现错误。' },
  },
} as const;
