/** Messages of the login page (i18next namespace `login`); every key exists in both languages. */
export const loginMessages = {
  en: {
    title: 'Sign in to BankForge',
    username: 'Username',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    wrongCredentials: 'The username or password is wrong.',
    tooManyAttempts: 'Too many sign-in attempts. Wait a minute, then try again.',
    failed: 'Signing in failed: {{message}}',
  },
  'zh-CN': {
    title: '登录 BankForge',
    username: '用户名',
    password: '密码',
    signIn: '登录',
    signingIn: '正在登录…',
    wrongCredentials: '用户名或密码错误。',
    tooManyAttempts: '登录尝试次数过多，请稍候一分钟再试。',
    failed: '登录失败：{{message}}',
  },
} as const;
