/** Messages of the administrators' view of bulk imports (under `imports` in the `admin` namespace). */
export const importMessages = {
  en: {
    title: 'Imports',
    help: 'Every bulk import people have uploaded, newest first. People run, check and roll back their own imports in the app (the Import page of an entity); roles grant it with the Import operation.',
    empty: 'No one has imported a file yet.',
    emptyHint: 'People start an import from an entity\'s Import page in the app.',
    refresh: 'Refresh',
    columns: { file: 'File', entity: 'Entity', by: 'Uploaded by', when: 'Uploaded', mode: 'Run', status: 'Status', rows: 'Rows', outcome: 'Created / updated / skipped / with errors' },
    mode: { dryRun: 'Dry run', commit: 'Import', none: '—' },
    status: { uploaded: 'Uploaded', queued: 'Queued', running: 'Running', done: 'Done', failed: 'Failed', rollingBack: 'Rolling back', rolledBack: 'Rolled back', rollbackFailed: 'Rollback stopped', expired: 'Expired (file deleted)' },
    outcome: '{{created}} / {{updated}} / {{skipped}} / {{failed}}',
  },
  'zh-CN': {
    title: '导入',
    help: '所有人上传的批量导入，最新的在前。导入的运行、试运行和回滚由本人在应用中完成（实体的导入页）；角色通过“导入”操作授予此权限。',
    empty: '还没有人导入过文件。',
    emptyHint: '导入由用户在应用中实体的导入页发起。',
    refresh: '刷新',
    columns: { file: '文件', entity: '实体', by: '上传人', when: '上传时间', mode: '运行', status: '状态', rows: '行数', outcome: '新建 / 更新 / 跳过 / 有错误' },
    mode: { dryRun: '试运行', commit: '导入', none: '—' },
    status: { uploaded: '已上传', queued: '排队中', running: '进行中', done: '完成', failed: '失败', rollingBack: '回滚中', rolledBack: '已回滚', rollbackFailed: '回滚已中止', expired: '已过期（文件已删除）' },
    outcome: '{{created}} / {{updated}} / {{skipped}} / {{failed}}',
  },
} as const;
