import { fakeApi, problem, renderPage, sequence } from '@bankforge/app-shell/testing';
import type { ImportJob } from '@bankforge/client';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { initTestI18n } from '../../shell/testing/i18n.js';
import { ImportsPage } from './ImportsPage.js';

beforeAll(() => initTestI18n('en'));
afterEach(cleanup);

const job: ImportJob = {
  id: '0190f0a0-0000-7000-8000-000000000001',
  entity: 'customer',
  fileName: '客户复核.csv',
  format: 'csv',
  sizeBytes: 300,
  columns: [],
  match: { field: 'resident_id', onMatch: 'update', onNew: 'create' },
  mode: 'commit',
  status: 'done',
  rowsTotal: 3,
  rowsDone: 3,
  progress: 1,
  created: 0,
  updated: 2,
  skipped: 0,
  failed: 1,
  problemCount: 1,
  createdBy: 'u-wang',
  createdByName: 'wang_fang',
  createdAt: '2026-12-07T06:00:00.000Z',
  startedAt: '2026-12-07T06:00:01.000Z',
  finishedAt: '2026-12-07T06:00:02.000Z',
  error: null,
  rollback: null,
};

describe('ImportsPage', () => {
  it("lists every person's imports with their uploader, run, status and outcome", async () => {
    const failed: ImportJob = {
      ...job,
      id: '0190f0a0-0000-7000-8000-000000000002',
      entity: 'lead',
      fileName: 'leads.csv',
      status: 'failed',
      error: { message: 'The file could not be read.', messageZh: '无法读取该文件。' },
    };
    const server = fakeApi({
      'GET /api/imports?scope=all': { body: [job, failed] },
      'GET /api/artifacts/entity': {
        body: [
          {
            kind: 'entity',
            key: 'customer',
            title: 'Customer',
            label: { en: 'Customer', 'zh-CN': '客户' },
            revision: 1,
            latestVersion: 1,
            state: 'published',
            updatedAt: '2026-12-01T10:00:00.000Z',
          },
        ],
      },
    });
    renderPage(<ImportsPage />, server.client);
    const row = (await screen.findByRole('rowheader', { name: '客户复核.csv' })).closest('tr')!;
    // The entity by its label; one not published (or not listed) by its key.
    expect(
      within(row)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      'Customer',
      'wang_fang',
      new Date(job.createdAt).toLocaleString('en'),
      'Import',
      'Done',
      '3',
      '0 / 2 / 0 / 1',
      'Roll back',
    ]);
    const failedRow = screen.getByRole('rowheader', { name: 'leads.csv' }).closest('tr')!;
    expect(
      within(failedRow)
        .getAllByRole('cell')
        .map((c) => c.textContent)
        .slice(0, 1),
    ).toEqual(['lead']);
    expect(within(failedRow).getByText('The file could not be read.')).toBeTruthy();
  });

  it('says so to someone who is not an administrator', async () => {
    const server = fakeApi({
      'GET /api/imports?scope=all': {
        status: 403,
        body: { code: 'forbidden', title: 'Forbidden', status: 403 },
      },
    });
    renderPage(<ImportsPage />, server.client);
    expect((await screen.findByRole('alert')).textContent).toContain('Only an administrator');
  });

  describe('rolling back', () => {
    const kinds: ImportJob[] = [
      job,
      { ...job, id: '0190f0a0-0000-7000-8000-000000000003', fileName: 'failed.csv', status: 'failed' },
      {
        ...job,
        id: '0190f0a0-0000-7000-8000-000000000004',
        fileName: 'stopped.csv',
        status: 'rollbackFailed',
        error: { message: 'The rollback failed 5 times in a row.', messageZh: '回滚连续 5 次失败。' },
      },
      { ...job, id: '0190f0a0-0000-7000-8000-000000000005', fileName: 'checked.csv', mode: 'dryRun' },
      {
        ...job,
        id: '0190f0a0-0000-7000-8000-000000000006',
        fileName: 'running.csv',
        status: 'running',
        finishedAt: null,
      },
      { ...job, id: '0190f0a0-0000-7000-8000-000000000007', fileName: 'undoing.csv', status: 'rollingBack' },
      { ...job, id: '0190f0a0-0000-7000-8000-000000000008', fileName: 'undone.csv', status: 'rolledBack' },
      {
        ...job,
        id: '0190f0a0-0000-7000-8000-000000000009',
        fileName: 'never-run.csv',
        mode: null,
        status: 'uploaded',
      },
      { ...job, id: '0190f0a0-0000-7000-8000-00000000000a', fileName: 'old.csv', status: 'expired' },
    ];
    const rollbackRoute = `POST /api/imports/${job.id}/rollback`;
    // Lists with moving jobs are read again only when a test says so.
    const renderJobs = (routes: Parameters<typeof fakeApi>[0] = {}, followMs = 3_600_000) => {
      const server = fakeApi({
        'GET /api/imports?scope=all': { body: kinds },
        'GET /api/artifacts/entity': { body: [] },
        ...routes,
      });
      renderPage(<ImportsPage followMs={followMs} />, server.client);
      return { server, actor: userEvent.setup() };
    };
    const rowOf = (file: string): HTMLElement => screen.getByRole('rowheader', { name: file }).closest('tr')!;
    const posts = (server: ReturnType<typeof fakeApi>): string[] =>
      server.requests.filter((r) => r.method === 'POST').map((r) => r.url);

    it('offers it only for a committed import that has stopped, and again for a rollback that stopped', async () => {
      renderJobs();
      await screen.findByRole('rowheader', { name: '客户复核.csv' });
      expect(
        within(rowOf('客户复核.csv')).getByRole('button', { name: 'Roll back 客户复核.csv' }).textContent,
      ).toBe('Roll back');
      expect(
        within(rowOf('failed.csv')).getByRole('button', { name: 'Roll back failed.csv' }).textContent,
      ).toBe('Roll back');
      expect(
        within(rowOf('stopped.csv')).getByRole('button', { name: 'Roll back stopped.csv again' }).textContent,
      ).toBe('Roll back again');
      for (const file of [
        'checked.csv',
        'running.csv',
        'undoing.csv',
        'undone.csv',
        'never-run.csv',
        'old.csv',
      ]) {
        expect(within(rowOf(file)).queryByRole('button'), file).toBeNull();
      }
    });

    it('asks first, by keyboard, then rolls the job back and shows it rolling back', async () => {
      const { server, actor } = renderJobs({
        'GET /api/imports?scope=all': sequence(
          { body: kinds },
          { body: [{ ...job, status: 'rollingBack' }, ...kinds.slice(1)] },
        ),
        [rollbackRoute]: {
          status: 202,
          body: {
            ...job,
            status: 'rollingBack',
            rollback: { total: 2, removed: 0, restored: 0, changedSince: 0 },
          },
        },
      });
      (await screen.findByRole('button', { name: 'Roll back 客户复核.csv' })).focus();
      await actor.keyboard('{Enter}');
      const dialog = screen.getByRole('dialog', { name: 'Roll back 客户复核.csv?' });
      expect(posts(server)).toEqual([]);
      await actor.click(within(dialog).getByRole('button', { name: 'Roll back' }));
      expect(await screen.findByText('客户复核.csv is rolling back.')).toBeTruthy();
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(posts(server)).toEqual([`/api/imports/${job.id}/rollback`]);
      expect(within(rowOf('客户复核.csv')).getByText('Rolling back')).toBeTruthy();
      expect(within(rowOf('客户复核.csv')).queryByRole('button')).toBeNull();
      // Read again after asking.
      expect(server.requests.filter((r) => r.url === '/api/imports?scope=all')).toHaveLength(2);
    });

    it('does nothing when cancelled', async () => {
      const { server, actor } = renderJobs({
        [rollbackRoute]: { status: 202, body: { ...job, status: 'rollingBack' } },
      });
      await actor.click(await screen.findByRole('button', { name: 'Roll back 客户复核.csv' }));
      await actor.click(
        within(screen.getByRole('dialog', { name: 'Roll back 客户复核.csv?' })).getByRole('button', {
          name: 'Cancel',
        }),
      );
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(posts(server)).toEqual([]);
      expect(within(rowOf('客户复核.csv')).getByText('Done')).toBeTruthy();
    });

    it('shows a refusal in the dialog, which stays open', async () => {
      const message = 'Only a committed import that has stopped can be rolled back; import x is rollingBack.';
      const { actor } = renderJobs({
        [rollbackRoute]: problem(409, 'importNotRollbackable', {
          errors: [
            {
              path: '/',
              code: 'importNotRollbackable',
              message,
              messageZh: '只有已正式导入且已结束的导入才能回滚。',
            },
          ],
        }),
      });
      await actor.click(await screen.findByRole('button', { name: 'Roll back 客户复核.csv' }));
      const dialog = screen.getByRole('dialog', { name: 'Roll back 客户复核.csv?' });
      await actor.click(within(dialog).getByRole('button', { name: 'Roll back' }));
      expect((await within(dialog).findByRole('alert')).textContent).toBe(`The server refused: ${message}`);
      expect(screen.getByRole('dialog', { name: 'Roll back 客户复核.csv?' })).toBe(dialog);
      await actor.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      expect(within(rowOf('客户复核.csv')).getByText('Done')).toBeTruthy();
    });

    it('follows a rollback without Refresh: its progress while it runs, what it did once it ends', async () => {
      const undoing = {
        ...job,
        status: 'rollingBack' as const,
        rollback: { total: 4, removed: 1, restored: 1, changedSince: 0 },
      };
      const undone = {
        ...job,
        status: 'rolledBack' as const,
        rollback: { total: 4, removed: 2, restored: 1, changedSince: 1 },
      };
      const settled = kinds.slice(1).filter((k) => k.status !== 'running' && k.status !== 'rollingBack');
      const { server, actor } = renderJobs(
        {
          'GET /api/imports?scope=all': sequence(
            { body: [job, ...settled] },
            { body: [undoing, ...settled] },
            { body: [undone, ...settled] },
          ),
          [rollbackRoute]: {
            status: 202,
            body: { ...undoing, rollback: { total: 4, removed: 0, restored: 0, changedSince: 0 } },
          },
        },
        150,
      );
      await actor.click(await screen.findByRole('button', { name: 'Roll back 客户复核.csv' }));
      await actor.click(
        within(screen.getByRole('dialog', { name: 'Roll back 客户复核.csv?' })).getByRole('button', {
          name: 'Roll back',
        }),
      );
      expect(await screen.findByText('客户复核.csv is rolling back.')).toBeTruthy();
      expect(
        await within(rowOf('客户复核.csv')).findByRole('progressbar', { name: '2 of 4 undone' }),
      ).toBeTruthy();
      expect(
        await screen.findByText(
          '客户复核.csv was rolled back: 2 removed, 1 restored, 1 left as they were changed since.',
        ),
      ).toBeTruthy();
      expect(within(rowOf('客户复核.csv')).getByText('2 removed, 1 restored, 1 changed since')).toBeTruthy();
      expect(within(rowOf('客户复核.csv')).queryByRole('progressbar')).toBeNull();
      // Nothing moves any more: the list is not read again.
      const reads = server.requests.filter((r) => r.url === '/api/imports?scope=all').length;
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(server.requests.filter((r) => r.url === '/api/imports?scope=all')).toHaveLength(reads);
    });

    it('says it in Chinese: 回滚 and 再次回滚, confirmed or cancelled', async () => {
      await initTestI18n('zh-CN');
      try {
        const { server, actor } = renderJobs({
          [`POST /api/imports/${kinds[2]!.id}/rollback`]: {
            status: 202,
            body: { ...kinds[2], status: 'rollingBack', error: null },
          },
          // Read again: it stopped again at once (the list says so, and so does the notice).
        });
        await screen.findByRole('rowheader', { name: '客户复核.csv' });
        expect(
          within(rowOf('客户复核.csv')).getByRole('button', { name: '回滚 客户复核.csv' }).textContent,
        ).toBe('回滚');
        expect(within(rowOf('checked.csv')).queryByRole('button')).toBeNull();
        await actor.click(within(rowOf('客户复核.csv')).getByRole('button', { name: '回滚 客户复核.csv' }));
        await actor.click(
          within(screen.getByRole('dialog', { name: '回滚 客户复核.csv？' })).getByRole('button', {
            name: '取消',
          }),
        );
        expect(posts(server)).toEqual([]);

        const again = within(rowOf('stopped.csv')).getByRole('button', { name: '再次回滚 stopped.csv' });
        expect(again.textContent).toBe('再次回滚');
        await actor.click(again);
        await actor.click(
          within(screen.getByRole('dialog', { name: '回滚 stopped.csv？' })).getByRole('button', {
            name: '确认回滚',
          }),
        );
        expect(await screen.findByText('stopped.csv 的回滚已中止，原因见其状态。')).toBeTruthy();
        expect(posts(server)).toEqual([`/api/imports/${kinds[2]!.id}/rollback`]);
      } finally {
        await initTestI18n('en');
      }
    });
  });
});
