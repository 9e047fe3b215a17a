import type { ImportJob } from '@bankforge/client';
import { fakeApi, renderPage, sequence } from '@bankforge/app-shell/testing';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { customerPage } from '../testing/customer.js';
import { initTestI18n } from '../testing/i18n.js';
import ImportPage from './ImportPage.js';

const uploaded: ImportJob = {
  id: '0190f0a0-0000-7000-8000-000000000001',
  entity: 'customer',
  fileName: '客户.csv',
  format: 'csv',
  sizeBytes: 120,
  columns: [
    { header: '姓名', field: 'full_name' },
    { header: '身份证号', field: 'resident_id' },
    { header: '备注', field: null },
  ],
  match: null,
  mode: null,
  status: 'uploaded',
  rowsTotal: null,
  rowsDone: 0,
  progress: 0,
  created: 0,
  updated: 0,
  skipped: 0,
  failed: 0,
  problemCount: 0,
  createdBy: 'u1',
  createdAt: '2026-12-07T06:00:00.000Z',
  startedAt: null,
  finishedAt: null,
  error: null,
  rollback: null,
};

// The browser's XMLHttpRequest upload is replaced: the page's part is what it does with the answer.
vi.mock('./upload-file.js', () => ({
  uploadImportFile: (_entity: string, _file: File, onProgress: (share: number) => void) => {
    onProgress(1);
    return Promise.resolve(uploaded);
  },
}));

beforeEach(async () => {
  await initTestI18n('en');
});
afterEach(cleanup);

