import { fakeApi, renderPage } from '@bankforge/app-shell/testing';
import type { ImportJob } from '@bankforge/client';
import { cleanup, screen, within } from '@testing-library/react';
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
});
