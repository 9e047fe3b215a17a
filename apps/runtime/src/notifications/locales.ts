/** Messages of the notifications menu (i18next namespace `notifications`); every key exists in both languages. */
export const notificationMessages = {
  en: {
    button: 'Notifications',
    unread_one: 'Notifications, {{count}} unread',
    unread_other: 'Notifications, {{count}} unread',
    title: 'Notifications',
    loading: 'Loading notifications…',
    loadFailed: 'The notifications could not be loaded.',
    empty: 'No notifications.',
    markAll: 'Mark all as read',
    unreadMark: 'Unread',
  },
  'zh-CN': {
    button: '通知',
    unread_one: '通知，{{count}} 条未读',
    unread_other: '通知，{{count}} 条未读',
    title: '通知',
    loading: '正在加载通知…',
    loadFailed: '无法加载通知。',
    empty: '没有通知。',
    markAll: '全部标为已读',
    unreadMark: '未读',
  },
} as const;