describe('the import page', () => {
  it('uploads, shows the proposed mapping to edit, dry-runs and lists the rows with errors', async () => {
    const queued = { ...uploaded, match: { field: 'resident_id', onMatch: 'update', onNew: 'create' }, mode: 'dryRun', status: 'queued' } as ImportJob;
    const done = { ...queued, status: 'done', rowsTotal: 3, rowsDone: 3, progress: 1, updated: 2, failed: 1, problemCount: 1 } as ImportJob;
    const server = fakeApi({
      'GET /api/runtime/entities/customer': { body: customerPage },
      [`PUT /api/imports/${uploaded.id}`]: { body: { ...uploaded, match: queued.match } },
      [`POST /api/imports/${uploaded.id}/dry-run`]: { status: 202, body: queued },
      [`GET /api/imports/${uploaded.id}`]: sequence({ body: { ...queued, status: 'running', rowsDone: 1, progress: 0.4 } }, { body: done }),
      // The list as read before the run, then after it: the page's own job is said as it follows it.
      'GET /api/imports': sequence({ body: [] }, { body: [uploaded] }, { body: [uploaded, { ...uploaded, id: '0190f0a0-0000-7000-8000-000000000009', fileName: '上月.csv' }] }),
      [`GET /api/imports/${uploaded.id}/problems?limit=200`]: {
        body: { items: [{ row: 4, path: '/resident_id', code: 'residentIdChecksum', message: 'Resident ID has a wrong check character (the last character)', messageZh: '身份证号的校验码（最后一位）不正确' }], total: 1 },
      },
    });
    renderPage(<ImportPage />, server.client, { path: '/crm/customer/import', pattern: '/:app/:entity/import' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Import Customers' });
    const steps = screen.getByRole('list', { name: 'Steps of the import' });
    expect(within(steps).getByText('Upload a file').closest('li')?.getAttribute('aria-current')).toBe('step');
    // The page's own button and the file chosen, in the UI language (not the browser's "Choose File").
    const choose = screen.getByRole('button', { name: 'Choose a file…' });
    expect(choose.getAttribute('aria-describedby') && document.getElementById(choose.getAttribute('aria-describedby')!)?.textContent).toBe('No file chosen');
    await user.upload(screen.getByLabelText('CSV or XLSX file'), new File(['姓名,身份证号,备注\n'], '客户.csv', { type: 'text/csv' }));
    expect(screen.getByText('客户.csv (0 KB)')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Upload' }));

    const field = await screen.findByRole('combobox', { name: 'Field for column 身份证号' });
    expect((field as HTMLSelectElement).value).toBe('resident_id');
    // The unmapped column is given a field, with the keyboard's select.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Field for column 备注' }), 'Tier');
    expect((screen.getByRole('combobox', { name: 'Match rows to records by' }) as HTMLSelectElement).value).toBe('resident_id');

    await user.click(screen.getByRole('button', { name: 'Dry run' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Done: 3 rows'), { timeout: 5000 });
    const saved = server.requests.find((r) => r.method === 'PUT');
    expect(saved?.body).toEqual({
      columns: [
        { header: '姓名', field: 'full_name' },
        { header: '身份证号', field: 'resident_id' },
        { header: '备注', field: 'tier' },
      ],
      match: { field: 'resident_id', onMatch: 'update', onNew: 'create' },
    });
    expect(screen.getByText('2 to update')).toBeTruthy();
    const problems = await screen.findByRole('table', { name: 'Rows with errors' });
    expect(within(problems).getAllByRole('cell').map((c) => c.textContent)).toEqual(['4', 'Resident ID', 'Resident ID has a wrong check character (the last character)']);
    expect(screen.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value')).toBe('1');
    expect(within(steps).getByText('Dry run').closest('li')?.getAttribute('aria-current')).toBe('step');
    // The recent imports were read again as the job changed state: the finished dry run is said so, not "uploaded".
    const recent = await screen.findByRole('navigation', { name: 'Your recent imports' });
    await waitFor(() => expect(within(recent).getAllByRole('link').map((a) => a.textContent)).toEqual(['客户.csv', '上月.csv']));
    expect(within(within(recent).getAllByRole('row')[1]!).getByText('dry run done')).toBeTruthy();
    expect(within(within(recent).getAllByRole('row')[2]!).getByText('uploaded')).toBeTruthy();
  });

  it('once its import has run, keeps the Upload button disabled and says why, until New import', async () => {
    const match = { field: 'resident_id', onMatch: 'update', onNew: 'create' } as const;
    const queued = { ...uploaded, match, mode: 'commit', status: 'queued' } as ImportJob;
    const server = fakeApi({
      'GET /api/runtime/entities/customer': { body: customerPage },
      [`PUT /api/imports/${uploaded.id}`]: { body: { ...uploaded, match } },
      [`POST /api/imports/${uploaded.id}/run`]: { status: 202, body: queued },
      [`GET /api/imports/${uploaded.id}`]: { body: { ...queued, status: 'done', rowsTotal: 1, rowsDone: 1, progress: 1, created: 1 } },
      [`GET /api/imports/${uploaded.id}/problems?limit=200`]: { body: { items: [], total: 0 } },
      'GET /api/imports': { body: [] },
    });
    renderPage(<ImportPage />, server.client, { path: '/crm/customer/import', pattern: '/:app/:entity/import' });
    const user = userEvent.setup();
    await screen.findByRole('heading', { name: 'Import Customers' });
    await user.upload(screen.getByLabelText('CSV or XLSX file'), new File(['姓名,身份证号,备注\n'], '客户.csv', { type: 'text/csv' }));
    const upload = screen.getByRole('button', { name: 'Upload' }) as HTMLButtonElement;
    await user.click(upload);
    await user.click(await screen.findByRole('button', { name: 'Run import' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Done: 1 rows'), { timeout: 5000 });
    // The file is still chosen, but the finished import does not take another upload: the button says why.
    expect(upload.disabled).toBe(true);
    expect(document.getElementById(upload.getAttribute('aria-describedby') ?? '')?.textContent).toBe('This import has run. To upload another file, choose New import below.');
    expect((screen.getByRole('button', { name: 'Choose another file…' }) as HTMLButtonElement).disabled).toBe(true);
    await user.click(screen.getByRole('button', { name: 'New import' }));
    await user.upload(screen.getByLabelText('CSV or XLSX file'), new File(['姓名\n'], '下月.csv', { type: 'text/csv' }));
    expect(upload.disabled).toBe(false);
    expect(upload.getAttribute('aria-describedby')).toBeNull();
  });

  it('says which columns are required before the upload, marks them in the mapping, and holds the runs back while one is unmapped', async () => {
    const server = fakeApi({ 'GET /api/runtime/entities/customer': { body: customerPage }, 'GET /api/imports': { body: [] } });
    renderPage(<ImportPage />, server.client, { path: '/crm/customer/import', pattern: '/:app/:entity/import' });
    const user = userEvent.setup();
    expect(await screen.findByText('Columns required to create records: Full name.')).toBeTruthy();
    await user.upload(screen.getByLabelText('CSV or XLSX file'), new File(['姓名,身份证号,备注\n'], '客户.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Upload' }));
    const nameColumn = await screen.findByRole('combobox', { name: 'Field for column 姓名' });
    expect(within(nameColumn).getByRole('option', { selected: true }).textContent).toBe('Full name (required)');
    const dryRun = screen.getByRole('button', { name: 'Dry run' }) as HTMLButtonElement;
    expect(dryRun.disabled).toBe(false);
    expect(screen.queryByText(/^No column maps to/)).toBeNull();
    await user.selectOptions(nameColumn, '— not imported —');
    const warning = screen.getByText('No column maps to Full name (required): every row that creates a record would fail. Map a column to each, or choose “Skip the row” for rows that match none.');
    expect(dryRun.disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Run import' }) as HTMLButtonElement).disabled).toBe(true);
    expect(dryRun.getAttribute('aria-describedby')).toBe(warning.id);
    // Rows that match none are skipped: nothing is created, so nothing is required.
    await user.selectOptions(screen.getByRole('combobox', { name: 'When a row matches none' }), 'Skip the row');
    expect(screen.queryByText(/^No column maps to/)).toBeNull();
    expect(dryRun.disabled).toBe(false);
    expect(server.requests.some((r) => r.method === 'PUT')).toBe(false);
  });

  it('takes a file dropped on its zone, and speaks Chinese', async () => {
    await initTestI18n('zh-CN');
    const server = fakeApi({ 'GET /api/runtime/entities/customer': { body: customerPage }, 'GET /api/imports': { body: [] } });
    renderPage(<ImportPage />, server.client, { path: '/crm/customer/import', pattern: '/:app/:entity/import' });
    const choose = await screen.findByRole('button', { name: '选择文件…' });
    expect((screen.getByRole('button', { name: '上传' }) as HTMLButtonElement).disabled).toBe(true);
    const file = new File(['x'.repeat(2048)], '客户名单.xlsx');
    fireEvent.drop(choose.closest('.file-drop')!, { dataTransfer: { files: [file], types: ['Files'] } });
    expect(screen.getByText('客户名单.xlsx（2 KB）')).toBeTruthy();
    expect(screen.getByRole('button', { name: '另选文件…' })).toBeTruthy();
    expect(screen.getByText('新建记录必需的列：姓名。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '上传' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says why an import left unrun past the retention cannot run, and offers only a new upload', async () => {
    const expired = { ...uploaded, status: 'expired', error: { message: 'The uploaded file was deleted after 24 hours without an import run.', messageZh: '上传的文件在 24 小时内未执行导入，已被删除。' } } as ImportJob;
    const server = fakeApi({
      'GET /api/runtime/entities/customer': { body: customerPage },
      [`GET /api/imports/${uploaded.id}`]: { body: expired },
      'GET /api/imports': { body: [expired] },
    });
    renderPage(<ImportPage />, server.client, { path: `/crm/customer/import?job=${uploaded.id}`, pattern: '/:app/:entity/import' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Expired: The uploaded file was deleted after 24 hours without an import run.'));
    expect((screen.getByRole('button', { name: 'Dry run' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole('button', { name: 'Run import' }) as HTMLButtonElement).disabled).toBe(true);
    const recent = await screen.findByRole('navigation', { name: 'Your recent imports' });
    expect(within(recent).getByText('expired, file deleted')).toBeTruthy();
  });

  it('opens an earlier import again from ?job=, with its outcome, its rollback and the recent imports', async () => {
    const committed = { ...uploaded, match: { field: 'resident_id', onMatch: 'update', onNew: 'create' }, mode: 'commit', status: 'done', rowsTotal: 2, rowsDone: 2, progress: 1, updated: 2 } as ImportJob;
    const server = fakeApi({
      'GET /api/runtime/entities/customer': { body: customerPage },
      // Opened, then read again as its rollback runs in the background, until it is rolled back.
      [`GET /api/imports/${uploaded.id}`]: sequence({ body: committed }, { body: { ...committed, status: 'rolledBack', progress: 1, rollback: { total: 2, removed: 0, restored: 2, changedSince: 0 } } }),
      'GET /api/imports': { body: [committed, { ...committed, id: '0190f0a0-0000-7000-8000-000000000002', fileName: '其他.xlsx', entity: 'contact' }] },
      [`GET /api/imports/${uploaded.id}/problems?limit=200`]: { body: { items: [], total: 0 } },
      [`POST /api/imports/${uploaded.id}/rollback`]: { status: 202, body: { ...committed, status: 'rollingBack', progress: 0.5, rollback: { total: 2, removed: 0, restored: 1, changedSince: 0 } } },
    });
    renderPage(<ImportPage />, server.client, { path: `/crm/customer/import?job=${uploaded.id}`, pattern: '/:app/:entity/import' });
    const user = userEvent.setup();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Done: 2 rows'));
    // Only this entity's imports are listed.
    const recent = await screen.findByRole('navigation', { name: 'Your recent imports' });
    expect(within(recent).getAllByRole('link').map((a) => a.textContent)).toEqual(['客户.csv']);
    // A finished run offers a new import, not a Run button that stays greyed out.
    expect(screen.queryByRole('button', { name: 'Run import' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Dry run' })).toBeNull();
    expect(screen.getByText('This file has been imported. To import more rows, start a new import.')).toBeTruthy();
    // The rollback, its question and its answer sit in the run's own panel.
    const outcome = screen.getByRole('region', { name: 'Import' });
    await user.click(within(outcome).getByRole('button', { name: 'Roll back this import' }));
    // Escape answers "keep": the question goes, nothing is rolled back, and the focus is back on its button.
    expect(document.activeElement).toBe(within(within(outcome).getByRole('alertdialog')).getByRole('button', { name: 'Roll back' }));
    await user.keyboard('{Escape}');
    expect(within(outcome).queryByRole('alertdialog')).toBeNull();
    expect(document.activeElement).toBe(within(outcome).getByRole('button', { name: 'Roll back this import' }));
    await user.keyboard('{Enter}');
    await user.click(within(within(outcome).getByRole('alertdialog')).getByRole('button', { name: 'Roll back' }));
    expect((await within(outcome).findByText('Rolling back: 1 of 2 records dealt with so far')).tagName).toBe('P');
    expect((within(outcome).getByRole('progressbar', { name: 'Import progress' }) as HTMLProgressElement).value).toBe(0.5);
    expect((await within(outcome).findByText(/^Rolled back: 0 removed, 2 restored/, undefined, { timeout: 3000 })).textContent).toContain('0 left');

    await user.click(screen.getByRole('button', { name: 'New import' }));
    expect(screen.queryByRole('region', { name: 'Import' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Match rows to records by' })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Upload a file' }));
    expect((screen.getByRole('button', { name: 'Upload' }) as HTMLButtonElement).disabled).toBe(true);
  });

  const stoppedRollback = {
    ...uploaded,
    match: { field: 'resident_id', onMatch: 'update', onNew: 'create' },
    mode: 'commit',
    status: 'rollbackFailed',
    rowsTotal: 3,
    rowsDone: 3,
    progress: 1 / 3,
    created: 3,
    rollback: { total: 3, removed: 1, restored: 0, changedSince: 0 },
    error: {
      message: 'The rollback failed 5 times in a row (last: ER_DUP_ENTRY) and has stopped. What was undone stays undone. Ask for the rollback again once the cause is fixed.',
      messageZh: '回滚连续 5 次失败（最后一次：ER_DUP_ENTRY），已停止。已撤销的更改保持撤销。排除原因后可再次发起回滚。',
    },
  } as ImportJob;

  it('says why a rollback stopped and how far it got, and rolls back again from there when asked', async () => {
    const server = fakeApi({
      'GET /api/runtime/entities/customer': { body: customerPage },
      [`GET /api/imports/${uploaded.id}`]: sequence({ body: stoppedRollback }, { body: { ...stoppedRollback, status: 'rolledBack', progress: 1, error: null, rollback: { total: 3, removed: 3, restored: 0, changedSince: 0 } } }),
      'GET /api/imports': { body: [stoppedRollback] },
      [`GET /api/imports/${uploaded.id}/problems?limit=200`]: { body: { items: [], total: 0 } },
      [`POST /api/imports/${uploaded.id}/rollback`]: { status: 202, body: { ...stoppedRollback, status: 'rollingBack', error: null } },
    });
    renderPage(<ImportPage />, server.client, { path: `/crm/customer/import?job=${uploaded.id}`, pattern: '/:app/:entity/import' });
    const user = userEvent.setup();
    const outcome = await screen.findByRole('region', { name: 'Import' });
    await waitFor(() =>
      expect(within(outcome).getByRole('status').textContent).toBe(
        'Rollback stopped after 1 of 3 records: The rollback failed 5 times in a row (last: ER_DUP_ENTRY) and has stopped. What was undone stays undone. Ask for the rollback again once the cause is fixed.',
      ),
    );
    expect((within(outcome).getByRole('progressbar', { name: 'Import progress' }) as HTMLProgressElement).value).toBeCloseTo(1 / 3);
    const recent = await screen.findByRole('navigation', { name: 'Your recent imports' });
    expect(within(recent).getByText('rollback stopped')).toBeTruthy();
    expect(within(outcome).queryByRole('button', { name: 'Roll back this import' })).toBeNull();
    // Asked again, with the same question as the first time.
    await user.click(within(outcome).getByRole('button', { name: 'Roll back again' }));
    await user.click(within(within(outcome).getByRole('alertdialog')).getByRole('button', { name: 'Roll back' }));
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => `${r.method} ${r.url}`)).toEqual([`POST /api/imports/${uploaded.id}/rollback`]);
    expect(await within(outcome).findByText('Rolling back: 1 of 3 records dealt with so far')).toBeTruthy();
    expect(await within(outcome).findByText(/^Rolled back: 3 removed, 0 restored/, undefined, { timeout: 3000 })).toBeTruthy();
    expect(within(outcome).queryByRole('button', { name: 'Roll back again' })).toBeNull();
  });

  it('says in Chinese why a rollback stopped, and offers to roll back again', async () => {
    await initTestI18n('zh-CN');
    const server = fakeApi({
      'GET /api/runtime/entities/customer': { body: customerPage },
      [`GET /api/imports/${uploaded.id}`]: { body: stoppedRollback },
      'GET /api/imports': { body: [stoppedRollback] },
      [`GET /api/imports/${uploaded.id}/problems?limit=200`]: { body: { items: [], total: 0 } },
    });
    renderPage(<ImportPage />, server.client, { path: `/crm/customer/import?job=${uploaded.id}`, pattern: '/:app/:entity/import' });
    const outcome = await screen.findByRole('region', { name: '导入' });
    await waitFor(() =>
      expect(within(outcome).getByRole('status').textContent).toBe('回滚已中止（已处理 1 / 3 条记录）：回滚连续 5 次失败（最后一次：ER_DUP_ENTRY），已停止。已撤销的更改保持撤销。排除原因后可再次发起回滚。'),
    );
    expect(within(outcome).getByRole('button', { name: '再次回滚' })).toBeTruthy();
    const recent = await screen.findByRole('navigation', { name: '最近的导入' });
    expect(within(recent).getByText('回滚已中止')).toBeTruthy();
  });

  const waitingRollback = {
    ...stoppedRollback,
    status: 'rollingBack',
    error: {
      message: 'Attempt 1 of 5 of the rollback failed (ER_LOCK_WAIT_TIMEOUT); it will be tried again in 30 seconds. What was undone stays undone.',
      messageZh: '回滚第 1 次尝试失败（共 5 次）（ER_LOCK_WAIT_TIMEOUT），将在 30 秒后重试。已撤销的更改保持撤销。',
    },
  } as ImportJob;

  it('says beside its progress why a rollback waits to try again, as a warning, and no more once it moves on', async () => {
    const server = fakeApi({
      'GET /api/runtime/entities/customer': { body: customerPage },
      // Waiting after a failed attempt, then tried again and going on (no reason any more), then done.
      [`GET /api/imports/${uploaded.id}`]: sequence(
        { body: waitingRollback },
        { body: { ...waitingRollback, error: null, progress: 2 / 3, rollback: { total: 3, removed: 2, restored: 0, changedSince: 0 } } },
        { body: { ...waitingRollback, status: 'rolledBack', error: null, progress: 1, rollback: { total: 3, removed: 3, restored: 0, changedSince: 0 } } },
      ),
      'GET /api/imports': { body: [waitingRollback] },
      [`GET /api/imports/${uploaded.id}/problems?limit=200`]: { body: { items: [], total: 0 } },
    });
    renderPage(<ImportPage />, server.client, { path: `/crm/customer/import?job=${uploaded.id}`, pattern: '/:app/:entity/import' });
    const outcome = await screen.findByRole('region', { name: 'Import' });
    const reason = await within(outcome).findByText(waitingRollback.error!.message);
    expect(reason.className).toBe('notice notice-warning');
    expect(within(outcome).getByRole('status').textContent).toBe('Rolling back: 1 of 3 records dealt with so far');
    expect(within(outcome).getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-describedby')).toBe(reason.id);
    // Tried again and going on: still rolling back, the reason is gone.
    await waitFor(() => expect(within(outcome).getByRole('status').textContent).toBe('Rolling back: 2 of 3 records dealt with so far'), { timeout: 3000 });
    expect(within(outcome).queryByText(/^Attempt 1 of 5/)).toBeNull();
    expect(within(outcome).getByRole('progressbar', { name: 'Import progress' }).getAttribute('aria-describedby')).toBeNull();
    expect(await within(outcome).findByText(/^Rolled back: 3 removed, 0 restored/, undefined, { timeout: 3000 })).toBeTruthy();
    expect(outcome.querySelector('.notice-warning')).toBeNull();
  });

  it('says in Chinese why a rollback waits to try again', async () => {
    await initTestI18n('zh-CN');
    const server = fakeApi({
      'GET /api/runtime/entities/customer': { body: customerPage },
      [`GET /api/imports/${uploaded.id}`]: { body: waitingRollback },
      'GET /api/imports': { body: [waitingRollback] },
    });
    renderPage(<ImportPage />, server.client, { path: `/crm/customer/import?job=${uploaded.id}`, pattern: '/:app/:entity/import' });
    const outcome = await screen.findByRole('region', { name: '导入' });
    const reason = await within(outcome).findByText('回滚第 1 次尝试失败（共 5 次）（ER_LOCK_WAIT_TIMEOUT），将在 30 秒后重试。已撤销的更改保持撤销。');
    expect(reason.className).toBe('notice notice-warning');
    expect(within(outcome).getByRole('status').textContent).toBe('正在回滚：已处理 1 / 3 条记录');
    expect(within(outcome).queryByText(/^Attempt/)).toBeNull();
  });
});
