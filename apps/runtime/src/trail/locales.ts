/** Messages of the approval trail (i18next namespace `trail`); every key exists in both languages. */
export const trailMessages = {
  en: {
    title: 'Approval trail',
    empty: 'Nothing has happened on this case yet.',
    by: 'By {{name}}',
    system: 'By the system',
    step: 'Step: {{step}}',
    people: 'Also: {{people}}',
    comment: 'Comment',
  },
  'zh-CN': {
    title: '审批记录',
    empty: '此申请尚无任何记录。',
    by: '操作人：{{name}}',
    system: '系统自动处理',
    step: '步骤：{{step}}',
    people: '相关人员：{{people}}',
    comment: '意见',
  },
} as const;
