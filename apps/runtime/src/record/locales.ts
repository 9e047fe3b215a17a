/** Messages of the record page (i18next namespace `record`); every key exists in both languages. */
export const recordMessages = {
  en: {
    newTitle: 'New {{entity}}',
    title: '{{entity}}',
    back: 'Back to the list',
    loading: 'Loading the record…',
    loadFailed: 'The record could not be loaded.',
    save: 'Save',
    saving: 'Saving…',
    saved: 'Saved',
    created: 'Saved',
    saveFailed: 'The record was not saved.',
    rejected: {
      title: 'The record was not saved: the server found problems.',
      hint: 'Correct the marked fields, then save again.',
    },
    formProblems: 'The form of this entity cannot be used; all fields are shown instead.',
    conflict: {
      title: 'Someone else changed this record',
      detail: 'It was saved by someone else after you opened it (your copy is version {{expected}}, the latest is version {{current}}). Reload the latest version to see their changes (your unsaved edits are lost), or keep editing to copy what you need first.',
      reload: 'Reload',
      keepEditing: 'Keep editing',
    },
  },
  'zh-CN': {
    newTitle: '新建{{entity}}',
    title: '{{entity}}',
    back: '返回列表',
    loading: '正在加载记录…',
    loadFailed: '无法加载该记录。',
    save: '保存',
    saving: '正在保存…',
    saved: '已保存',
    created: '已保存',
    saveFailed: '记录未保存。',
    rejected: {
      title: '记录未保存：服务器发现了问题。',
      hint: '请修正标出的字段后再保存。',
    },
    formProblems: '此实体的表单无法使用，已改为显示全部字段。',
    conflict: {
      title: '其他人已修改此记录',
      detail: '在您打开之后，其他人保存了此记录（您的副本是第 {{expected}} 版，最新是第 {{current}} 版）。重新加载可查看最新内容（您未保存的修改将丢失），或继续编辑，先复制您需要的内容。',
      reload: '重新加载',
      keepEditing: '继续编辑',
    },
  },
} as const;
